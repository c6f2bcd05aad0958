package vn.loa.content.item;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.loa.platform.aggregate.AggregateStore;

/**
 * The {@code contents} collection. Every change goes through {@link #save}: one single-document update guarded by
 * the revision the item was read at, writing the new state and appending its events to the item's outbox (no
 * multi-document transaction exists on mongo-java-server, and none is needed).
 */
@Component
public class Items {

    public static final String COLLECTION = "contents";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public Items(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        // a commune's items for a task, newest first (GET /api/contents?task=…; the fault suite's ground truth)
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("taskIds", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("scheduledAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("publications.nextTryAt", Sort.Direction.ASC));
    }

    public Optional<ContentItem> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ContentItem.class, COLLECTION));
    }

    public void insert(ContentItem item) {
        mongo.insert(item, COLLECTION);
    }

    /**
     * Writes the item's whole state and its events if the item is still at the revision it was read at
     * ({@link AggregateStore}: a property that became null, an approval cleared or a schedule cancelled, is removed).
     */
    public boolean save(ContentItem item) {
        return store.save(COLLECTION, item);
    }

    /**
     * Applies {@code change} (true when it changed something) and saves, reading again after a lost race. Exceptions
     * of the change (a broken rule) propagate. Returns the item as it ends up.
     */
    public ContentItem change(ContentItem item, Predicate<ContentItem> change) {
        return AggregateStore.change(item, change, this::save, stale -> find(stale.id()));
    }

    public Optional<ContentItem> change(String id, Predicate<ContentItem> change) {
        return find(id).map(item -> change(item, change));
    }

    /** A page of items the scope may read, newest first. */
    public List<ContentItem> page(Criteria filter, int page, int size) {
        return mongo.find(Query.query(filter).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .skip((long) page * size).limit(size), ContentItem.class, COLLECTION);
    }

    public long count(Criteria filter) {
        return mongo.count(Query.query(filter), COLLECTION);
    }

    /** Ids of APPROVED items whose scheduled publication time has come. */
    public List<String> scheduledBy(Instant now) {
        return ids(Criteria.where("status").is(ContentStatus.APPROVED.name()).and("scheduledAt").lte(now));
    }

    /** Ids of items with a publication waiting to be re-sent by now. */
    public List<String> resendDueBy(Instant now) {
        return ids(Criteria.where("publications").elemMatch(
                Criteria.where("status").is(PublicationStatus.REQUESTED.name()).and("nextTryAt").lte(now)));
    }

    private List<String> ids(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }
}
