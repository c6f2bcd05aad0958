package vn.loa.devstack;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-in answers a read in batches as MongoDB does: a {@code find} that names no batch size gets a first batch
 * of 101 documents at most, a {@code getMore} that names none as many as fit, and no batch holds much more than
 * 16 MiB. mongo-java-server sends a whole answer at once unless asked for batches, and fails a {@code getMore} without
 * a batch size; so a large read that works on real MongoDB failed here (the MongoDB driver refuses a reply over
 * 48 MB), and a read of many documents took fewer round trips here than on MongoDB.
 */
final class ReplyBatches {

    /** MongoDB's first batch of a {@code find} without a batch size, in documents. */
    static final int FIRST_BATCH = 101;

    /** MongoDB's bound on a reply: 16 MiB (a batch stops once it reaches this). */
    static final int BATCH_BYTES = 16 * 1024 * 1024;

    private ReplyBatches() {
    }

    /** Whether a {@code find} or {@code getMore} leaves the batch size to the server. */
    static boolean unbounded(Document command) {
        return !command.containsKey("batchSize") && !Boolean.TRUE.equals(command.get("singleBatch"));
    }

    /** The {@code find} to run for one that names no batch size: one document first, {@link #firstBatch} adds more. */
    static Document oneFirst(Document find) {
        Document one = find.clone();
        one.put("batchSize", 1);
        return one;
    }

    /** Fills the first batch of a {@link #oneFirst} reply from its cursor: 101 documents, or up to about 16 MiB. */
    static Document firstBatch(CursorRegistry cursors, Document reply) {
        Document cursor = (Document) reply.get("cursor");
        long id = ((Number) cursor.get("id")).longValue();
        if (id == 0) {
            return reply;
        }
        @SuppressWarnings("unchecked")
        List<Document> batch = new ArrayList<>((List<Document>) cursor.get("firstBatch"));
        cursor.put("id", fill(cursors, cursors.getCursor(id), batch, FIRST_BATCH));
        cursor.put("firstBatch", batch);
        return reply;
    }

    /** The next batch of a {@code getMore} that names no batch size: as many documents as reach 16 MiB. */
    static Document nextBatch(CursorRegistry cursors, String database, Document getMore) {
        Cursor cursor = cursors.getCursor(((Number) getMore.get("getMore")).longValue());
        List<Document> batch = new ArrayList<>();
        long id = fill(cursors, cursor, batch, Integer.MAX_VALUE);
        Document reply = new Document("cursor", new Document("id", id)
                .append("ns", database + "." + getMore.get("collection")).append("nextBatch", batch));
        reply.put("ok", 1.0);
        return reply;
    }

    /**
     * Moves documents from the cursor to the batch until it holds {@code most} or reaches 16 MiB (the last one may
     * pass it, by less than one document: the reply stays far below the driver's 48 MB). Returns the cursor's id, or
     * 0 when it was read to its end and dropped, as mongo-java-server does.
     */
    private static long fill(CursorRegistry cursors, Cursor cursor, List<Document> batch, int most) {
        long bytes = 0;
        for (Document d : batch) {
            bytes += size(d);
        }
        while (batch.size() < most && bytes < BATCH_BYTES) {
            List<Document> next = cursor.takeDocuments(1);
            if (next.isEmpty()) {
                break;
            }
            batch.add(next.getFirst());
            bytes += size(next.getFirst());
        }
        if (cursor.isEmpty()) {
            cursors.remove(cursor);
            return 0;
        }
        return cursor.getId();
    }

    private static int size(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return buffer.writerIndex();
        } finally {
            buffer.release();
        }
    }
}
