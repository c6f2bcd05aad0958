package vn.loa.channel.manual.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.loa.channel.ChannelInfo;
import vn.loa.contracts.channel.PublicationRequested;

/**
 * The {@code manual_publications} collection. Every read and write is keyed by tenant; state changes are guarded by
 * the expected status, so a repeated call changes nothing.
 */
@Component
public class ManualPublications {

    public static final String COLLECTION = "manual_publications";
    /** The newest this many are listed. */
    static final int LIST_LIMIT = 200;

    private final MongoTemplate mongo;
    private final Clock clock;

    ManualPublications(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("itemId", Sort.Direction.ASC).on("channel", Sort.Direction.ASC));
    }

    /** Records a request as waiting, unless it is already recorded (a redelivery or a repeat after a crash). */
    public void recordPending(PublicationRequested r, ChannelInfo channel) {
        List<ManualPublication.File> files = r.attachments().stream()
                .map(a -> new ManualPublication.File(a.id(), a.fileName(), a.mediaType(), a.size())).toList();
        Update update = new Update().setOnInsert("tenantId", r.tenantId()).setOnInsert("itemId", r.itemId())
                .setOnInsert("channel", channel.id()).setOnInsert("channelName", channel.displayName())
                .setOnInsert("kind", r.kind()).setOnInsert("title", r.title()).setOnInsert("summary", r.summary())
                .setOnInsert("bodyHtml", r.bodyHtml())
                .setOnInsert("files", files.stream().map(f -> new org.bson.Document("attachmentId", f.attachmentId())
                        .append("fileName", f.fileName()).append("mediaType", f.mediaType())
                        .append("size", f.size())).toList())
                .setOnInsert("requestedAt", r.requestedAt()).setOnInsert("receivedAt", clock.instant())
                .setOnInsert("status", ManualStatus.PENDING.name());
        mongo.upsert(Query.query(Criteria.where("_id").is(r.requestId())), update, COLLECTION);
    }

    public Optional<ManualPublication> find(String tenantId, String requestId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(requestId)
                .and("tenantId").is(tenantId)), ManualPublication.class, COLLECTION));
    }

    /** The tenant's requests, newest first, optionally of one status and one channel. */
    public List<ManualPublication> list(String tenantId, ManualStatus status, String channel) {
        Criteria c = Criteria.where("tenantId").is(tenantId);
        if (status != null) {
            c = c.and("status").is(status.name());
        }
        if (channel != null) {
            c = c.and("channel").is(channel);
        }
        return mongo.find(Query.query(c).with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(LIST_LIMIT),
                ManualPublication.class, COLLECTION);
    }

    /** PENDING → PUBLISHED with what the library recorded; false when it was no longer pending. */
    boolean markPublished(String tenantId, String requestId, String url, Instant publishedAt, String by) {
        return fromPending(tenantId, requestId, new Update().set("status", ManualStatus.PUBLISHED.name())
                .set("url", url).set("publishedAt", publishedAt).set("confirmedBy", by)
                .set("confirmedAt", clock.instant()));
    }

    /** The tenant's requests of an item on a channel that still wait for an operator. */
    List<ManualPublication> pendingFor(String tenantId, String itemId, String channel) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("itemId").is(itemId)
                .and("channel").is(channel).and("status").is(ManualStatus.PENDING.name())),
                ManualPublication.class, COLLECTION);
    }

    /** PENDING → PUBLISHED because a commune officer recorded the post made elsewhere (no operator confirmed it). */
    boolean markPublishedElsewhere(String tenantId, String requestId, String url, Instant publishedAt) {
        return fromPending(tenantId, requestId, new Update().set("status", ManualStatus.PUBLISHED.name())
                .set("url", url).set("publishedAt", publishedAt).set("resolvedElsewhere", true)
                .set("confirmedAt", clock.instant()));
    }

    /** PENDING → FAILED with the reason the library recorded; false when it was no longer pending. */
    boolean markFailed(String tenantId, String requestId, String reason, String by) {
        return fromPending(tenantId, requestId, new Update().set("status", ManualStatus.FAILED.name())
                .set("reason", reason).set("failedBy", by).set("failedAt", clock.instant()));
    }

    private boolean fromPending(String tenantId, String requestId, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("tenantId").is(tenantId)
                .and("status").is(ManualStatus.PENDING.name())), update, COLLECTION).getModifiedCount() == 1;
    }

    /** Notes on a confirmed request what its screenshot is (the bytes are already in {@link Screenshots}). */
    void evidence(String tenantId, String requestId, ManualPublication.Evidence evidence) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("tenantId").is(tenantId)),
                new Update().set("evidence", new org.bson.Document("fileName", evidence.fileName())
                        .append("mediaType", evidence.mediaType()).append("size", evidence.size())
                        .append("by", evidence.by()).append("at", evidence.at())), COLLECTION);
    }

    /** The item was withdrawn from this channel: its published posts are marked for taking down. */
    public void retracted(String tenantId, String itemId, String channel) {
        mongo.updateMulti(Query.query(Criteria.where("tenantId").is(tenantId).and("itemId").is(itemId)
                        .and("channel").is(channel).and("status").is(ManualStatus.PUBLISHED.name())),
                new Update().set("status", ManualStatus.RETRACTED.name()).set("retractedAt", clock.instant()),
                COLLECTION);
    }
}
