package vn.loa.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 (MVStore) backend made durable like a journaled {@code mongod}: a write is acknowledged only
 * once it is in the {@link Journal} file, and the store is committed at checkpoints, about once a second. The plain
 * {@link H2Backend} leaves commits to MVStore's background auto-commit (every second) with nothing in between, so a
 * process killed with SIGKILL lost up to a second of writes it had already acknowledged — an outbox entry, a credit,
 * a consumed event — which no real MongoDB with journaling does.
 *
 * <p>Every client command of the wire protocol (OP_MSG and OP_QUERY alike) reaches
 * {@code AbstractMongoBackend.handleCommand(channel, database, command, query)}, whose reply is sent only after it
 * returns. After a document write ({@code insert}, {@code update}, {@code delete}, {@code findAndModify}) the journal
 * is flushed there, before the reply; after any other command that changes something (creating or dropping a
 * collection, an index, a database) the store is checkpointed at once, so the journal never holds documents of a
 * collection dropped since. Journal and store are written to the operating system's page cache, which survives the
 * process being killed; with {@code fsync} the journal is also forced to the disk (what survives a power cut), at a
 * much higher cost.
 *
 * <p>At start, what the journal still holds is put back before the server listens (see {@link Journal}).
 */
public class DurableH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(DurableH2Backend.class);

    /** Commands that only read: no commit check after them (the check is cheap, this only saves the call). */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo", "getlasterror",
            "getparameter", "serverstatus", "whatsmyuri", "connectionstatus", "endsessions", "killcursors",
            "dbstats", "collstats", "getlog", "hostinfo", "getcmdlineopts", "saslstart", "saslcontinue");
    /** Commands that change documents only: each changed document is in the journal once it is flushed. */
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    private final MVStore store;
    private final boolean durable;
    private final Object checkpointing = new Object();
    private final Journal journal;
    private final ScheduledExecutorService checkpointer;

    /**
     * A backend on a store opened by {@link StandInStore}; {@code durable} false leaves commits to MVStore.
     *
     * @param checkpointEvery how often the store is committed and the journal's older segments dropped
     */
    public DurableH2Backend(MVStore store, boolean durable, boolean fsync, Duration checkpointEvery) {
        super(store);
        this.store = store;
        this.durable = durable;
        if (!durable) {
            this.journal = null;
            this.checkpointer = null;
            return;
        }
        Path dir = Path.of(store.getFileStore().getFileName()).toAbsolutePath().getParent();
        List<Path> left = Journal.segments(dir);
        long next = left.isEmpty() ? 1 : Journal.numberOf(left.getLast()) + 1;
        if (!left.isEmpty()) {
            long started = System.nanoTime();
            long changes = Journal.read(left, this::putBack);
            commit();
            log.info("Put back {} changes from {} journal segments in {} ms", changes, left.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        this.journal = new Journal(dir, fsync, next);
        journal.deleteBefore(next);
        this.checkpointer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mongo-checkpoint").factory());
        long every = checkpointEvery.toMillis();
        checkpointer.scheduleWithFixedDelay(() -> {
            try {
                checkpoint();
            } catch (RuntimeException e) { // the next one tries again: the journal keeps every change until then
                log.error("Checkpoint failed; the journal keeps every change until one succeeds", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    public DurableH2Backend(MVStore store, boolean durable, boolean fsync) {
        this(store, durable, fsync, Duration.ofSeconds(1));
    }

    /** A durable backend on a file of its own (the tests). */
    public DurableH2Backend(String fileName, boolean fsync) {
        this(StandInStore.open(fileName), true, fsync);
    }

    /** Collections that look a document up by {@code _id} when a query names one ({@link IdFirstH2Database}). */
    @Override
    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String name) {
        // may run inside H2Backend's constructor, before this class's fields are set: collections ask for the
        // journal when they write (journal()), not now
        return new IdFirstH2Database(name, getMvStore(), getCursorRegistry(), this);
    }

    /** Where collections record what they changed; null while the journal is being put back, or when not durable. */
    Journal journal() {
        return journal;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!durable) {
            return super.handleCommand(channel, database, command, query);
        }
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // also after a failed command: an insert of many documents may have written some before failing
            String name = command.toLowerCase(Locale.ROOT);
            if (DOCUMENT_WRITES.contains(name)) {
                journal.flush();
            } else if ("aggregate".equals(name)) {
                if (store.hasUnsavedChanges()) { // only an aggregation with $out or $merge writes
                    checkpoint();
                }
            } else if (!READS.contains(name)) {
                checkpoint();
            }
        }
    }

    /**
     * Starts a new journal segment, commits the store (which then holds everything the older segments recorded) and
     * deletes the older segments. {@code commit()} takes the store's lock, so when another thread is writing a commit,
     * this one waits for it.
     */
    void checkpoint() {
        synchronized (checkpointing) {
            long next = journal.startSegment();
            commit();
            journal.deleteBefore(next);
        }
    }

    /** Sets one document to its recorded state, or removes it (while starting, before any client is served). */
    void putBack(Journal.Change change) {
        MongoDatabase db = resolveDatabase(change.database());
        MongoCollection<?> collection = db.resolveCollection(change.collection(), false);
        if (collection == null) {
            collection = db.createCollectionOrThrowIfExists(change.collection());
        }
        Object id = change.document().get("_id");
        try {
            ((IdFirstH2Database.IdFirstCollection) collection).putBack(id,
                    change.kind() == Journal.PUT ? change.document() : null);
        } catch (MongoServerException e) {
            // a unique key held by another document at this point of the history: a later change settles it
            log.warn("Journal: {}.{} {} not put back: {}", change.database(), change.collection(), id,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        if (checkpointer == null) {
            super.close();
            return;
        }
        checkpointer.shutdownNow();
        synchronized (checkpointing) {
            journal.close();
            super.close(); // commits the store: the journal holds nothing it lacks
            journal.deleteBefore(Long.MAX_VALUE);
        }
    }
}
