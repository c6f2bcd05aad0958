package vn.loa.report.projection;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.platform.readmodel.KeyedWrites;
import vn.loa.platform.time.VnTime;
import vn.loa.report.live.Change;

/**
 * {@link PublicationEngaged} into {@link ReadModel#ENGAGEMENT_DAYS} and {@link ReadModel#ENGAGEMENT_TOTALS}, order-
 * and duplicate-proof: a counted window is one {@code $set} of its figures under its key in the document of its day
 * (a redelivery writes the same value), never an increment; a running total replaces the kept one only if it is as
 * of a later time. Returns a {@link Change} only when something changed.
 */
final class EngagementProjection {

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
        return KeyedWrites.setWindow(mongo.getCollection(ReadModel.ENGAGEMENT_DAYS),
                ReadModel.engagementDayId(e.tenantId(), e.channel(), e.itemId(), day),
                new Document("tenant", e.tenantId()).append("channel", e.channel()).append("itemId", e.itemId())
                        .append("day", day),
                e.windowKey(), figures(e.figures()));
    }

    private boolean total(PublicationEngaged e) {
        return KeyedWrites.keepLatest(mongo.getCollection(ReadModel.ENGAGEMENT_TOTALS),
                ReadModel.engagementTotalId(e.tenantId(), e.channel(), e.itemId()), Date.from(e.to()),
                new Document("tenant", e.tenantId()).append("channel", e.channel()).append("itemId", e.itemId())
                        .append("day", VnTime.dayOf(e.to()).toString()).append("counter", e.counter())
                        .append("figures", figures(e.figures())));
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
}
