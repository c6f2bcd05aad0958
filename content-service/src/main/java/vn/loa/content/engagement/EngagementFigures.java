package vn.loa.content.engagement;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.platform.readmodel.KeyedWrites;
import vn.loa.platform.time.VnTime;

/**
 * An item's engagement per channel, from {@code PublicationEngaged}. The windows live in their own collection, one
 * document per (item, channel, commune day) with each window's figures under its key ({@code $set}: a redelivery is
 * the same window, never added twice); an operator's totals, one document per (item, channel), replaced only by a
 * later reading. The item itself is never touched: {@link #of} sums its few documents into one fixed-size row per
 * channel.
 */
@Component
public class EngagementFigures {

    static final String WINDOWS = "engagement_windows";
    static final String TOTALS = "engagement_totals";

    private final MongoTemplate mongo;

    public EngagementFigures(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(WINDOWS).createIndex(Indexes.ascending("tenantId", "itemId"));
        mongo.getCollection(TOTALS).createIndex(Indexes.ascending("tenantId", "itemId"));
    }

    /** Applies one event; false when it changed nothing (a duplicate, an older total, a figure about no item). */
    public boolean apply(PublicationEngaged e) {
        if (e.itemId() == null) {
            return false; // the commune's feed: no item to show it on (report-service keeps it)
        }
        return e.basis() == EngagementBasis.COUNTED_IN_WINDOW ? window(e) : total(e);
    }

    private boolean window(PublicationEngaged e) {
        String day = VnTime.dayOf(e.from()).toString();
        return KeyedWrites.setWindow(mongo.getCollection(WINDOWS),
                e.tenantId() + "|" + e.itemId() + "|" + e.channel() + "|" + day,
                new Document("tenantId", e.tenantId()).append("itemId", e.itemId()).append("channel", e.channel())
                        .append("day", day),
                e.windowKey(), new Document(e.figures().asMap()));
    }

    private boolean total(PublicationEngaged e) {
        return KeyedWrites.keepLatest(mongo.getCollection(TOTALS), e.tenantId() + "|" + e.itemId() + "|" + e.channel(),
                Date.from(e.to()), new Document("tenantId", e.tenantId()).append("itemId", e.itemId())
                        .append("channel", e.channel()).append("figures", new Document(e.figures().asMap())));
    }

    /** The item's figures, one row per channel with anything recorded, by channel id. */
    public List<ChannelFigures> of(String tenantId, String itemId) {
        Map<String, Figures> sums = new TreeMap<>();
        Map<String, String> asOf = new HashMap<>();
        for (Document d : mongo.getCollection(WINDOWS).find(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.eq("itemId", itemId)))) {
            Document windows = d.get("w", Document.class);
            if (windows != null) {
                for (Object w : windows.values()) {
                    sums.merge(d.getString("channel"), figures((Document) w), Figures::plus);
                }
            }
        }
        for (Document d : mongo.getCollection(TOTALS).find(Filters.and(Filters.eq("tenantId", tenantId),
                Filters.eq("itemId", itemId)))) {
            sums.merge(d.getString("channel"), figures(d.get("figures", Document.class)), Figures::plus);
            asOf.put(d.getString("channel"), VnTime.offset(d.getDate("asOf").toInstant()));
        }
        return sums.entrySet().stream().map(s -> ChannelFigures.of(s.getKey(), s.getValue(), asOf.get(s.getKey())))
                .toList();
    }

    private static Figures figures(Document d) {
        Map<String, Number> m = new HashMap<>();
        if (d != null) {
            d.forEach((k, v) -> {
                if (v instanceof Number n) {
                    m.put(k, n);
                }
            });
        }
        return Figures.of(m);
    }
}
