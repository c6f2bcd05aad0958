package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in on a disk that fills up, as MongoDB's disk space monitor behaves: below the minimum of free space every
 * write is refused with {@code OutOfDiskSpace} (14031) before it changes anything, reads go on, checkpoints wait (the
 * journal holds what was acknowledged), and once space is freed writes are accepted again without a restart.
 */
class DiskFullTest {

    private static final long MIN_FREE = 64L << 20;

    @TempDir
    Path dir;

    private final AtomicLong free = new AtomicLong(1L << 30);
    private MVStore store;
    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> docs;

    @BeforeEach
    void start() {
        store = StandInStore.open(dir.resolve("t.mv").toString());
        backend = new DurableH2Backend(store, true, false, Duration.ofHours(1),
                new DiskSpace(free::get, MIN_FREE));
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        docs = client.getDatabase("loa").getCollection("docs");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** What the journal's segments hold, as {@code _id=n}. */
    private java.util.List<String> journaled() {
        java.util.List<String> held = new java.util.ArrayList<>();
        Journal.read(Journal.segments(dir), c -> held.add(c.document().get("_id") + "=" + c.document().get("n")));
        return held;
    }

    @Test
    void writesAreRefusedWhileTheDiskIsFullAndAcceptedOnceSpaceIsFreed() {
        docs.insertOne(new Document("_id", "before").append("n", 1));
        backend.checkpointWhenThereIsRoom();

        docs.updateOne(Filters.eq("_id", "before"), Updates.set("n", 2)); // acknowledged: in the journal only
        free.set(MIN_FREE - 1);
        backend.checkpointWhenThereIsRoom(); // asks the filesystem now, as the checkpointer does every second

        MongoException refused = catchThrowableOfType(MongoException.class,
                () -> docs.insertOne(new Document("_id", "during")));
        assertThat(refused.getCode()).isEqualTo(DurableH2Backend.OUT_OF_DISK_SPACE);
        assertThat(refused.getMessage()).contains("writes are refused until space is freed");
        assertThat(catchThrowableOfType(MongoException.class,
                () -> docs.updateOne(Filters.eq("_id", "before"), Updates.set("n", 3))).getCode())
                .isEqualTo(DurableH2Backend.OUT_OF_DISK_SPACE);
        assertThat(catchThrowableOfType(MongoException.class,
                () -> docs.createIndex(Indexes.ascending("n"))).getCode())
                .isEqualTo(DurableH2Backend.OUT_OF_DISK_SPACE);

        assertThat(docs.find(Filters.eq("_id", "before")).first()).as("reads go on")
                .containsEntry("n", 2);
        assertThat(docs.countDocuments(Filters.eq("_id", "during"))).as("a refused write changed nothing").isZero();
        backend.checkpointWhenThereIsRoom();
        assertThat(journaled()).as("no checkpoint on a full disk: the journal keeps the acknowledged update")
                .contains("before=2");

        free.set(1L << 30);
        backend.checkpointWhenThereIsRoom();
        docs.insertOne(new Document("_id", "after"));
        backend.checkpointWhenThereIsRoom();
        assertThat(journaled()).as("checkpoints resumed: the store holds what the journal held").isEmpty();
        assertThat(docs.countDocuments()).isEqualTo(2);
        assertThat(docs.find(Filters.eq("_id", "before")).first()).containsEntry("n", 2);
    }

    /**
     * A store that closed itself after a failed commit stops the stand-in at the first command that meets it, as
     * {@code mongod} stops on a storage error; the command's answer says so ({@code ShutdownInProgress}, which the
     * services answer with a 503 and retry), never an internal error.
     */
    @Test
    void aClosedStoreStopsTheStandIn() {
        docs.insertOne(new Document("_id", "before"));
        AtomicInteger stops = new AtomicInteger();
        backend.halt = stops::incrementAndGet;
        store.closeImmediately();

        // a client that does not retry: the driver takes code 91 as the server going away and would wait for it to
        // come back (30 s) before a retry, which is what the services' clients do, but not what this test reads
        try (MongoClient once = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .retryWrites(false).build())) {
            MongoException write = catchThrowableOfType(MongoException.class,
                    () -> once.getDatabase("loa").getCollection("docs").insertOne(new Document("_id", "after")));
            assertThat(write.getCode()).isEqualTo(DurableH2Backend.SHUTDOWN_IN_PROGRESS);
        }
        assertThat(stops).hasValue(1);
    }
}
