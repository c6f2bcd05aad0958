package vn.loa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;

/**
 * Many clients changing the same documents at once, as the services do under load — for the tests of a database
 * stand-in (test-support's copying backend, devstack's durable one): each client changes the documents
 * {@code task-0 … task-(documents-1)} in turn, alternately with {@code updateOne} and {@code findOneAndUpdate}, each
 * change adding 1 to {@code n} and pushing one credit; other work (readers) may run alongside.
 */
public final class ConcurrentWrites {

    private ConcurrentWrites() {
    }

    /** {@code clients} × {@code each} changes, all done when it returns (a failed one fails it). */
    public static void run(MongoCollection<Document> tasks, int documents, int clients, int each,
            Callable<?>... alongside) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients + alongside.length);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            done.add(pool.submit(() -> {
                for (int k = 0; k < each; k++) {
                    var id = Filters.eq("_id", "task-" + (k % documents));
                    var update = Updates.combine(Updates.inc("n", 1),
                            Updates.push("credits", new Document("by", client).append("k", k)));
                    if (k % 2 == 0) {
                        tasks.updateOne(id, update);
                    } else {
                        tasks.findOneAndUpdate(id, update,
                                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                    }
                }
                return null;
            }));
        }
        for (Callable<?> work : alongside) {
            done.add(pool.submit(work));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    /** How many changes the documents hold; each document must hold as many credits as its {@code n} says. */
    public static long kept(MongoCollection<Document> tasks) {
        long total = 0;
        for (Document d : tasks.find()) {
            total += d.getInteger("n");
            assertThat(d.getList("credits", Document.class)).hasSize(d.getInteger("n"));
        }
        return total;
    }
}
