package vn.loa.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
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

    /** How long a reply waits for a journal that cannot be written before the stand-in stops (10 min). */
    static final long JOURNAL_WAIT_NANOS = 600_000_000_000L;

    /** MongoDB's error code for writes refused while the disk is full. */
    static final int OUT_OF_DISK_SPACE = 14031;

    /** MongoDB's error code for commands that meet a server shutting down. */
    static final int SHUTDOWN_IN_PROGRESS = 91;

    /** Commands that only read: no commit check after them (the check is cheap, this only saves the call). */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo", "getlasterror",
            "getparameter", "serverstatus", "whatsmyuri", "connectionstatus", "endsessions", "killcursors",
            "dbstats", "collstats", "getlog", "hostinfo", "getcmdlineopts", "saslstart", "saslcontinue");
    /** Commands that change documents only: each changed document is in the journal once it is flushed. */
    private static final Set<String> DOCUMENT_WRITES = Set.of("insert", "update", "delete", "findandmodify");

    /** Commands that change what is stored other than documents: refused, like document writes, on a full disk. */
    private static final Set<String> STORAGE_CHANGES = Set.of("create", "createindexes", "drop", "dropindexes",
            "dropdatabase", "renamecollection", "collmod");

    private final MVStore store;
    private final boolean durable;
    private final Object checkpointing = new Object();
    private final Journal journal;
    private final ScheduledExecutorService checkpointer;
    /** Null when not durable. */
    private final DiskSpace space;
    private volatile boolean holding;
    private volatile boolean closing;
    /** What stops the stand-in when its store closed itself (the tests watch it instead). */
    volatile Runnable halt = () -> Runtime.getRuntime().halt(70);
    /** MVStore's own background commit and housekeeping, every {@code autoCommitDelay} ms between checkpoints. */
    private final int autoCommitDelay;

    /**
     * A backend on a store opened by {@link StandInStore}; {@code durable} false leaves commits to MVStore.
     *
     * @param checkpointEvery how often the store is committed and the journal's older segments dropped
     */
    public DurableH2Backend(MVStore store, boolean durable, boolean fsync, Duration checkpointEvery) {
        this(store, durable, fsync, checkpointEvery, MIN_FREE_BYTES);
    }

    /**
     * @param minFree below this many free bytes on the store's filesystem, writes are refused with MongoDB's
     *                {@code OutOfDiskSpace} and checkpoints wait ({@code -Dloa.mongo.min-free-mb}, 64)
     */
    public DurableH2Backend(MVStore store, boolean durable, boolean fsync, Duration checkpointEvery, long minFree) {
        this(store, durable, fsync, checkpointEvery, durable ? new DiskSpace(directoryOf(store), minFree) : null);
    }

    private static Path directoryOf(MVStore store) {
        return Path.of(store.getFileStore().getFileName()).toAbsolutePath().getParent();
    }

    /** A backend that learns the free space from {@code space} (the tests). */
    DurableH2Backend(MVStore store, boolean durable, boolean fsync, Duration checkpointEvery, DiskSpace space) {
        super(store);
        this.store = store;
        this.durable = durable;
        if (!durable) {
            this.journal = null;
            this.checkpointer = null;
            this.space = null;
            this.autoCommitDelay = 0;
            return;
        }
        Path dir = directoryOf(store);
        this.space = space;
        this.autoCommitDelay = store.getAutoCommitDelay();
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
                checkpointWhenThereIsRoom();
            } catch (RuntimeException e) { // the next one tries again: the journal keeps every change until then
                log.error("Checkpoint failed; the journal keeps every change until one succeeds", e);
            }
            stopIfTheStoreClosed();
        }, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * MVStore closes itself when a commit fails half way (the disk filled between the check and a commit): nothing can
     * be served any more. Stop, as mongod does on a storage error — clients then see the connection closed, which the
     * services answer with a 503 and retry; a restart puts back what the journal holds.
     */
    private void stopIfTheStoreClosed() {
        if (store.isClosed() && !closing) {
            log.error("The store closed itself after a failed commit: stopping; a restart puts back what the journal"
                    + " holds");
            halt.run();
        }
    }

    /** The default minimum of free bytes ({@code -Dloa.mongo.min-free-mb}, 64 MiB). */
    static final long MIN_FREE_BYTES = Long.getLong("loa.mongo.min-free-mb", 64) * 1024 * 1024;

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

    /** A {@code getMore} without a batch size gets about 16 MiB, as from MongoDB ({@link ReplyBatches}). */
    @Override
    protected Document handleGetMore(String database, String command, Document query) {
        return ReplyBatches.unbounded(query) ? ReplyBatches.nextBatch(getCursorRegistry(), database, query)
                : super.handleGetMore(database, command, query);
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
        String name = command.toLowerCase(Locale.ROOT);
        boolean reads = READS.contains(name) || "aggregate".equals(name);
        if ((DOCUMENT_WRITES.contains(name) || STORAGE_CHANGES.contains(name)) && space.low()) {
            hold(true);
            throw outOfDiskSpace();
        }
        try {
            return super.handleCommand(channel, database, command, query);
        } catch (RuntimeException e) {
            if (store.isClosed()) {
                stopIfTheStoreClosed();
                throw stopping();
            }
            throw e;
        } finally {
            // also after a failed command: an insert of many documents may have written some before failing
            if (DOCUMENT_WRITES.contains(name)) {
                flushOrWait();
            } else if ("aggregate".equals(name)) {
                if (writesOut(query)) {
                    checkpointWhenThereIsRoom();
                }
            } else if (!reads) {
                checkpoint();
            }
        }
    }

    /**
     * True for an aggregation with {@code $out} or {@code $merge}: the only ones that write. (Asking the store whether
     * it has unsaved changes instead made almost every aggregation under load a commit: another connection's write
     * has nearly always just happened.)
     */
    static boolean writesOut(Document aggregate) {
        if (!(aggregate.get("pipeline") instanceof List<?> pipeline)) {
            return false;
        }
        return pipeline.stream().anyMatch(stage -> stage instanceof Document d
                && (d.containsKey("$out") || d.containsKey("$merge")));
    }

    /**
     * Writes the journal before the reply. When that fails (the disk filled between the check before the write and
     * now), the change is already made in memory, so refusing it would tell the client "not done" about a change that
     * the next flush makes durable: instead the reply waits until the journal can be written (every other write is
     * refused meanwhile, reads go on), then acknowledges. If the journal still cannot be written after
     * {@link #JOURNAL_WAIT_NANOS}, the stand-in stops, as {@code mongod} does on a storage error; nothing it
     * acknowledged is lost, and this change, never acknowledged, is not kept either.
     */
    private void flushOrWait() {
        long deadline = System.nanoTime() + JOURNAL_WAIT_NANOS;
        boolean warned = false;
        while (true) {
            try {
                journal.flush();
                return;
            } catch (java.io.UncheckedIOException e) {
                // the journal was cut back and keeps the records for the next flush
                if (!warned) {
                    log.warn("Journal write failed ({}): the reply waits until it can be written",
                            e.getCause().toString());
                    warned = true;
                }
                hold(space.lowNow());
                if (System.nanoTime() > deadline) {
                    log.error("The journal could not be written for {} s: stopping; a restart puts back what was"
                            + " acknowledged", JOURNAL_WAIT_NANOS / 1_000_000_000L);
                    Runtime.getRuntime().halt(70);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw new MongoServerError(1, "InternalError", "the stand-in is stopping");
                }
            }
        }
    }

    /**
     * The answer to a command that met the closed store, if it is sent at all before the stand-in stops ({@link #halt})
     * or while it shuts down: what {@code mongod} answers then, {@code ShutdownInProgress} (91), which the services
     * take as "send again later" (a 503, an event tried again), not as a failed request.
     */
    private MongoServerError stopping() {
        MongoServerError stopping = new MongoServerError(SHUTDOWN_IN_PROGRESS, "ShutdownInProgress",
                "the stand-in's store closed after a failed commit: it is stopping, and a restart puts back what the"
                        + " journal holds");
        stopping.setLogError(false);
        return stopping;
    }

    /** The refusal: logged once when the hold starts ({@link #hold}), not with a stack trace per write. */
    private MongoServerError outOfDiskSpace() {
        MongoServerError refused = new MongoServerError(OUT_OF_DISK_SPACE, "OutOfDiskSpace", String.format(
                Locale.ROOT, "the stand-in's disk has %d MiB free, less than the %d MiB it keeps: writes are refused"
                        + " until space is freed", space.usable() / (1024 * 1024), space.minFree() / (1024 * 1024)));
        refused.setLogError(false);
        return refused;
    }

    /**
     * A checkpoint unless the disk is nearly full: then the journal keeps every change (no write is accepted while
     * it is) until space is freed, and a commit is not started that the disk could not hold.
     */
    void checkpointWhenThereIsRoom() {
        boolean low = space.lowNow();
        hold(low);
        if (!low) {
            checkpoint();
        }
    }

    /**
     * Holds every commit while the disk is nearly full — the checkpoints and MVStore's own background commit, which
     * would find the disk full, fail half way and close the store — and resumes them once space is back.
     */
    private void hold(boolean low) {
        synchronized (checkpointing) {
            if (low == holding) {
                return;
            }
            holding = low;
            if (low) {
                store.setAutoCommitDelay(0);
                log.warn("Disk nearly full ({} MiB free, less than {} MiB): writes refused, commits held; the journal"
                        + " keeps what was acknowledged", space.usable() / (1024 * 1024),
                        space.minFree() / (1024 * 1024));
            } else {
                store.setAutoCommitDelay(autoCommitDelay);
                log.info("Disk space back ({} MiB free): writes accepted, commits resumed",
                        space.usable() / (1024 * 1024));
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
            // MVStore's background commit writes its chunk from threads of its own: stopped here (its thread joined,
            // its writes finished), so that when this commit returns the file holds every change the older segments
            // recorded. Left running, a background write could still fail after this commit had returned and the
            // segments were dropped (a full disk: two acknowledged dashboard updates lost, chaos run of 07/12/2026).
            store.setAutoCommitDelay(0);
            try {
                long next = journal.startSegment();
                commit();
                journal.deleteBefore(next);
            } finally {
                if (!holding && !store.isClosed()) {
                    store.setAutoCommitDelay(autoCommitDelay);
                }
            }
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
        closing = true;
        checkpointer.shutdownNow();
        synchronized (checkpointing) {
            journal.close();
            super.close(); // commits the store: the journal holds nothing it lacks
            journal.deleteBefore(Long.MAX_VALUE);
        }
    }
}
