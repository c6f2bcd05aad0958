package vn.loa.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The tests' database keeps every update when it answers copies: updates, upserts, findAndModify and reads of the
 * same documents from several clients at once leave exactly what was written, and unique indexes still hold.
 */
class CopyingMemoryBackendTest {

    @Test
    void concurrentUpdatesAndReadsOfTheSameDocumentsKeepEveryWrite() throws Exception {
        MongoServer server = new MongoServer(new CopyingMemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            MongoCollection<Document> tasks = client.getDatabase("t").getCollection("tasks");
            tasks.createIndex(new Document("code", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            for (int i = 0; i < 4; i++) {
                tasks.insertOne(new Document("_id", "task-" + i).append("code", "c" + i).append("n", 0)
                        .append("credits", List.of()));
            }
            int threads = 4;
            int each = 300;
            ConcurrentWrites.run(tasks, 4, threads, each, () -> {
                for (int k = 0; k < 300; k++) {
                    tasks.find().into(new ArrayList<>());
                }
                return null;
            });
            assertThat(ConcurrentWrites.kept(tasks)).isEqualTo((long) threads * each);
            // an upsert, then the unique index still refuses a duplicate code
            tasks.updateOne(Filters.eq("_id", "task-9"), Updates.set("code", "c9"),
                    new com.mongodb.client.model.UpdateOptions().upsert(true));
            assertThat(tasks.find(Filters.eq("_id", "task-9")).first().getString("code")).isEqualTo("c9");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.insertOne(new Document("code", "c9")))
                    .hasMessageContaining("E11000");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aQueryNamingIdsAnswersByThemAndStillAppliesTheWholeQuery() {
        MongoServer server = new MongoServer(new CopyingMemoryBackend());
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                + address.getPort())) {
            MongoCollection<Document> credits = client.getDatabase("t").getCollection("credits");
            for (int i = 0; i < 5; i++) {
                credits.insertOne(new Document("_id", "k-" + i).append("revision", i));
            }

            assertThat(credits.find(Filters.and(Filters.in("_id", "k-1", "k-3", "k-9"), Filters.gte("revision", 2)))
                    .into(new ArrayList<>())).extracting(d -> d.getString("_id")).containsExactly("k-3");
            assertThat(credits.updateOne(Filters.and(Filters.eq("_id", "k-2"), Filters.eq("revision", 1)),
                    Updates.set("revision", 9)).getMatchedCount()).as("guard not met").isZero();
            assertThat(credits.updateOne(Filters.and(Filters.eq("_id", "k-2"), Filters.eq("revision", 2)),
                    Updates.set("revision", 3)).getModifiedCount()).as("guard met").isEqualTo(1);
            // an upsert whose guard fails on an existing id collides with it instead of writing a second document
            Throwable collision = org.assertj.core.api.Assertions.catchThrowable(() -> credits.updateOne(
                    Filters.and(Filters.eq("_id", "k-4"), Filters.lt("revision", 2)), Updates.set("revision", 1),
                    new com.mongodb.client.model.UpdateOptions().upsert(true)));
            assertThat(collision).isInstanceOf(com.mongodb.MongoWriteException.class);
            assertThat(((com.mongodb.MongoWriteException) collision).getError().getCode()).isEqualTo(11000);
            assertThat(credits.find(Filters.eq("_id", "k-4")).first().getInteger("revision")).isEqualTo(4);
        } finally {
            server.shutdownNow();
        }
    }
}
