package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes asked for again and built beside writes, commits and compaction of the file, with scans running: every page
 * is found. (In the fault suite of 07/12/2026 a service's start asked for its indexes while others wrote; the index
 * was filled by a read without the collection's monitor or a pinned version, and the store dropped chunks under it:
 * "Chunk … not found", content-service could not start. This test failed the same way before the fix: the filling
 * read now holds the monitor and pins the store's version, and an index that exists is not filled again.)
 */
class ReadsWhileTheStoreIsRewrittenTest {

    @TempDir
    Path dir;

    @Test
    void scansBesideWritesCommitsAndCompactionFindEveryPage() throws Exception {
        DurableH2Backend backend = new DurableH2Backend(StandInStore.open(dir), true, false);
        MVStore store = backend.getMvStore();
        store.setVersionsToKeep(0); // the store keeps no older version for readers that did not say they read one
        store.setRetentionTime(0); // and reuses a dropped chunk's space at once
        MongoServer server = new MongoServer(backend);
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean going = new AtomicBoolean(true);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> contents = client.getDatabase("loa").getCollection("contents");
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                docs.add(new Document("_id", "item-" + i).append("n", 0).append("body", "x".repeat(400 + i % 300)));
            }
            contents.insertMany(docs);
            Future<?> writes = pool.submit(() -> {
                for (int i = 0; going.get(); i++) {
                    contents.updateOne(Filters.eq("_id", "item-" + (i * 7 % 3_000)),
                            Updates.combine(Updates.inc("n", 1), Updates.set("body", "y".repeat(300 + i % 500))));
                }
            });
            Future<?> rewrites = pool.submit(() -> {
                while (going.get()) {
                    store.commit();
                    store.compact(90, 1024 * 1024);
                }
            });
            for (int scan = 0; scan < 40; scan++) {
                assertThat(contents.countDocuments(Filters.gte("n", 0))).isEqualTo(3_000);
                // what every service does at start: its indexes again (which exist), and the first one here (built)
                contents.createIndex(new Document("n", 1));
            }
            going.set(false);
            writes.get(30, TimeUnit.SECONDS);
            rewrites.get(30, TimeUnit.SECONDS);
        } finally {
            going.set(false);
            pool.shutdownNow();
            server.shutdownNow();
        }
    }
}
