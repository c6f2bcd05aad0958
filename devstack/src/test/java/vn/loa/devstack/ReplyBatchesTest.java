package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that names no batch size comes in batches as from MongoDB: 101 documents first, then about 16 MiB per
 * {@code getMore}; so a read larger than the driver takes in one reply (48 MB) works on the stand-in as on MongoDB.
 */
class ReplyBatchesTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    /** How many documents each reply carried, in order: the first batch, then each getMore's. */
    private final List<Integer> batches = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new DurableH2Backend(dir.resolve("t.mv").toString(), false));
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandSucceeded(CommandSucceededEvent event) {
                        BsonDocument cursor = event.getResponse().getDocument("cursor", null);
                        if (cursor != null && (event.getCommandName().equals("find")
                                || event.getCommandName().equals("getMore"))) {
                            batches.add(cursor.getArray(cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch")
                                    .size());
                        }
                    }
                }).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aReadOfSmallDocumentsGetsAFirstBatchOf101ThenTheRestInOneGetMore() {
        MongoCollection<Document> items = client.getDatabase("loa").getCollection("items");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            docs.add(new Document("_id", i).append("tenant", "10804"));
        }
        items.insertMany(docs);

        assertThat(items.find().into(new ArrayList<>())).hasSize(1000);
        assertThat(batches).containsExactly(101, 899);
    }

    @Test
    void aReadLargerThanOneReplyComesInBatchesOfAbout16MiB() {
        MongoCollection<Document> files = client.getDatabase("loa").getCollection("files");
        String body = "x".repeat(512 * 1024);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 160; i++) { // 80 MiB in all: more than the driver takes in one reply (48 MB)
            docs.add(new Document("_id", i).append("body", body));
        }
        files.insertMany(docs);

        List<Document> read = files.find().into(new ArrayList<>());

        assertThat(read).hasSize(160);
        assertThat(read.getLast().getInteger("_id")).isEqualTo(159);
        // each batch stops once it reaches 16 MiB: 32 documents of 512 KiB (and a little more each)
        assertThat(batches).containsExactly(32, 32, 32, 32, 32);
    }

    @Test
    void aReadThatNamesItsBatchSizeKeepsIt() {
        MongoCollection<Document> items = client.getDatabase("loa").getCollection("named");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            docs.add(new Document("_id", i));
        }
        items.insertMany(docs);

        assertThat(items.find().batchSize(100).into(new ArrayList<>())).hasSize(250);
        assertThat(batches).containsExactly(100, 100, 50);
    }
}
