package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in stores documents as BSON: every value type a Loa document holds reads back as it was written after a
 * restart, an index still refuses a duplicate, and a data directory written by the former Java-serialising store is
 * converted once, with nothing lost.
 */
class StandInStoreTest {

    @TempDir
    Path dir;

    private static final Document SAMPLE = new Document("_id", "10804:task-1")
            .append("text", "Tuyên truyền cải cách hành chính — Tiên Minh")
            .append("int", 42).append("long", 9_000_000_000L).append("double", 0.75).append("flag", true)
            .append("nothing", null).append("date", Date.from(Instant.parse("2026-12-06T01:02:03.456Z")))
            .append("objectId", new ObjectId("65f0a1b2c3d4e5f601234567"))
            .append("decimal", Decimal128.parse("12.50")).append("binary", new org.bson.types.Binary(new byte[] {1, 2, 3}))
            .append("uuid", new org.bson.types.Binary((byte) 4, new byte[16]))
            .append("timestamp", new BsonTimestamp(1_765_000_000, 7))
            .append("nested", new Document("buckets", List.of(new Document("period", "2026-Q4").append("credited", 3),
                    new Document("period", "2026-12").append("credited", 1))))
            .append("list", List.of("a", 1, 2.5, List.of("x")));

    @Test
    void everyValueTypeReadsBackAfterARestart() throws Exception {
        withServer(StandInStore.open(dir), c -> c.insertOne(SAMPLE));
        assertThat(Files.exists(dir.resolve(StandInStore.FILE))).isTrue();
        withServer(StandInStore.open(dir), c -> {
            Document back = c.find(Filters.eq("_id", "10804:task-1")).first();
            assertThat(back).isEqualTo(SAMPLE);
            assertThat(back.get("long")).isInstanceOf(Long.class);
            assertThat(back.get("int")).isInstanceOf(Integer.class);
        });
    }

    @Test
    void aDataDirectoryOfTheFormerStoreIsConvertedOnce() throws Exception {
        // the former store: H2Backend's own MVStore (Java serialisation), file loa.mv
        H2Backend former = new H2Backend(dir.resolve(StandInStore.OLD_FILE).toString());
        withServer(former, c -> {
            c.createIndex(new Document("code", 1), new com.mongodb.client.model.IndexOptions().unique(true));
            c.insertOne(SAMPLE);
            for (int i = 0; i < 500; i++) {
                c.insertOne(new Document("_id", "item-" + i).append("code", "c" + i).append("n", i));
            }
        });

        withServer(StandInStore.open(dir), c -> {
            assertThat(c.countDocuments()).isEqualTo(501);
            assertThat(c.find(Filters.eq("_id", "item-321")).first().getInteger("n")).isEqualTo(321);
            assertThat(c.find(Filters.eq("_id", "10804:task-1")).first()).isEqualTo(SAMPLE);
            // the unique index came along
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.insertOne(new Document("code", "c7")))
                    .hasMessageContaining("E11000");
        });
        assertThat(Files.exists(dir.resolve(StandInStore.OLD_FILE))).isFalse();
        assertThat(Files.exists(dir.resolve(StandInStore.OLD_FILE + ".before-bson"))).as("kept").isTrue();

        // the second start opens the converted file and does not convert again
        withServer(StandInStore.open(dir), c -> assertThat(c.countDocuments()).isEqualTo(501));
    }

    private void withServer(org.h2.mvstore.MVStore store, Consumer<MongoCollection<Document>> use) {
        withServer(new DurableH2Backend(store, true, false), use);
    }

    private void withServer(H2Backend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            use.accept(client.getDatabase("loa").getCollection("things"));
        } finally {
            server.shutdown();
        }
    }
}
