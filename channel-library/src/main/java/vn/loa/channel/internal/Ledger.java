package vn.loa.channel.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * "Do this once" records in one collection, keyed by the idempotency key ({@code _id}). A record is claimed by
 * inserting it {@code IN_PROGRESS} with a claim token and a lease; it is finished by one conditional update (which
 * also carries the outbox events). A second delivery of the same key:
 * <ul>
 *   <li>finds it finished → nothing to do ({@link Claim.Done});</li>
 *   <li>finds it in progress under a live lease (another instance, or a redelivery racing the first) → waits until
 *       the holder finishes (then {@link Claim.Done}) or its lease runs out;</li>
 *   <li>finds the lease expired (the holder crashed mid-way) → takes it over with a new token
 *       ({@link Claim.TakenOver}); only one instance can win the take-over (the update checks the old lease).</li>
 * </ul>
 */
class Ledger {

    static final String STATE = "state";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String CLAIM = "claim";
    static final String LEASE_UNTIL = "leaseUntil";

    sealed interface Claim permits Claim.Fresh, Claim.TakenOver, Claim.Done {
        record Fresh(String token) implements Claim {
        }

        record TakenOver(String token, int takeovers) implements Claim {
        }

        record Done(Document record) implements Claim {
        }
    }

    private final MongoTemplate mongo;
    private final String collection;
    private final Clock clock;
    private final Duration lease;
    private final Duration poll;
    private final Counter waits;

    Ledger(MongoTemplate mongo, String collection, Clock clock, Duration lease, Duration poll, MeterRegistry meters) {
        this.waits = Counter.builder("loa.channel.lease-waits").tag("ledger", collection)
                .description("Deliveries that found their key in progress under a live lease and waited").register(meters);
        this.mongo = mongo;
        this.collection = collection;
        this.clock = clock;
        this.lease = lease;
        this.poll = poll;
    }

    Claim claim(String key, Document fields) {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Document record = new Document(fields).append("_id", key).append(STATE, IN_PROGRESS).append(CLAIM, token)
                .append(LEASE_UNTIL, Date.from(now.plus(lease))).append("receivedAt", Date.from(now))
                .append("takeovers", 0);
        try {
            mongo.insert(record, collection);
            return new Claim.Fresh(token);
        } catch (DuplicateKeyException seen) {
            return awaitOrTakeOver(key);
        }
    }

    private Claim awaitOrTakeOver(String key) {
        Instant giveUp = clock.instant().plus(lease).plus(lease);
        boolean waited = false;
        while (true) {
            Document existing = mongo.findById(key, Document.class, collection);
            if (existing == null) {
                throw new IllegalStateException("ledger record " + key + " vanished");
            }
            if (!IN_PROGRESS.equals(existing.getString(STATE))) {
                return new Claim.Done(existing);
            }
            Date leaseUntil = existing.getDate(LEASE_UNTIL);
            Instant now = clock.instant();
            if (leaseUntil == null || !leaseUntil.toInstant().isAfter(now)) {
                String token = UUID.randomUUID().toString();
                Document taken = mongo.findAndModify(
                        Query.query(Criteria.where("_id").is(key).and(STATE).is(IN_PROGRESS).and(LEASE_UNTIL)
                                .is(leaseUntil)),
                        new Update().set(CLAIM, token).set(LEASE_UNTIL, Date.from(now.plus(lease))).inc("takeovers", 1),
                        FindAndModifyOptions.options().returnNew(true), Document.class, collection);
                if (taken != null) {
                    return new Claim.TakenOver(token, taken.getInteger("takeovers", 1));
                }
                continue; // another instance took it over first: wait for that one
            }
            if (now.isAfter(giveUp)) {
                // cannot happen with a sane clock; a retryable error lets the binder try again later
                throw new IllegalStateException("ledger record " + key + " stays in progress");
            }
            if (!waited) {
                waits.increment();
                waited = true;
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + key, e);
            }
        }
    }

    /** Finishes a claimed record with the update (state, results, outbox). False when the claim was lost. */
    /** The collection the records are in (also an outbox collection: a finished record carries its event). */
    String collection() {
        return collection;
    }

    boolean finish(String key, String token, Update update) {
        update.unset(LEASE_UNTIL).set("finishedAt", Date.from(clock.instant()));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(key).and(STATE).is(IN_PROGRESS).and(CLAIM)
                .is(token)), update, collection).getModifiedCount() == 1;
    }
}
