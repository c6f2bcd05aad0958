package vn.loa.content.engagement;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.outbox.OutboxEntry;

/**
 * An operator's reading of a channel's own statistics (a Facebook post's reach, reactions, shares), sent as a
 * running-total {@code PublicationEngaged} through content-service's outbox: one document per reading in
 * {@value #COLLECTION} ({@code _id} = the event id, so the same reading sent twice is one document and one event).
 * content-service reads it back from the topic like every other engagement, so the item shows it once it has
 * travelled.
 */
@Component
public class ManualEngagement {

    public static final String COLLECTION = "engagement_readings";
    /** Channels that count by themselves (portal views, radio plays): no typed figures for them. */
    public static final Set<String> COUNTED_BY_THE_CHANNEL = Set.of("portal", "radio");

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    public ManualEngagement(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records the reading and returns the event that leaves. The caller has checked item, channel and values. */
    public PublicationEngaged record(String tenantId, String itemId, String channel, String publicationId,
            long reach, long reactions, long shares, Instant asOf, String user) {
        PublicationEngaged event = new PublicationEngaged(tenantId, itemId, channel, publicationId, "manual:" + user,
                EngagementBasis.RUNNING_TOTAL, null, asOf, new Figures(0, 0, 0, 0, reach, reactions, shares));
        String id = event.eventId();
        // the reading and its event in one insert; the same reading sent twice (a double click) is refused by its id
        Document reading = new Document("_id", id).append("tenantId", tenantId).append("itemId", itemId)
                .append("channel", channel).append("asOf", Date.from(asOf)).append("by", user)
                .append("recordedAt", Date.from(clock.instant()))
                .append(Outbox.FIELD, outbox.entries(List.of(event)).stream().map(OutboxEntry::toDocument).toList());
        try {
            mongo.insert(reading, COLLECTION);
            outbox.flush(COLLECTION, id);
        } catch (DuplicateKeyException sameReading) {
            // already recorded and sent
        }
        return event;
    }
}
