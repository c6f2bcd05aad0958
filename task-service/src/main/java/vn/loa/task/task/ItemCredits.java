package vn.loa.task.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;

/**
 * Every credit one item ever had on one task, oldest first: at most one of them active. Stored one document per
 * (task, item) in {@link Credits#COLLECTION}, apart from the task, so that the task's document does not grow with its
 * history and crediting costs the same with ten or ten thousand credits before it (ADR 0006).
 *
 * @param key      the document id, {@code <task key>|<item id>}
 * @param taskKey  the task's document id ({@link Task#id()})
 * @param revision the task's revision that wrote this state: a copy only ever replaces an older one
 */
public record ItemCredits(@Id String key, String tenantId, String taskKey, String itemId, long revision,
        List<Credit> credits) {

    public ItemCredits {
        credits = credits == null ? List.of() : List.copyOf(credits);
    }

    static String key(String taskDocumentId, String itemId) {
        return taskDocumentId + "|" + itemId;
    }

    static ItemCredits none(Task task, String itemId) {
        return new ItemCredits(key(task.id(), itemId), task.tenantId(), task.id(), itemId, -1, List.of());
    }

    Optional<Credit> active() {
        return credits.stream().filter(Credit::active).findFirst();
    }

    Optional<Credit> withId(String creditId) {
        return credits.stream().filter(c -> c.creditId().equals(creditId)).findFirst();
    }

    ItemCredits adding(Credit credit) {
        List<Credit> all = new ArrayList<>(credits);
        all.add(credit);
        return new ItemCredits(key, tenantId, taskKey, itemId, revision, all);
    }

    ItemCredits replacing(Credit old, Credit next) {
        return new ItemCredits(key, tenantId, taskKey, itemId, revision,
                credits.stream().map(c -> c.creditId().equals(old.creditId()) ? next : c).toList());
    }

    ItemCredits at(long taskRevision) {
        return new ItemCredits(key, tenantId, taskKey, itemId, taskRevision, credits);
    }

    /** The newer of two copies of the same (task, item). */
    static ItemCredits newer(ItemCredits a, ItemCredits b) {
        return a == null ? b : b == null || a.revision >= b.revision ? a : b;
    }
}
