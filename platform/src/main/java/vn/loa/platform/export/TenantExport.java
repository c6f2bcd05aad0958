package vn.loa.platform.export;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Binary;
import vn.loa.platform.file.ContentSniffer;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * One service's part of a commune's archive (issue 20): every document of the commune in every collection of the
 * service's database, one JSON line per document (MongoDB's relaxed Extended JSON) in {@code <collection>.ndjson}, and
 * every file as a file of its own under {@code files/} — GridFS files by bucket, and bytes kept inside a document
 * (a frozen report, a screenshot) replaced in its line by {@code {"$file": "files/…"}}. The event plumbing (the
 * outbox and its lease) is left out; {@code summary.json} counts what was written.
 *
 * <p>A document belongs to the commune when one of {@link #TENANT_FIELDS} holds its code. Most services write
 * {@code tenantId}; report-service's read models still write {@code tenant} and {@code commune} (issue 18), and a
 * GridFS file carries it in {@code metadata.tenantId}.
 */
public final class TenantExport {

    /** The fields that carry a document's commune, in the services as they stand. */
    public static final List<String> TENANT_FIELDS = List.of("tenantId", "tenant", "commune", "metadata.tenantId");

    private static final Set<String> PLUMBING = Set.of(Outbox.FIELD, "outboxLease", "outboxLeaseBy");
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final Pattern TYPE_NAMED = Pattern.compile("docx|xlsx|pdf|png|jpe?g|webp|gif|mp3|ogg");
    private static final String GRIDFS_FILES = ".files";
    private static final String GRIDFS_CHUNKS = ".chunks";

    private final MongoDatabase database;
    private final Set<String> skipped;

    /**
     * @param skipped collections that hold nothing of a commune's own worth keeping (e.g. report-service's live change
     *                log, which only tells open dashboards what moved)
     */
    public TenantExport(MongoDatabase database, Set<String> skipped) {
        this.database = database;
        this.skipped = Set.copyOf(skipped);
    }

    /** What a part holds: documents per collection and files. */
    public record Summary(String service, String commune, Map<String, Integer> documents, int files) {
    }

    /** Writes the commune's part into {@code zip} (entries at its root) and answers what it wrote. */
    public Summary write(String service, String commune, ZipOutputStream zip) {
        Bson mine = Filters.or(TENANT_FIELDS.stream().map(field -> Filters.eq(field, commune)).toList());
        Map<String, Integer> documents = new LinkedHashMap<>();
        int files = 0;
        for (String name : collections()) {
            Part part = name.endsWith(GRIDFS_FILES)
                    ? gridFs(name.substring(0, name.length() - GRIDFS_FILES.length()), mine, zip)
                    : collection(name, mine, zip);
            if (part.documents > 0) {
                documents.put(name, part.documents);
            }
            files += part.files;
        }
        Summary summary = new Summary(service, commune, documents, files);
        String name = CommuneDirectory.instance().commune(commune).map(CommuneDirectory.Commune::name).orElse(null);
        entry(zip, "summary.json", new Document("service", service).append("commune", commune).append("name", name)
                .append("documents", new Document(documents)).append("files", files).toJson(JSON)
                .getBytes(StandardCharsets.UTF_8));
        return summary;
    }

    private List<String> collections() {
        Set<String> names = new TreeSet<>();
        for (String name : database.listCollectionNames()) {
            if (!name.startsWith("system.") && !name.endsWith(GRIDFS_CHUNKS) && !skipped.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** Documents per reply while a collection is written out. */
    static final int BATCH = 100;

    private record Part(int documents, int files) {
    }

    /**
     * The collection's documents of the commune, one line each, written as they are read. Bytes kept inside a document
     * become files of their own: a ZIP writes one entry at a time, so they are read again, one document at a time,
     * once the lines are written.
     */
    private Part collection(String name, Bson mine, ZipOutputStream zip) {
        // read in batches: MongoDB would cap a reply at 16 MiB by itself, mongo-java-server sends the whole answer in
        // one reply unless asked for batches, and the driver refuses a reply over 48 MB
        MongoCollection<Document> collection = database.getCollection(name);
        int count = 0;
        List<Object> withFiles = new ArrayList<>();
        try (MongoCursor<Document> documents = collection.find(mine).batchSize(BATCH).iterator()) {
            while (documents.hasNext()) {
                Document document = documents.next();
                if (count == 0) {
                    zip.putNextEntry(new ZipEntry(name + ".ndjson"));
                }
                PLUMBING.forEach(document::remove);
                if (binaries(document, base(name, document), (file, bytes) -> { }) > 0) {
                    withFiles.add(document.get("_id"));
                }
                zip.write((document.toJson(JSON) + "\n").getBytes(StandardCharsets.UTF_8));
                count++;
            }
            if (count > 0) {
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int files = 0;
        for (Object id : withFiles) {
            Document document = collection.find(Filters.eq("_id", id)).first();
            if (document != null) {
                files += binaries(document, base(name, document), (file, bytes) -> entry(zip, file, bytes));
            }
        }
        return new Part(count, files);
    }

    private static String base(String collection, Document document) {
        return "files/" + collection + "/" + safe(String.valueOf(document.get("_id")));
    }

    /**
     * Replaces every binary value (at any depth) by {@code {"$file": path}}, hands each path and its bytes to
     * {@code file}, and answers how many there were.
     */
    private static int binaries(Document document, String base, BiConsumer<String, byte[]> file) {
        int files = 0;
        for (Map.Entry<String, Object> field : document.entrySet()) {
            Object value = field.getValue();
            String path = base + "/" + safe(field.getKey());
            if (value instanceof Binary binary && binary.getData().length > 0) {
                // a field named after its type ({@code frozen.docx}, {@code frozen.xlsx}) names the file that way
                String name = TYPE_NAMED.matcher(field.getKey()).matches() ? base + "." + field.getKey()
                        : path + ContentSniffer.sniff(binary.getData())
                                .map(type -> "." + type.extensions().getFirst()).orElse(".bin");
                file.accept(name, binary.getData());
                field.setValue(new Document("$file", name));
                files++;
            } else if (value instanceof Document inner) {
                files += binaries(inner, path, file);
            }
        }
        return files;
    }

    private Part gridFs(String bucketName, Bson mine, ZipOutputStream zip) {
        GridFSBucket bucket = GridFSBuckets.create(database, bucketName);
        StringBuilder lines = new StringBuilder();
        int count = 0;
        for (GridFSFile file : bucket.find(mine)) {
            BsonValue id = file.getId();
            String idText = id.isObjectId() ? id.asObjectId().getValue().toHexString() : id.toString();
            String path = "files/" + bucketName + "/" + safe(idText) + "-" + safe(file.getFilename());
            try {
                zip.putNextEntry(new ZipEntry(path));
                bucket.downloadToStream(id, unclosable(zip));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Document line = new Document("_id", idText).append("filename", file.getFilename())
                    .append("length", file.getLength()).append("uploadDate", file.getUploadDate())
                    .append("metadata", file.getMetadata()).append("$file", path);
            lines.append(line.toJson(JSON)).append('\n');
            count++;
        }
        if (count > 0) {
            entry(zip, bucketName + GRIDFS_FILES + ".ndjson", lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new Part(count, count);
    }

    /** A file name safe in any archive tool: letters, digits, dot, dash and underscore. */
    static String safe(String name) {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OutputStream unclosable(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        };
    }
}
