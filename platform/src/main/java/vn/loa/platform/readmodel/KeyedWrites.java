package vn.loa.platform.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import java.util.Date;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The writes a read model keyed by {@code _id} is kept right with when events come twice, late or at the same time on
 * two instances: each is one atomic single-document operation (what real MongoDB guarantees), and says whether it
 * changed anything, so that a consumer announces only real changes.
 */
public final class KeyedWrites {

    /** MongoDB's E11000. */
    private static final int DUPLICATE_KEY = 11000;

    private static final FindOneAndUpdateOptions UPSERT_RETURNING_BEFORE =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);

    private KeyedWrites() {
    }

    /**
     * Applies {@code update} to the document {@code id}, creating it if missing; the document as it was before (null:
     * it did not exist). Two writers creating the same new document at once: the one refused applies it again as an
     * update.
     */
    public static Document upsert(MongoCollection<Document> collection, String id, Bson update) {
        try {
            return collection.findOneAndUpdate(Filters.eq("_id", id), update, UPSERT_RETURNING_BEFORE);
        } catch (MongoWriteException | MongoCommandException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            return collection.findOneAndUpdate(Filters.eq("_id", id), update, UPSERT_RETURNING_BEFORE);
        }
    }

    /**
     * Sets one window's figures at {@code w.<windowKey>} of the document {@code id} ({@code onInsert}: its fields
     * when new); true when they were not already exactly these (a window sent again changes nothing).
     */
    public static boolean setWindow(MongoCollection<Document> collection, String id, Document onInsert,
            String windowKey, Document figures) {
        Document before = upsert(collection, id, new Document("$setOnInsert", onInsert)
                .append("$set", new Document("w." + windowKey, figures)));
        Document windows = before == null ? null : before.get("w", Document.class);
        return windows == null || !figures.equals(windows.get(windowKey, Document.class));
    }

    /**
     * Keeps {@code state} as the document {@code id} unless it holds a reading as of {@code asOf} or later (field
     * {@code asOf}): the latest reading wins whatever order they arrive in. True when it was kept.
     */
    public static boolean keepLatest(MongoCollection<Document> collection, String id, Date asOf, Document state) {
        Document reading = new Document(state).append("asOf", asOf);
        if (collection.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.lt("asOf", asOf)),
                new Document("$set", reading)) != null) {
            return true;
        }
        try {
            collection.insertOne(new Document(reading).append("_id", id));
            return true;
        } catch (MongoWriteException | MongoCommandException exists) {
            if (!isDuplicateKey(exists)) {
                throw exists;
            }
            return false; // the one kept is as of the same time or later
        }
    }

    /** Whether a write was refused because the key is taken (E11000, as a write or as a command error). */
    public static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoCommandException c && c.getErrorCode() == DUPLICATE_KEY;
    }

    /**
     * Whether every write a bulk write refused was refused because its key is taken: written before (an event sent
     * again) or by another instance at the same moment, so nothing is missing.
     */
    public static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
        return e.getWriteErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY);
    }
}
