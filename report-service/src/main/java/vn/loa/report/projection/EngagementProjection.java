package vn.loa.report.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.platform.time.VnTime;
import vn.loa.report.live.Change;

/**
 * {@link PublicationEngaged} into {@link ReadModel#ENGAGEMENT_DAYS} and {@link ReadModel#ENGAGEMENT_TOTALS}, order-
 * and duplicate-proof: a counted window is one {@code $set} of its figures under its key in the document of its day
 * (a redelivery writes the same value), never an increment; a running total replaces the kept one only if it is as
 * of a later time. Returns a {@link Change} only when something changed.
 */
final class EngagementProjection {

    private static final FindOneAndUpdateOptions BEFORE =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);

    private final MongoTemplate mongo;

    EngagementProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<Change> apply(PublicationEngaged e) {
        boolean changed = e.basis() == EngagementBasis.COUNTED_IN_WINDOW ? window(e) : total(e);
        return changed ? List.of(new Change(e.tenantId(), "engagement", e.subject(), "PublicationEngaged"))
                : List.of();
    }

    private boolean window(PublicationEngaged e) {
        String day = VnTime.dayOf(e.from()).toString();
        String field = "w." + e.windowKey();
        Document figures = figures(e.figures());
        MongoCollection<Document> c = mongo.getCollection(ReadModel.ENGAGEMENT_DAYS);
        Document update = new Document("$setOnInsert", new Document("tenant", e.tenantId())
                .append("channel", e.channel()).append("itemId", e.itemId()).append("day", day))
                .append("$set", new Document(field, figures));
        String id = ReadModel.engagementDayId(e.tenantId(), e.channel(), e.itemId(), day);
        Document before;
        try {
            before = c.findOneAndUpdate(Filters.eq("_id", id), update, BEFORE);
        } catch (MongoWriteException | MongoCommandException race) {
            if (!duplicateKey(race)) {
                throw race;
            }
            before = c.findOneAndUpdate(Filters.eq("_id", id), update, BEFORE);
        }
        Document kept = before == null ? null : before.get("w", Document.class);
        return kept == null || !figures.equals(kept.get(e.windowKey(), Document.class));
    }

    private boolean total(PublicationEngaged e) {
        MongoCollection<Document> c = mongo.getCollection(ReadModel.ENGAGEMENT_TOTALS);
        String id = ReadModel.engagementTotalId(e.tenantId(), e.channel(), e.itemId());
        Date asOf = Date.from(e.to());
        Document state = new Document("tenant", e.tenantId()).append("channel", e.channel())
                .append("itemId", e.itemId()).append("asOf", asOf).append("day", VnTime.dayOf(e.to()).toString())
                .append("counter", e.counter()).append("figures", figures(e.figures()));
        // only over an older reading: the latest one wins whatever the order they arrive in
        if (c.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.lt("asOf", asOf)),
                new Document("$set", state)) != null) {
            return true;
        }
        try {
            c.insertOne(new Document(state).append("_id", id));
            return true;
        } catch (MongoWriteException | MongoCommandException exists) {
            if (!duplicateKey(exists)) {
                throw exists;
            }
            return false; // kept one is as of the same time or later
        }
    }

    static Document figures(PublicationEngaged.Figures f) {
        Document d = new Document();
        f.asMap().forEach(d::append);
        return d;
    }

    static PublicationEngaged.Figures figures(Document d) {
        if (d == null) {
            return PublicationEngaged.Figures.NONE;
        }
        Map<String, Number> m = new java.util.HashMap<>();
        d.forEach((k, v) -> {
            if (v instanceof Number n) {
                m.put(k, n);
            }
        });
        return PublicationEngaged.Figures.of(m);
    }

    private static boolean duplicateKey(RuntimeException e) {
        return e instanceof MongoWriteException w ? w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                : ((MongoCommandException) e).getErrorCode() == 11000;
    }
}
