package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in is started as its own JVM (as {@code ./loa up} does), written to through the MongoDB driver, killed with
 * SIGKILL right after the last acknowledged write, started again on the same file and read: every acknowledged write
 * must be there. The same run against the plain backend (background commits) shows the loss this guards against.
 */
class MongoStandInDurabilityTest {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoStandInDurabilityTest.class);

    private static final int WRITES = 600;
    private static final int REMOVED = 100;
    private static final int TAGGED = 50;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        // checkpoints every 200 ms: what was acknowledged is partly in the store, partly only in the journal
        Run run = writeKillReopen(true, "0.2s");
        assertThat(run.inserted).isEqualTo(WRITES);
        assertThat(run.removed).isEqualTo(REMOVED);
        assertThat(run.tagged).isEqualTo(TAGGED);
        assertThat(run.found).as("documents found after SIGKILL and restart").isEqualTo(WRITES - REMOVED);
        assertThat(run.taggedFound).as("documents changed by the last updateMany").isEqualTo(TAGGED);
        assertThat(run.lastCounter).as("the last acknowledged findAndModify counter").isEqualTo(WRITES);
        assertThat(run.counterFound).as("the counter after SIGKILL and restart").isEqualTo(WRITES);
        log.info(String.format(Locale.ROOT, "durable stand-in: insert %.0f µs, findAndModify %.0f µs per acknowledged "
                + "write (mean, one client)", run.insertMicros, run.updateMicros));
    }

    @Test
    void whatOnlyTheJournalHeldIsPutBack() throws Exception {
        // no checkpoint during the run: every write after the first second is only in the journal when it is killed
        Run run = writeKillReopen(true, "10m");
        assertThat(run.journalBytes).as("journal left by the killed stand-in").isPositive();
        assertThat(run.found).as("documents found after SIGKILL and restart").isEqualTo(WRITES - REMOVED);
        assertThat(run.taggedFound).isEqualTo(TAGGED);
        assertThat(run.counterFound).isEqualTo(WRITES);
    }

    @Test
    void thePlainBackendLosesAcknowledgedWritesOnSigkill() throws Exception {
        // control: without the commit before the acknowledgement, the writes of the last second are gone — this is
        // what the test above would see if DurableH2Backend did nothing
        Run run = writeKillReopen(false, "1s");
        log.info(String.format(Locale.ROOT, "plain stand-in: insert %.0f µs, findAndModify %.0f µs per write; after "
                + "SIGKILL %d of %d inserts found, counter %d of %d", run.insertMicros, run.updateMicros,
                run.found, WRITES, run.counterFound, run.lastCounter));
        assertThat(run.inserted).isEqualTo(WRITES);
        assertThat(run.lastCounter).isEqualTo(WRITES);
        assertThat(run.counterFound).as("the counter after SIGKILL (background commits only)")
                .isLessThan(run.lastCounter);
    }

    private record Run(int inserted, long found, int lastCounter, int counterFound, double insertMicros,
            double updateMicros, long removed, long tagged, long taggedFound, long journalBytes) {
    }

    private Run writeKillReopen(boolean durable, String checkpoint) throws Exception {
        int port = freePort();
        Process first = start(port, durable, checkpoint);
        int inserted = 0;
        int lastCounter = 0;
        long removed;
        long tagged;
        double insertMicros;
        double updateMicros;
        try (MongoClient client = client(port)) {
            MongoCollection<Document> docs = client.getDatabase("durability").getCollection("docs");
            MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
            docs.insertOne(new Document("_id", "warm-up"));
            docs.deleteOne(Filters.eq("_id", "warm-up"));
            counters.insertOne(new Document("_id", "c").append("n", 0));
            long t0 = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                docs.insertOne(new Document("_id", i).append("payload", "x".repeat(200)));
                inserted++;
            }
            insertMicros = (System.nanoTime() - t0) / 1000.0 / WRITES;
            long t1 = System.nanoTime();
            for (int i = 0; i < WRITES; i++) {
                Document after = counters.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc("n", 1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                lastCounter = after.getInteger("n");
            }
            updateMicros = (System.nanoTime() - t1) / 1000.0 / WRITES;
            // removals and a change of many documents are journaled too
            removed = docs.deleteMany(Filters.lt("_id", REMOVED)).getDeletedCount();
            tagged = docs.updateMany(Filters.gte("_id", WRITES - TAGGED), Updates.set("tag", "last")).getModifiedCount();
        } finally {
            first.destroyForcibly(); // SIGKILL on Linux
            first.waitFor(30, TimeUnit.SECONDS);
        }
        long journalBytes;
        try (var files = Files.list(dir)) {
            journalBytes = files.filter(f -> f.getFileName().toString().startsWith("journal-"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
        Process second = start(port, durable, checkpoint);
        try (MongoClient client = client(port)) {
            long found = client.getDatabase("durability").getCollection("docs").countDocuments();
            Document counter = client.getDatabase("durability").getCollection("counters")
                    .find(Filters.eq("_id", "c")).first();
            int counterFound = counter == null ? -1 : counter.getInteger("n");
            long taggedFound = client.getDatabase("durability").getCollection("docs")
                    .countDocuments(Filters.eq("tag", "last"));
            return new Run(inserted, found, lastCounter, counterFound, insertMicros, updateMicros, removed, tagged,
                    taggedFound, journalBytes);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process start(int port, boolean durable, String checkpoint) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dloa.mongo.durable=" + durable, "-Dloa.mongo.checkpoint=" + checkpoint, "-cp", classpath, MongoStandIn.class.getName(),
                dir.toString(), Integer.toString(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stand-in-" + port + "-" + System.nanoTime() + ".log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stand-in exited with " + process.exitValue() + "; logs in "
                        + dir + File.separator);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the stand-in did not listen on " + port + " within 60 s");
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .retryWrites(false)
                .build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
