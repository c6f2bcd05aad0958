package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique indexes found through a hash map in memory ({@link HashedUniqueIndex}) answer as the library's: a key is found
 * after a restart, stays unique, is free again once its document is gone; and the store's own index map still holds
 * every key.
 */
class HashedUniqueIndexTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentIsFoundByItsIdAfterARestartAndAnIdStaysUnique() {
        String file = dir.resolve("t.mv").toString();
        run(file, items -> {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                docs.add(new Document("_id", "item-" + i).append("n", i));
            }
            items.insertMany(docs);
            items.deleteMany(Filters.lt("n", 100));
        });

        run(file, items -> {
            assertThat(items.find(Filters.eq("_id", "item-250")).first()).containsEntry("n", 250);
            assertThat(items.find(Filters.eq("_id", "item-50")).first()).isNull();
            assertThatThrownBy(() -> items.insertOne(new Document("_id", "item-250")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            items.insertOne(new Document("_id", "item-50").append("n", -50)); // its id is free again
            assertThat(items.find(Filters.eq("_id", "item-50")).first()).containsEntry("n", -50);
            assertThat(items.countDocuments()).isEqualTo(401);
        });

        // the index map the library's own index reads, under its own name, holds every key
        MVStore store = StandInStore.open(file);
        try {
            MVMap<Object, Object> own = store.openMap("loa.items._index__id_");
            assertThat(own.sizeAsLong()).isEqualTo(401);
        } finally {
            store.close();
        }
    }

    @Test
    void aUniqueKeyOfTheServicesIsRefusedTwiceAndFreedByADelete() {
        run(dir.resolve("k.mv").toString(), deliveries -> {
            deliveries.createIndex(Indexes.ascending("person", "reminder"), new IndexOptions().unique(true));
            deliveries.insertOne(new Document("_id", 1).append("person", "ha").append("reminder", "r1"));
            deliveries.insertOne(new Document("_id", 2).append("person", "ha").append("reminder", "r2"));
            assertThatThrownBy(() -> deliveries.insertOne(new Document("_id", 3).append("person", "ha")
                    .append("reminder", "r1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
            deliveries.deleteOne(Filters.eq("_id", 1));
            deliveries.insertOne(new Document("_id", 3).append("person", "ha").append("reminder", "r1"));
            assertThat(deliveries.find(Filters.and(Filters.eq("person", "ha"), Filters.eq("reminder", "r1")))
                    .first()).containsEntry("_id", 3);
        });
    }

    private static void run(String file, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(new DurableH2Backend(file, false));
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            work.accept(client.getDatabase("loa").getCollection("items"));
        } finally {
            server.shutdownNow();
        }
    }
}
