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
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.loa.platform.outbox.Outbox;

/**
 * The {@code contents} collection. Every change goes through {@link #save}: one single-document update guarded by
 * the revision the item was read at, writing the new state and appending its events to the item's outbox (no
 * multi-document transaction exists on mongo-java-server, and none is needed).
 */
@Component
public class Items {

    public static final String COLLECTION = "contents";
    private static final int MAX_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public Items(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("scheduledAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("publications.nextTryAt", Sort.Direction.ASC));
    }

    public Optional<ContentItem> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ContentItem.class, COLLECTION));
    }

    public void insert(ContentItem item) {
        mongo.insert(item, COLLECTION);
    }

    /** Writes the change and its events if the item is still at the revision it was read at. */
    public boolean save(ContentItem item) {
        Document state = new Document();
        mongo.getConverter().write(item, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("revision") && !field.equals("_class")) {
                update.set(field, value);
            }
        });
        // the converter leaves null properties out: a property that became null (approval cleared, schedule
        // cancelled) must be removed, or the stored document would keep its old value
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(ContentItem.class).forEach(property -> {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !property.isTransient() && !state.containsKey(field)) {
                update.unset(field);
            }
        });
        update.set("revision", item.revision() + 1);
        outbox.append(update, item.pendingEvents());
        Query current = Query.query(Criteria.where("_id").is(item.id()).and("revision").is(item.revision()));
        boolean won = mongo.updateFirst(current, update, COLLECTION).getMatchedCount() == 1;
        if (won) {
            boolean events = !item.pendingEvents().isEmpty();
            item.saved();
            if (events) {
                outbox.flush(COLLECTION, item.id());
            }
        }
        return won;
    }

    /**
     * Applies {@code change} (true when it changed something) and saves, reading again after a lost race. Exceptions
     * of the change (a broken rule) propagate. Returns the item as it ends up.
     */
    public ContentItem change(ContentItem item, Predicate<ContentItem> change) {
        ContentItem current = item;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (!change.test(current) || save(current)) {
                return current;
            }
            Optional<ContentItem> again = find(current.id());
            if (again.isEmpty()) {
                return current;
            }
            current = again.get();
        }
        throw new IllegalStateException("Item " + item.id() + " kept changing under " + MAX_ATTEMPTS + " attempts");
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
