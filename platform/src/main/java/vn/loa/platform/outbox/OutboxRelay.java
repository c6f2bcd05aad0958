package vn.loa.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
 * <p>Two kinds of pass. A write that left events names its document ({@link #wakeUp(String, Object)}): the relay
 * claims exactly that document by its {@code _id}, at once. A <em>sweep</em> looks through every outbox collection
 * for anything left over (events of a crashed instance, a send that failed): at start, after a failed send, and every
 * {@code sweepInterval} ({@code loa.outbox.sweep-interval}). Sweeping costs a scan of each collection; claiming by
 * {@code _id} costs one index lookup, so a busy service does not rescan its collections for every write.
 *
 * <p>Metrics: {@code loa.events.produced} (tags {@code topic}, {@code type}) for every event the broker acknowledged,
 * {@code loa.outbox.failures} for failed sends, {@code loa.outbox.pending} (events waiting in outboxes, counted at
 * most every few seconds). The W3C trace headers stored with an entry go out as Kafka headers.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outboxLease";
    private static final int SWEEP_BATCH = 500;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration sweepInterval;
    /** Documents known to hold new events: collection and _id, from the writes of this instance. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Hint> hints = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** A sweep is due at the next pass (at start, when asked, after a failure). */
    private volatile boolean sweepNow = true;
    private long lastSweep;
    private final Duration lease;
    private final Duration sendTimeout;
    private final Semaphore wake = new Semaphore(0);
    private final MeterRegistry meters;
    private final Counter published;
    private final Counter failures;
    private final PendingCount pending = new PendingCount();
    private volatile Thread worker;
    private volatile boolean running;

    private record Hint(String collection, Object id) {
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
     * query per collection finds the documents with events (up to {@code SWEEP_BATCH} at a time); each is then
     * claimed by its {@code _id}.
     */
    public int relayPending() {
        hints.clear(); // the sweep finds them too
        int sent = 0;
        for (String collection : collections) {
            List<Object> ids;
            boolean progress;
            do {
                progress = false;
                Query pending = new Query(Criteria.where(Outbox.FIELD + ".0").exists(true)).limit(SWEEP_BATCH);
                pending.fields().include("_id");
                ids = mongo.find(pending, Document.class, collection).stream().map(d -> d.get("_id")).toList();
                for (Object id : ids) {
                    Document doc = claim(collection, id);
                    if (doc == null) {
                        continue; // leased by another instance, or sent meanwhile
                    }
                    int n = send(collection, doc);
                    if (n < 0) {
                        return sent; // broker trouble: back off until the next poll
                    }
                    sent += n;
                    progress = true;
                }
            } while (ids.size() == SWEEP_BATCH && progress);
        }
        return sent;
    }

    /** Sends the events of the documents named since the last pass (a failed send asks for a sweep). */
    private void relayNamed() {
        Hint hint;
        while ((hint = hints.poll()) != null) {
            Document doc = claim(hint.collection(), hint.id());
            if (doc != null && send(hint.collection(), doc) < 0) {
                return;
            }
        }
    }

    private Document claim(String collection, Object id) {
        Instant now = clock.instant();
        // one flat filter ({_id, outbox.0, $or}), which a database serves from the _id index
        Criteria pending = Criteria.where("_id").is(id).and(Outbox.FIELD + ".0").exists(true);
        pending.orOperator(Criteria.where(LEASE).exists(false), Criteria.where(LEASE).is(null),
                        Criteria.where(LEASE).lt(Date.from(now)));
        Query query = new Query(pending);
        query.fields().include(Outbox.FIELD);
        Update update = new Update().set(LEASE, Date.from(now.plus(lease)));
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    private int send(String collection, Document doc) {
        List<String> sentIds = new ArrayList<>();
        boolean failed = false;
        for (Document entry : doc.getList(Outbox.FIELD, Document.class)) {
            OutboxEntry e = OutboxEntry.fromDocument(entry);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(e.topic(), e.key(),
                    e.data().getBytes(StandardCharsets.UTF_8));
            e.envelope().headers().forEach((name, value) ->
                    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            e.trace().forEach((name, value) ->
                    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            try {
                kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                sentIds.add(e.id());
                published.increment();
                Counter.builder(PRODUCED).description("Events the broker acknowledged, per topic and type")
                        .tag("topic", e.topic()).tag("type", e.type()).register(meters).increment();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                failed = true;
                break;
            } catch (Exception ex) {
                failures.increment();
                log.warn("Outbox: could not send {} {} to {} ({}); it stays in the outbox and is retried",
                        e.type(), e.id(), e.topic(), ex.toString());
                failed = true;
                break;
            }
        }
        Update done = new Update();
        if (!sentIds.isEmpty()) {
            done.pull(Outbox.FIELD, new Document("ceId", new Document("$in", sentIds)));
        }
        if (failed) {
            sweepNow = true; // after the pause, look for everything still waiting
            done.set(LEASE, Date.from(clock.instant())); // free it for the next attempt
        } else {
            done.unset(LEASE);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(doc.get("_id"))), done, collection);
        return failed ? -1 : sentIds.size();
    }

    /** Events waiting in every outbox collection now (one aggregation per collection). */
    public long countPending() {
        long n = 0;
        for (String collection : collections) {
            List<Document> pipeline = List.of(
                    new Document("$match", new Document(Outbox.FIELD + ".0", new Document("$exists", true))),
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
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
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
