package vn.loa.platform.outbox;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends what aggregates left in their {@code outbox} arrays, in order per aggregate, and removes each entry only
 * after the broker acknowledged it ({@code acks=all}). A document is leased while one relay works on it, so several
 * instances share the work without sending the same aggregate's events out of order. While the broker is down,
 * entries simply wait; a crash between the send and the removal sends an entry again with the same {@code ce_id},
 * which consumers recognise.
 *
 * <p>The hot path is a hand-off, not a poll: a write that left events names its document
 * ({@link #wakeUp(String, Object)}) and wakes the relay thread at once. Each pass takes <em>every</em> document named
 * since the last one (up to {@value #BATCH}) and works on them together:
 * <ol>
 *   <li><b>claim</b> them in one write ({@code _id $in …}, lease free or over → lease with this pass's token) and
 *       read what this pass holds in one query; a single document is claimed and read in one
 *       {@code findAndModify};</li>
 *   <li><b>send</b> every entry of every claimed document asynchronously, in each document's order (one key, one
 *       partition; the idempotent producer keeps the order of what is in flight), and <b>wait once</b> for all the
 *       acknowledgements;</li>
 *   <li><b>remove</b> what was acknowledged and release the leases in one bulk write.</li>
 * </ol>
 * So a burst costs three database round trips per batch rather than two per event. An entry is removed only if it
 * and every entry before it in its document were acknowledged; on a failure the rest of that document waits for the
 * next attempt (an entry acknowledged after a failed one is then sent again, with the same {@code ce_id}).
 *
 * <p>A <em>sweep</em> looks through every outbox collection for anything left over (events of a crashed instance, a
 * send that failed, a document another instance held while this one was named): at start, after a failed send, and
 * every {@code sweepInterval} ({@code loa.outbox.sweep-interval}); it claims what it finds in the same batches.
 *
 * <p>Metrics: {@code loa.events.produced} (tags {@code topic}, {@code type}) for every event the broker acknowledged,
 * {@code loa.outbox.failures} for failed sends, {@code loa.outbox.pending} (events waiting in outboxes, counted at
 * most every few seconds), {@code loa.outbox.batch} (documents per pass). The W3C trace headers stored with an entry
 * go out as Kafka headers.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outboxLease";
    /** Which claim holds the lease: the pass reads back exactly the documents it claimed. */
    private static final String LEASE_BY = "outboxLeaseBy";
    /** Documents per pass: claimed, sent and cleaned together. */
    static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration sweepInterval;
    /** Documents known to hold new events: collection and _id, from the writes of this instance. */
    private final ConcurrentLinkedQueue<Hint> hints = new ConcurrentLinkedQueue<>();
    /** A sweep is due at the next pass (at start, when asked, after a failure). */
    private volatile boolean sweepNow = true;
    private long lastSweep;
    private final Duration lease;
    private final Duration sendTimeout;
    private final Semaphore wake = new Semaphore(0);
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    private final MeterRegistry meters;
    private final Counter published;
    private final Counter failures;
    private final DistributionSummary batchSize;
    private final PendingCount pending = new PendingCount();
    private volatile Thread worker;
    private volatile boolean running;

    private record Hint(String collection, Object id) {
    }

    /** One claimed document on its way: its entries and, once sent, their acknowledgements in order. */
    private record InFlight(Object id, List<OutboxEntry> entries, List<CompletableFuture<?>> acks) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
            Clock clock, Duration pollInterval, Duration lease, Duration sendTimeout, MeterRegistry meters) {
        this(mongo, kafka, collections, clock, pollInterval, pollInterval, lease, sendTimeout, meters);
    }

    /**
     * @param pollInterval  how long the relay sleeps when nobody wakes it
     * @param sweepInterval how often it looks through whole collections for events nobody named
     */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<String> collections,
            Clock clock, Duration pollInterval, Duration sweepInterval, Duration lease, Duration sendTimeout,
            MeterRegistry meters) {
        this.sweepInterval = sweepInterval;
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.sendTimeout = sendTimeout;
        this.meters = meters;
        this.published = Counter.builder("loa.outbox.published").description("Events sent from the outbox")
                .register(meters);
        this.failures = Counter.builder("loa.outbox.failures").description("Outbox sends that failed (retried)")
                .register(meters);
        this.batchSize = DistributionSummary.builder("loa.outbox.batch")
                .description("Documents claimed, sent and cleaned together in one pass").register(meters);
        Gauge.builder("loa.outbox.pending", pending, PendingCount::value)
                .description("Events waiting in this service's outboxes").register(meters);
    }

    public static final String PRODUCED = "loa.events.produced";

    /** Asks for a sweep of every outbox collection now. */
    public void wakeUp() {
        sweepNow = true;
        wake.release();
    }

    /** Asks to send the events just written to one document. */
    public void wakeUp(String collection, Object id) {
        hints.add(new Hint(collection, id));
        wake.release();
    }

    /**
     * Sends everything pending now (a sweep); returns how many events went out. Used by the loop and by tests. One
     * query per collection finds up to {@value #BATCH} documents with events, which are then claimed and sent as one
     * batch, until a query finds no more that this relay could claim.
     */
    public int relayPending() {
        hints.clear(); // the sweep finds them too
        int sent = 0;
        for (String collection : collections) {
            List<Object> ids;
            int progress;
            do {
                Query pendingDocs = new Query(Criteria.where(Outbox.PENDING).exists(true)).limit(BATCH);
                pendingDocs.fields().include("_id");
                ids = mongo.find(pendingDocs, Document.class, collection).stream().map(d -> d.get("_id")).toList();
                progress = ids.isEmpty() ? 0 : relay(collection, ids);
                if (progress < 0) {
                    return sent; // broker trouble: back off until the next pass
                }
                sent += progress;
            } while (ids.size() == BATCH && progress > 0);
        }
        return sent;
    }

    /** Sends the events of the documents named since the last pass, up to one batch per collection. */
    private void relayNamed() {
        Map<String, Set<Object>> named = new LinkedHashMap<>();
        int taken = 0;
        Hint hint;
        while (taken < BATCH && (hint = hints.poll()) != null) {
            if (named.computeIfAbsent(hint.collection(), c -> new LinkedHashSet<>()).add(hint.id())) {
                taken++;
            }
        }
        for (Map.Entry<String, Set<Object>> e : named.entrySet()) {
            if (relay(e.getKey(), e.getValue()) < 0) {
                // what was named and not sent stays in its documents: the sweep that a failure asks for finds it
                return;
            }
        }
    }

    /** Claims, sends and cleans one batch of documents; returns the events sent, or -1 after a failed send. */
    private int relay(String collection, Collection<Object> ids) {
        List<Document> claimed = claim(collection, ids);
        if (claimed.isEmpty()) {
            return 0;
        }
        batchSize.record(claimed.size());
        return send(collection, claimed);
    }

    private List<Document> claim(String collection, Collection<Object> ids) {
        Instant now = clock.instant();
        String token = instance + "-" + claims.incrementAndGet();
        boolean one = ids.size() == 1;
        // one flat filter ({_id, outbox.ceId, $or}), which a database serves from the _id index
        Criteria pendingDocs = (one ? Criteria.where("_id").is(ids.iterator().next()) : Criteria.where("_id").in(ids))
                .and(Outbox.PENDING).exists(true);
        pendingDocs.orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE).is(null),
                Criteria.where(LEASE).lt(Date.from(now)));
        Update take = new Update().set(LEASE, Date.from(now.plus(lease))).set(LEASE_BY, token);
        if (one) {
            Query query = new Query(pendingDocs);
            query.fields().include(Outbox.FIELD);
            Document doc = mongo.findAndModify(query, take, FindAndModifyOptions.options().returnNew(true),
                    Document.class, collection);
            return doc == null ? List.of() : List.of(doc);
        }
        UpdateResult result = mongo.updateMulti(new Query(pendingDocs), take, collection);
        if (result.getModifiedCount() == 0) {
            return List.of();
        }
        Query mine = new Query(Criteria.where("_id").in(ids).and(LEASE_BY).is(token));
        mine.fields().include(Outbox.FIELD);
        return mongo.find(mine, Document.class, collection);
    }

    private int send(String collection, List<Document> docs) {
        List<InFlight> inFlight = new ArrayList<>(docs.size());
        boolean trouble = false;
        for (Document doc : docs) {
            InFlight f = new InFlight(doc.get("_id"), doc.getList(Outbox.FIELD, Document.class).stream()
                    .map(OutboxEntry::fromDocument).toList(), new ArrayList<>());
            inFlight.add(f);
            if (trouble) {
                continue; // the broker refused already: the rest of the batch waits, leased only until released
            }
            for (OutboxEntry e : f.entries()) {
                try {
                    f.acks().add(kafka.send(record(e)));
                } catch (RuntimeException ex) { // e.g. no metadata within max.block.ms
                    failed(e, ex);
                    trouble = true;
                    break;
                }
            }
        }
        // wait once, for everything in flight
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        BulkOperations cleanUp = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int sent = 0;
        for (InFlight f : inFlight) {
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < f.acks().size(); i++) {
                OutboxEntry e = f.entries().get(i);
                try {
                    f.acks().get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    trouble = true;
                    break;
                } catch (Exception ex) {
                    failed(e, ex);
                    trouble = true;
                    break;
                }
                acknowledged.add(e.id());
                published.increment();
                Counter.builder(PRODUCED).description("Events the broker acknowledged, per topic and type")
                        .tag("topic", e.topic()).tag("type", e.type()).register(meters).increment();
            }
            sent += acknowledged.size();
            Update done = new Update();
            if (!acknowledged.isEmpty()) {
                done.pull(Outbox.FIELD, new Document("ceId", new Document("$in", acknowledged)));
            }
            if (acknowledged.size() < f.entries().size()) {
                done.set(LEASE, Date.from(clock.instant())).unset(LEASE_BY); // free it for the next attempt
            } else {
                done.unset(LEASE).unset(LEASE_BY);
            }
            cleanUp.updateOne(Query.query(Criteria.where("_id").is(f.id())), done);
        }
        cleanUp.execute();
        if (trouble) {
            sweepNow = true; // after the pause, look for everything still waiting
            return -1;
        }
        return sent;
    }

    private static ProducerRecord<String, byte[]> record(OutboxEntry e) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(e.topic(), e.key(),
                e.data().getBytes(StandardCharsets.UTF_8));
        e.envelope().headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        e.trace().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private void failed(OutboxEntry e, Exception ex) {
        failures.increment();
        log.warn("Outbox: could not send {} {} to {} ({}); it stays in the outbox and is retried",
                e.type(), e.id(), e.topic(), ex.toString());
    }

    /** Events waiting in every outbox collection now (one aggregation per collection). */
    public long countPending() {
        long n = 0;
        for (String collection : collections) {
            List<Document> pipeline = List.of(
                    new Document("$match", new Document(Outbox.PENDING, new Document("$exists", true))),
                    new Document("$project", new Document("n", new Document("$size", "$" + Outbox.FIELD))),
                    new Document("$group", new Document("_id", null).append("n", new Document("$sum", "$n"))));
            Document total = mongo.getCollection(collection).aggregate(pipeline).first();
            if (total != null) {
                n += ((Number) total.get("n")).longValue();
            }
        }
        return n;
    }

    /** The gauge's value: counted again when older than five seconds, so a scrape costs at most one count. */
    private final class PendingCount {
        private static final long TTL_NANOS = Duration.ofSeconds(5).toNanos();
        private volatile double value = 0;
        private volatile long countedAt = System.nanoTime() - TTL_NANOS - 1;

        double value() {
            long now = System.nanoTime();
            if (now - countedAt > TTL_NANOS) {
                countedAt = now;
                try {
                    value = countPending();
                } catch (RuntimeException e) {
                    value = Double.NaN; // the database does not answer: unknown, not zero
                }
            }
            return value;
        }
    }

    private void loop() {
        while (running) {
            try {
                if (sweepNow || System.nanoTime() - lastSweep >= sweepInterval.toNanos()) {
                    sweepNow = false;
                    lastSweep = System.nanoTime();
                    relayPending();
                } else {
                    relayNamed();
                }
            } catch (RuntimeException e) {
                sweepNow = true;
                log.warn("Outbox relay pass failed: {}", e.toString());
            }
            if (!hints.isEmpty() && !sweepNow) {
                continue; // more was named than one batch holds: no pause
            }
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The sparse index that finds the documents with events waiting ({@link Outbox#PENDING}) on every outbox
     * collection, so that a sweep reads those documents, not the collection. Created if missing (an index that
     * exists is left as is); a database that does not answer now is not fatal: the sweeps still work, by reading.
     */
    void ensurePendingIndexes() {
        for (String collection : collections) {
            try {
                mongo.getCollection(collection).createIndex(new Document(Outbox.PENDING, 1),
                        new IndexOptions().sparse(true).name("outbox_pending"));
            } catch (RuntimeException e) {
                log.warn("Outbox: index {} on {} not created ({}); sweeps read the collection", Outbox.PENDING,
                        collection, e.toString());
            }
        }
    }

    @Override
    public void start() {
        ensurePendingIndexes();
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        Thread t = worker;
        if (t != null) {
            try {
                // let the pass under way finish, so that what the broker has is also cleaned from the outbox
                t.join(5000);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
