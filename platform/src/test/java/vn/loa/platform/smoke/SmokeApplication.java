package vn.loa.platform.smoke;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.platform.messaging.IncomingEvent;
import vn.loa.platform.outbox.Outbox;

/**
 * A tiny producer and consumer wired exactly like a Loa service: the producer changes a document and leaves the
 * event in its outbox in the same write; the consumer reads the event from Kafka and records it idempotently.
 */
@SpringBootApplication
public class SmokeApplication {

    static final String PLANS = "smokePlans";
    static final String RECEIVED = "smokeReceived";
    /** Every delivery, duplicates included: proof that a duplicate really arrived. */
    static final String DELIVERIES = "smokeDeliveries";
    /** A plan whose id starts so meets a database that passes: it fails this many times before it is written. */
    static final String DATABASE_DOWN = "database-down-";
    static final int DATABASE_DOWN_TRIES = 6;
    /** A plan whose id starts so meets a fault that does not pass: it fails every time. */
    static final String BROKEN = "broken-";
    private static final java.util.Map<String, Integer> tries = new java.util.concurrent.ConcurrentHashMap<>();

    /** Closes a plan: one single-document write holds the state change and its event. */
    static void closePlan(MongoTemplate mongo, Outbox outbox, String tenant, String planId) {
        PlanClosed event = new PlanClosed(tenant, planId, 1, Instant.parse("2025-12-31T10:00:00Z"), "leader");
        Update update = outbox.append(new Update().set("tenantId", tenant).set("status", "CLOSED"), List.of(event));
        mongo.upsert(Query.query(Criteria.where("_id").is(planId)), update, PLANS);
        outbox.flush();
    }

    @Bean
    Consumer<Message<PlanEvent>> onPlanEvent(MongoTemplate mongo) {
        return message -> {
            String id = IncomingEvent.id(message);
            mongo.insert(new Document("ceId", id), DELIVERIES);
            switch (message.getPayload()) {
                // idempotent: keyed by ce_id, written only on first sight
                case PlanClosed closed when closed.planId().startsWith(DATABASE_DOWN)
                        && tries.merge(closed.planId(), 1, Integer::sum) <= DATABASE_DOWN_TRIES ->
                    throw new org.springframework.dao.DataAccessResourceFailureException("Timed out while waiting"
                            + " for a server that matches WritableServerSelector");
                case PlanClosed closed when closed.planId().startsWith(BROKEN) ->
                    throw new IllegalStateException("a fault that does not pass: " + closed.planId());
                case PlanClosed closed -> mongo.upsert(Query.query(Criteria.where("_id").is(id)),
                        new Update().setOnInsert("planId", closed.planId()).setOnInsert("tenantId", closed.tenantId())
                                .setOnInsert("type", IncomingEvent.type(message)),
                        RECEIVED);
                default -> {
                    // other plan events are not this test's business
                }
            }
        };
    }

    static Document received(MongoTemplate mongo, String ceId) {
        return mongo.findById(ceId, Document.class, RECEIVED);
    }
}
