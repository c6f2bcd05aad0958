package vn.loa.report.live;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.contracts.Tenants;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.live.Change;

/**
 * The bounded change log behind the live dashboards: every change gets the next number of one sequence (the SSE
 * event id), its tenant and the tenant's province, so a commune's stream and its province's stream read the same
 * log. A reconnecting client resumes after its {@code Last-Event-ID}. The log keeps the last
 * {@code loa.report.live.retain-per-tenant} changes of each tenant; what was pruned is remembered per tenant, so a
 * client that comes back too late is told to reload ({@code reset}).
 *
 * <p>Changes are written as a group commit: the report-service consumers that append at the same moment share one
 * increment of the sequence and one insert ({@link #write}).
 */
@Component
public class ChangeLog {

    static final String CHANGES = "live_changes";
    static final String META = "live_meta";
    private static final String SEQUENCE = "sequence";

    /** One change as stored and sent. */
    public record Entry(long seq, String tenant, String province, String area, String subject, String cause,
            java.time.Instant at) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int retain;
    /** Handed every change this instance appends: the live stream sends it at once, without reading the log. */
    private final List<java.util.function.Consumer<Entry>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The group commit ({@link #write}): changes waiting, and whether a thread is writing a batch. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchWritten = lock.newCondition();
    private List<Pending> waiting = new ArrayList<>();
    private boolean writing;
    /** The tenants appended to since the last {@link #prune}: the only ones a prune looks at. */
    private final Set<String> touched = ConcurrentHashMap.newKeySet();
    /** Whether a prune has looked at every tenant since this instance started. */
    private volatile boolean everyTenantPruned;

    @Autowired
    public ChangeLog(MongoTemplate mongo, Clock clock, LiveSettings settings) {
        this(mongo, clock, settings.retainPerTenant());
    }

    public ChangeLog(MongoTemplate mongo, Clock clock, int retain) {
        this.mongo = mongo;
        this.clock = clock;
        this.retain = retain;
    }

    @PostConstruct
    void indexes() {
        changes().createIndex(Indexes.ascending("tenant"));
        changes().createIndex(Indexes.ascending("province"));
        changes().createIndex(Indexes.ascending("key"));
    }

    /** Hands {@code listener} each change this instance appends, once it is written (the live stream's hand-off). */
    public void onAppend(java.util.function.Consumer<Entry> listener) {
        listeners.add(listener);
    }

    public Entry append(Change change) {
        return append(change, null);
    }

    /**
     * Appends the change an event made; {@code key} names it (the event's id, what moved and its id), so that a
     * {@linkplain Change#repeat() repeat} — the event applied before, delivered again — is written only if the log
     * does not hold it yet. Returns the entry written, or null when the log already had it.
     */
    public Entry append(Change change, String key) {
        List<Entry> written = appendAll(List.of(change), key == null ? null : List.of(key));
        return written.isEmpty() ? null : written.getFirst();
    }

    /**
     * Appends the changes one event made, keyed by the event's id ({@link #key}); a repeat only if the log lacks it.
     * Returns the entries written.
     */
    public List<Entry> appendAll(String eventId, List<Change> changes) {
        return appendAll(changes, changes.stream().map(c -> key(eventId, c)).toList());
    }

    /** What names a change in the log: the event that made it, what moved and its id. */
    public static String key(String eventId, Change change) {
        return eventId + "/" + change.area() + "/" + change.subject();
    }

    private List<Entry> appendAll(List<Change> changes, List<String> keys) {
        List<String> repeats = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).repeat() && keys != null) {
                repeats.add(keys.get(i));
            }
        }
        Set<String> logged = new HashSet<>();
        if (!repeats.isEmpty()) {
            for (Document d : changes().find(Filters.in("key", repeats)).projection(new Document("key", 1))) {
                logged.add(d.getString("key"));
            }
        }
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            String key = keys == null ? null : keys.get(i);
            if (!change.repeat() || (key != null && !logged.contains(key))) {
                pending.add(new Pending(change, key));
            }
        }
        return pending.isEmpty() ? List.of() : write(pending);
    }

    /**
     * Writes changes as a group commit: whoever finds no write under way takes every change waiting — its own and
     * those other threads queued meanwhile — numbers them with one {@code $inc} of the sequence and inserts them with
     * one {@code insertMany}; the others wait for it. Under load many consumers append at once, so a change costs less
     * than the two round trips it took alone; without load nobody waits, since a lone change is written at once.
     * Every caller returns once its own changes are written (or throws what the write threw: its consumer tries the
     * event again, as a repeat).
     */
    private List<Entry> write(List<Pending> mine) {
        lock.lock();
        try {
            waiting.addAll(mine);
            while (!mine.getLast().done) {
                if (writing) {
                    batchWritten.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                List<Pending> batch = waiting;
                waiting = new ArrayList<>();
                lock.unlock();
                RuntimeException failure = null;
                try {
                    insert(batch);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.lock();
                    writing = false;
                    for (Pending p : batch) {
                        p.failure = failure;
                        p.done = true;
                    }
                    batchWritten.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        List<Entry> entries = new ArrayList<>(mine.size());
        for (Pending p : mine) {
            if (p.failure != null) {
                throw p.failure;
            }
            entries.add(p.entry);
        }
        return entries;
    }

    /** Numbers the batch with one increment of the sequence, inserts it in one command, then hands it over. */
    private void insert(List<Pending> batch) {
        Document counter = meta().findOneAndUpdate(Filters.eq("_id", SEQUENCE), Updates.inc("value",
                (long) batch.size()), new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long seq = ((Number) counter.get("value")).longValue() - batch.size();
        List<Document> documents = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Change change = p.change;
            String province = CommuneDirectory.instance().commune(change.tenant())
                    .map(CommuneDirectory.Commune::provinceCode).orElse(null);
            p.entry = new Entry(++seq, change.tenant(), province, change.area(), change.subject(), change.cause(),
                    clock.instant());
            documents.add(new Document("_id", p.entry.seq()).append("tenant", p.entry.tenant())
                    .append("province", province).append("area", p.entry.area())
                    .append("subject", p.entry.subject()).append("cause", p.entry.cause())
                    .append("at", Date.from(p.entry.at())).append("key", p.key));
        }
        changes().insertMany(documents);
        for (Pending p : batch) {
            touched.add(p.entry.tenant());
            listeners.forEach(l -> l.accept(p.entry));
        }
    }

    /** How many changes wait for the write under way (for tests). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** A change queued for the group commit; its fields are read and written under {@link #lock}. */
    private static final class Pending {
        final Change change;
        final String key;
        Entry entry;
        RuntimeException failure;
        boolean done;

        Pending(Change change, String key) {
            this.change = change;
            this.key = key;
        }
    }

    /** The changes after a sequence number that a filter lets through, oldest first. */
    public List<Entry> after(long seq, Bson visible, int limit) {
        List<Entry> out = new ArrayList<>();
        for (Document d : changes().find(Filters.and(Filters.gt("_id", seq), visible))
                .sort(Sorts.ascending("_id")).limit(limit)) {
            out.add(new Entry(((Number) d.get("_id")).longValue(), d.getString("tenant"), d.getString("province"),
                    d.getString("area"), d.getString("subject"), d.getString("cause"),
                    d.getDate("at").toInstant()));
        }
        return out;
    }

    /**
     * The changes numbered {@code from + 1} to {@code to}, oldest first, fetched by their numbers ({@code _id $in}):
     * an index lookup, not a scan of the log. A number taken but not yet written is simply missing.
     */
    public List<Entry> range(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from + 1; id <= to; id++) {
            ids.add(id);
        }
        List<Entry> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Document d : changes().find(Filters.in("_id", ids))) {
            out.add(new Entry(((Number) d.get("_id")).longValue(), d.getString("tenant"), d.getString("province"),
                    d.getString("area"), d.getString("subject"), d.getString("cause"),
                    d.getDate("at").toInstant()));
        }
        out.sort(java.util.Comparator.comparingLong(Entry::seq));
        return out;
    }

    public long lastSeq() {
        Document counter = meta().find(Filters.eq("_id", SEQUENCE)).first();
        return counter == null ? 0 : ((Number) counter.get("value")).longValue();
    }

    /** Whether changes after {@code seq} that the filter would let through have been pruned. */
    public boolean prunedAfter(long seq, Bson visible) {
        return meta().find(Filters.and(Filters.gt("prunedUpTo", seq), visible)).first() != null;
    }

    /**
     * Who sees what, as a filter on the log: what the caller's {@link TenantScope} reads — a commune its own changes, a
     * province reviewer its communes', a system administrator everything — and everyone the platform's own changes.
     * A reviewer's changes are found by the entry's indexed {@code province} (one equality, the same entries as the
     * scope's {@code tenant $in} over every commune of the province, since both come from the commune directory).
     */
    public static Bson visibleTo(TenantScope scope) {
        if (scope.everything()) {
            return new Document();
        }
        Bson own = scope.province().<Bson>map(p -> Filters.eq("province", p))
                .orElseGet(() -> new Document(scope.criteria("tenant").getCriteriaObject()));
        return Filters.or(own, Filters.eq("tenant", Tenants.PLATFORM));
    }

    /**
     * Keeps the newest {@code retain} changes of each tenant. A prune looks only at the tenants this instance appended
     * to since the last one (every tenant once, after a start, for what earlier runs left): for each, its newest pruned
     * change is found ({@code tenant}, newest first, skipping {@code retain}), the tenant's mark raised to it, and its
     * changes up to it deleted in one command. So a prune costs what changed since the last one, not the whole log.
     */
    @Scheduled(fixedDelayString = "${loa.report.live.prune-interval:PT1M}", initialDelayString = "PT1M")
    public void prune() {
        Set<String> tenants = new LinkedHashSet<>();
        if (!everyTenantPruned) {
            changes().distinct("tenant", String.class).into(tenants);
            everyTenantPruned = true;
        }
        tenants.addAll(drainTouched());
        List<String> left = new ArrayList<>(tenants);
        try {
            while (!left.isEmpty()) {
                prune(left.getFirst());
                left.removeFirst();
            }
        } catch (RuntimeException e) {
            touched.addAll(left); // the next prune takes them again
            throw e;
        }
    }

    /** Keeps the tenant's newest {@code retain} changes: its mark raised to the newest that goes, then the delete. */
    private void prune(String tenant) {
        Document cut = changes().find(Filters.eq("tenant", tenant)).projection(new Document("province", 1))
                .sort(Sorts.descending("_id")).skip(retain).limit(1).first();
        if (cut == null) {
            return;
        }
        long upTo = ((Number) cut.get("_id")).longValue();
        // marked first: a client resuming meanwhile is told to reload rather than missing what goes
        meta().updateOne(Filters.eq("_id", "pruned:" + tenant),
                new Document("$set", new Document("tenant", tenant).append("province", cut.getString("province")))
                        .append("$max", new Document("prunedUpTo", upTo)),
                new UpdateOptions().upsert(true));
        changes().deleteMany(Filters.and(Filters.eq("tenant", tenant), Filters.lte("_id", upTo)));
    }

    private Set<String> drainTouched() {
        Set<String> drained = new HashSet<>();
        for (Iterator<String> it = touched.iterator(); it.hasNext(); ) {
            drained.add(it.next());
            it.remove();
        }
        return drained;
    }

    private MongoCollection<Document> changes() {
        return mongo.getCollection(CHANGES);
    }

    private MongoCollection<Document> meta() {
        return mongo.getCollection(META);
    }
}
