package vn.loa.task.task;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import vn.loa.platform.readmodel.KeyedWrites;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The credits of every task, one document per (task, item) ({@link ItemCredits}). Only {@link Tasks} writes here:
 * it copies what a task's save left in the task's {@code unfiled} list, and a copy never replaces a newer one (the
 * filter asks for an older revision; a newer copy already there makes the upsert collide on the id, which is the
 * answer "nothing to do").
 */
class Credits {

    static final String COLLECTION = "task_credits";
    private static final Logger log = LoggerFactory.getLogger(Credits.class);

    private final MongoTemplate mongo;

    Credits(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("taskKey", Sort.Direction.ASC));
    }

    /** The stored credits of these items on these tasks, read by their ids in one query. */
    List<ItemCredits> of(Collection<Task> tasks, Collection<String> itemIds) {
        List<String> keys = new ArrayList<>();
        for (Task task : tasks) {
            itemIds.forEach(item -> keys.add(ItemCredits.key(task.id(), item)));
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), ItemCredits.class, COLLECTION);
    }

    /** Every stored credit of a task (an amendment, the task's page, a leader's withdrawal). */
    List<ItemCredits> ofTask(String taskKey) {
        return mongo.find(Query.query(Criteria.where("taskKey").is(taskKey)), ItemCredits.class, COLLECTION);
    }

    /** Copies a task's unfiled credits to the collection, each only over an older copy. */
    void file(List<ItemCredits> unfiled) {
        if (unfiled.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(unfiled.size());
        for (ItemCredits copy : unfiled) {
            Document state = new Document();
            mongo.getConverter().write(copy, state);
            state.remove("_id");
            state.remove("_class");
            Bson olderOrMissing = Filters.and(Filters.eq("_id", copy.key()), Filters.lt("revision", copy.revision()));
            writes.add(new UpdateOneModel<>(olderOrMissing, new Document("$set", state),
                    new UpdateOptions().upsert(true)));
        }
        upsertOverOlder(writes);
    }

    /** Runs the upserts; one that collides on the id met a newer copy already there: nothing to do for it. */
    private void upsertOverOlder(List<WriteModel<Document>> writes) {
        try {
            mongo.getCollection(COLLECTION).bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!KeyedWrites.onlyDuplicateKeys(e)) {
                throw e;
            }
        }
    }

    /**
     * Moves credits stored inside task documents (before ADR 0006) to this collection, once: each task's credits
     * are copied, then removed from the task if it did not change meanwhile.
     */
    void moveCreditsOutOfTasks(String tasksCollection) {
        Query withCredits = Query.query(Criteria.where("credits").exists(true));
        withCredits.fields().include("_id", "tenantId", "revision", "credits");
        List<Document> tasks = mongo.find(withCredits, Document.class, tasksCollection);
        for (Document task : tasks) {
            String taskKey = task.getString("_id");
            long revision = ((Number) task.get("revision")).longValue();
            Map<String, List<Document>> byItem = new LinkedHashMap<>();
            for (Document credit : task.getList("credits", Document.class, List.of())) {
                byItem.computeIfAbsent(credit.getString("itemId"), item -> new ArrayList<>()).add(credit);
            }
            List<WriteModel<Document>> writes = new ArrayList<>();
            byItem.forEach((item, credits) -> writes.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", ItemCredits.key(taskKey, item)), Filters.lt("revision", revision)),
                    Updates.combine(Updates.set("tenantId", task.getString("tenantId")),
                            Updates.set("taskKey", taskKey), Updates.set("itemId", item),
                            Updates.set("revision", revision), Updates.set("credits", credits)),
                    new UpdateOptions().upsert(true))));
            if (!writes.isEmpty()) {
                upsertOverOlder(writes);
            }
            mongo.updateFirst(Query.query(Criteria.where("_id").is(taskKey).and("revision").is(revision)),
                    new Update().unset("credits"), tasksCollection);
        }
        if (!tasks.isEmpty()) {
            log.info("Moved the credits of {} tasks out of their documents (ADR 0006)", tasks.size());
        }
    }

    /** The stored credits of a task that hold this credit. */
    Optional<ItemCredits> holding(String taskKey, String creditId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("taskKey").is(taskKey).and("credits.creditId").is(creditId)),
                ItemCredits.class, COLLECTION));
    }
}
