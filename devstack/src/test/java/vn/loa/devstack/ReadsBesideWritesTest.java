package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A collection's reads do not wait for its writes: a query is answered while a write holds the collection, and reads
 * running beside a stream of updates, inserts and deletes see each document whole — before or after a change, never
 * half of one, never a document that was not there.
 */
class ReadsBesideWritesTest {

    @TempDir
    Path dir;

    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> tasks;

    @BeforeEach
    void start() throws java.io.IOException {
        backend = new DurableH2Backend(StandInStore.open(dir), true, false);
        server = new MongoServer(backend);
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        client = MongoClients.create(uri);
        tasks = client.getDatabase("loa").getCollection("tasks");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            docs.add(new Document("_id", "task-" + i).append("tenant", "2677" + (i % 2)).append("a", 0).append("b", 0));
        }
        tasks.insertMany(docs);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aQueryIsAnsweredWhileAWriteHoldsTheCollection() throws Exception {
        Object collection = backend.resolveDatabase("loa").resolveCollection("tasks", true);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().start(() -> {
            synchronized (collection) { // what every write of the library holds while it changes the collection
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Long> byTenant = CompletableFuture.supplyAsync(
                    () -> tasks.countDocuments(Filters.eq("tenant", "26770")));
            CompletableFuture<Document> byId = CompletableFuture.supplyAsync(
                    () -> tasks.find(Filters.and(Filters.eq("_id", "task-3"), Filters.eq("a", 0))).first());
            assertThat(byTenant.get(10, TimeUnit.SECONDS)).as("a scan, while the collection is held").isEqualTo(25);
            assertThat(byId.get(10, TimeUnit.SECONDS)).as("a lookup by _id, while the collection is held")
                    .isNotNull();
            CompletableFuture<Long> write = CompletableFuture.supplyAsync(
                    () -> tasks.updateOne(Filters.eq("_id", "task-3"), Updates.inc("a", 1)).getModifiedCount());
            // a write still waits for the holder, all the while
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !write.isDone());
            release.countDown();
            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            release.countDown();
            writer.join();
        }
    }

    @Test
    void readsBesideChangesSeeEveryDocumentWhole() throws Exception {
        // every update moves a and b together ({a: n, b: -n}); inserts and deletes come and go beside them
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> updates = pool.submit(() -> {
                int n = 0;
                while (writing.get()) {
                    n++;
                    tasks.updateOne(Filters.eq("_id", "task-" + (n % 50)), Updates.combine(Updates.inc("a", 1),
                            Updates.inc("b", -1)));
                }
                return n;
            });
            Future<Integer> comings = pool.submit(() -> {
                int n = 0;
                while (writing.get()) {
                    n++;
                    tasks.insertOne(new Document("_id", "short-" + n).append("tenant", "26770").append("a", 0)
                            .append("b", 0));
                    tasks.deleteOne(Filters.eq("_id", "short-" + n));
                }
                return n;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    for (int i = 0; i < 300; i++) {
                        for (Document d : tasks.find(Filters.eq("tenant", "26770"))) {
                            assertThat(d.getInteger("a") + d.getInteger("b")).as("a and b of %s", d).isZero();
                            seen++;
                        }
                        List<String> ids = List.of("task-" + (i % 50), "short-" + i, "task-404");
                        for (Document d : tasks.find(Filters.and(Filters.in("_id", ids), Filters.gte("a", 0)))) {
                            assertThat(d.getInteger("a") + d.getInteger("b")).as("a and b of %s", d).isZero();
                            assertThat(d.getString("_id")).isNotEqualTo("task-404");
                            seen++;
                        }
                    }
                    return seen;
                }));
            }
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(120, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(300 * 25);
            }
            writing.set(false);
            int updated = updates.get(30, TimeUnit.SECONDS);
            assertThat(comings.get(30, TimeUnit.SECONDS)).isPositive();
            long a = 0;
            for (Document d : tasks.find(Filters.regex("_id", "^task-"))) {
                a += d.getInteger("a");
            }
            assertThat(a).as("every update kept").isEqualTo(updated);
            assertThat(tasks.countDocuments(Filters.regex("_id", "^short-"))).as("every insert deleted").isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
