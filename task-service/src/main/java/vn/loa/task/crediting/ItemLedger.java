package vn.loa.task.crediting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;

/**
 * Everything task-service has heard about one content item: every publication and every retraction, as sets. Sets
 * make the ledger indifferent to duplicates and to the order events arrive in; the credits are then a pure function
 * of the ledger ({@link CreditRule}). {@code version} grows on every write, so a reader can tell it read a ledger
 * that has changed since.
 */
public record ItemLedger(@Id String id, String tenantId, String itemId, long version, List<Publication> publications,
        List<Retraction> retractions) {

    public ItemLedger {
        publications = publications == null ? List.of() : List.copyOf(publications);
        retractions = retractions == null ? List.of() : List.copyOf(retractions);
    }

    /**
     * Whether a publication was taken down: a retraction on its channel at or after it. Retractions from
     * {@code until} on are ignored (the task stopped changing then); null: none is ignored.
     */
    public boolean retracted(Publication p, Instant until) {
        return retractions.stream().anyMatch(r -> Objects.equals(r.channel(), p.channel())
                && !r.at().isBefore(p.at())
                && (until == null || r.at().isBefore(until)));
    }

    public List<String> namedTaskIds() {
        return publications.stream().flatMap(p -> p.taskIds().stream()).distinct().toList();
    }

    public List<String> kinds() {
        return publications.stream().map(Publication::kind).distinct().toList();
    }
}
