package vn.loa.devstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 (MVStore) backend made durable like a journaled {@code mongod}: a write is acknowledged only
 * after the MVStore has committed it to its file. The plain {@link H2Backend} leaves commits to MVStore's background
 * auto-commit (every second), so a process killed with SIGKILL lost up to a second of writes it had already
 * acknowledged — an outbox entry, a credit, a consumed event — which no real MongoDB with journaling does.
 *
 * <p>Every client command of the wire protocol (OP_MSG and OP_QUERY alike) reaches
 * {@code AbstractMongoBackend.handleCommand(channel, database, command, query)}, whose reply is sent only after it
 * returns; this class commits there, before the reply, when the command changed anything. A commit writes the
 * changed pages to the file (the operating system's page cache), which survives the process being killed. With
 * {@code fsync} the file is also forced to the disk (what survives a power cut), at a much higher cost.
 */
public class DurableH2Backend extends H2Backend {

    /** Commands that only read: no commit check after them (the check is cheap, this only saves the call). */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "listcollections",
            "listindexes", "listdatabases", "ping", "hello", "ismaster", "buildinfo", "getlasterror",
            "getparameter", "serverstatus", "whatsmyuri", "connectionstatus", "endsessions", "killcursors",
            "dbstats", "collstats", "getlog", "hostinfo", "getcmdlineopts", "saslstart", "saslcontinue");

    private final MVStore store;
    private final boolean durable;
    private final boolean fsync;
    private final AtomicLong commits = new AtomicLong();

    /** A backend on a store opened by {@link StandInStore}; {@code durable} false leaves commits to MVStore. */
    public DurableH2Backend(MVStore store, boolean durable, boolean fsync) {
        super(store);
        this.store = store;
        this.durable = durable;
        this.fsync = fsync;
    }

    /** A durable backend on a file of its own (the tests). */
    public DurableH2Backend(String fileName, boolean fsync) {
        this(StandInStore.open(fileName), true, fsync);
    }

    /** Collections that look a document up by {@code _id} when a query names one ({@link IdFirstH2Database}). */
    @Override
    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String name) {
        return new IdFirstH2Database(name, getMvStore(), getCursorRegistry()); // (may run inside the constructor)
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
            if ("aggregate".equals(name)) {
                if (store.hasUnsavedChanges()) { // only an aggregation with $out or $merge writes
                    makeDurable();
                }
            } else if (!READS.contains(name)) {
                makeDurable();
            }
        }
    }

    /**
     * Commits what is not yet in the file. {@code commit()} takes the store's lock, so when another thread is
     * writing a commit that holds this command's change, it waits for that write to finish before returning.
     */
    void makeDurable() {
        if (store.hasUnsavedChanges()) {
            commits.incrementAndGet();
        }
        commit();
        if (fsync) {
            store.sync();
        }
    }

    /** How many commits this backend made on behalf of commands (for the log and the tests). */
    public long commits() {
        return commits.get();
    }
}
