package vn.loa.channel.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.loa.channel.Outcome;
import vn.loa.channel.PendingPublications;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.platform.outbox.Outbox;

/**
 * {@link PendingPublications} on the request records ({@code channel_requests}): a {@code PENDING} record is closed
 * by one update guarded by {@code state = PENDING}, which carries the result event in the record's outbox. Of two
 * racing completions exactly one matches; the other reads what the winner recorded.
 */
final class PendingDesk implements PendingPublications {

    static final String PENDING = "PENDING";
    private static final Logger log = LoggerFactory.getLogger(PendingDesk.class);

    private final MongoTemplate mongo;
    private final Channels channels;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    PendingDesk(MongoTemplate mongo, Channels channels, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.channels = channels;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Completion succeed(String tenantId, String requestId, Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return complete(tenantId, requestId, record -> {
            Instant at = outcome.publishedAt() != null ? outcome.publishedAt() : clock.instant();
            PublicationSucceeded event = new PublicationSucceeded(tenantId, requestId, record.getString("itemId"),
                    record.getString("channel"), outcome.url(), at, outcome.externalId(), outcome.files());
            Update update = new Update().set(Ledger.STATE, "SUCCEEDED").set("url", outcome.url())
                    .set("publishedAt", Date.from(at)).set("externalId", outcome.externalId());
            return new Step(update, event, "succeeded");
        });
    }

    @Override
    public Completion fail(String tenantId, String requestId, String reason, boolean retryable) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a failure needs a reason (in Vietnamese)");
        }
        return complete(tenantId, requestId, record -> {
            PublicationFailed event = new PublicationFailed(tenantId, requestId, record.getString("itemId"),
                    record.getString("channel"), reason, retryable, clock.instant());
            Update update = new Update().set(Ledger.STATE, "FAILED").set("reason", reason).set("retryable", retryable);
            return new Step(update, event, "failed");
        });
    }

    private record Step(Update update, LoaEvent event, String outcome) {
    }

    private Completion complete(String tenantId, String requestId, java.util.function.Function<Document, Step> step) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Document record = mongo.findById(requestId, Document.class, RequestLedger.COLLECTION);
            if (record == null || tenantId == null || !tenantId.equals(record.getString("tenantId"))
                    || channels.get(record.getString("channel")).isEmpty()) {
                return Completion.of(Completion.Status.UNKNOWN);
            }
            String state = record.getString(Ledger.STATE);
            if (!PENDING.equals(state)) {
                return recorded(record, false);
            }
            Step s = step.apply(record);
            Update update = outbox.append(s.update().set("completedAt", Date.from(clock.instant())),
                    List.of(s.event()));
            boolean won = mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("tenantId")
                    .is(tenantId).and(Ledger.STATE).is(PENDING)), update, RequestLedger.COLLECTION)
                    .getModifiedCount() == 1;
            if (won) {
                outbox.flush(RequestLedger.COLLECTION, requestId);
                meters.counter("loa.channel.publications", "channel", record.getString("channel"),
                        "outcome", s.outcome()).increment();
                log.info("Pending request {} ({}) completed: {}", requestId, record.getString("channel"),
                        s.outcome());
                return recorded(mongo.findById(requestId, Document.class, RequestLedger.COLLECTION), true);
            }
            // another completion won between our read and our update: read what it recorded
        }
        throw new IllegalStateException("request " + requestId + " keeps changing under completion");
    }

    private static Completion recorded(Document record, boolean now) {
        String state = record.getString(Ledger.STATE);
        return switch (state == null ? "" : state) {
            case "SUCCEEDED" -> new Completion(Completion.Status.SUCCEEDED, now, record.getString("url"),
                    instant(record.getDate("publishedAt")), record.getString("externalId"), null, false);
            case "FAILED" -> new Completion(Completion.Status.FAILED, now, null, null, null,
                    record.getString("reason"), Boolean.TRUE.equals(record.getBoolean("retryable")));
            case Ledger.IN_PROGRESS -> Completion.of(Completion.Status.IN_PROGRESS);
            default -> throw new IllegalStateException("request " + record.get("_id") + " in state " + state);
        };
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
