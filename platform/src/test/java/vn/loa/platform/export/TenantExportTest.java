package vn.loa.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipOutputStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.testsupport.CommandCounts;
import vn.loa.testsupport.CopyingMemoryBackend;
import vn.loa.testsupport.Zips;

/**
 * A commune's part of the archive holds its documents and files, whichever field carries its code, and nothing of
 * another commune; the outbox stays out; bytes kept in a document become files of their own.
 */
class TenantExportTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
    private static final byte[] DOCX_NAMED = "PK-not-sniffed".getBytes(StandardCharsets.UTF_8);

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase db;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new CopyingMemoryBackend());
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort());
        db = client.getDatabase("export-test");
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aLargeCollectionIsReadInBatchesAsItIsWritten() throws IOException {
        int documents = TenantExport.BATCH * 3 + 1;
        List<Document> items = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            items.add(new Document("_id", "item-" + i).append("tenantId", "10804").append("title", "Tin " + i));
        }
        db.getCollection("items").insertMany(items);
        CommandCounts commands = new CommandCounts();
        try (MongoClient counting = commands.client("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TenantExport.Summary summary;
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                summary = new TenantExport(counting.getDatabase("export-test"), Set.of()).write("test-service",
                        "10804", zip);
            }
            assertThat(summary.documents()).containsEntry("items", documents);
            assertThat(text(Zips.entries(out.toByteArray()).get("items.ndjson"))
                    .lines()).hasSize(documents);
        }
        // a reply per batch, not the whole collection in one
        assertThat(commands.of("getMore")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCommunesPartHoldsItsOwnDocumentsAndFilesOnly() throws IOException {
        db.getCollection("plans").insertMany(List.of(
                new Document("_id", "p1").append("tenantId", "10804").append("title", "Kế hoạch 21/KH-UBND")
                        .append("outbox", List.of(new Document("type", "PlanIssued")))
                        .append("outboxLease", 1L),
                new Document("_id", "p2").append("tenantId", "11311").append("title", "Kế hoạch của xã khác")));
        db.getCollection("read_tasks").insertOne(new Document("_id", "t1").append("tenant", "10804"));
        db.getCollection("submissions").insertOne(new Document("_id", "10804|2026-Q3").append("commune", "10804")
                .append("frozen", new Document("docx", new Binary(DOCX_NAMED)).append("chart", new Binary(PNG))));
        db.getCollection("changes").insertOne(new Document("_id", 1).append("tenant", "10804"));
        GridFSBuckets.create(db).uploadFromStream("ảnh hội nghị.png", new ByteArrayInputStream(PNG),
                new com.mongodb.client.gridfs.model.GridFSUploadOptions()
                        .metadata(new Document("tenantId", "10804")));
        GridFSBuckets.create(db).uploadFromStream("other.png", new ByteArrayInputStream(PNG),
                new com.mongodb.client.gridfs.model.GridFSUploadOptions()
                        .metadata(new Document("tenantId", "11311")));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TenantExport.Summary summary;
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            summary = new TenantExport(db, Set.of("changes")).write("test-service", "10804", zip);
        }
        Map<String, byte[]> entries = Zips.entries(out.toByteArray());

        assertThat(summary.documents()).containsExactlyInAnyOrderEntriesOf(
                Map.of("plans", 1, "read_tasks", 1, "submissions", 1, "fs.files", 1));
        assertThat(summary.files()).isEqualTo(3);
        String plans = text(entries.get("plans.ndjson"));
        assertThat(plans).contains("Kế hoạch 21/KH-UBND").doesNotContain("11311").doesNotContain("outbox");
        assertThat(entries).doesNotContainKey("changes.ndjson");
        assertThat(entries.get("files/submissions/10804_2026-Q3/frozen.docx")).isEqualTo(DOCX_NAMED);
        assertThat(entries.get("files/submissions/10804_2026-Q3/frozen/chart.png")).isEqualTo(PNG);
        assertThat(text(entries.get("submissions.ndjson")))
                .contains("\"$file\": \"files/submissions/10804_2026-Q3/frozen.docx\"");
        String files = text(entries.get("fs.files.ndjson"));
        assertThat(files).contains("ảnh hội nghị.png").doesNotContain("other.png");
        String stored = entries.keySet().stream().filter(k -> k.startsWith("files/fs/")).findFirst().orElseThrow();
        assertThat(stored).endsWith("-_nh_h_i_ngh_.png");
        assertThat(entries.get(stored)).isEqualTo(PNG);
        assertThat(text(entries.get("summary.json"))).contains("\"commune\": \"10804\"");
        assertThat(db.getCollection("plans").find(Filters.eq("_id", "p1")).first()).containsKey("outbox");
    }

    @Test
    void aCommuneWithNothingGetsOnlyItsSummary() throws IOException {
        db.getCollection("plans").insertOne(new Document("_id", "p2").append("tenantId", "11311"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            new TenantExport(db, Set.of()).write("test-service", "10804", zip);
        }
        assertThat(Zips.entries(out.toByteArray())).containsOnlyKeys("summary.json");
    }

    private static String text(byte[] bytes) {
        assertThat(bytes).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
