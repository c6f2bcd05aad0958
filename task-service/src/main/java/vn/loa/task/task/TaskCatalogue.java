package vn.loa.task.task;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One small document per commune naming its tasks and every product kind each ever accepted, so that crediting finds
 * the tasks a publication may concern by their ids ({@code _id $in}) instead of searching every task of every commune
 * (a collection scan on the embedded database, whose documents carry their credits).
 *
 * <p>It only grows ({@code $addToSet}), so it is always a superset of what a search would find: a task an item names
 * is in the ledger's named ids, a task an item matched by kind accepted that kind then and so lists it for good. A
 * task is added before its credits are settled ({@link TaskLifecycle}); a commune whose catalogue does not exist yet
 * (data from before it) gets one built from its tasks on first use.
 */
final class TaskCatalogue {

    static final String COLLECTION = "task_catalogue";

    private final MongoTemplate mongo;

    TaskCatalogue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Lists the task (and every kind it ever accepted) in its commune's catalogue. Idempotent. */
    void add(Task task) {
        if (!exists(task.tenantId())) {
            build(task.tenantId());
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(task.tenantId())),
                new Update().addToSet("tasks", entry(task)), COLLECTION);
    }

    /** The ids ({@link Task#id}) of the commune's tasks that are named or accept one of the kinds. */
    List<String> candidates(String tenantId, Collection<String> named, Collection<String> kinds) {
        Document catalogue = mongo.findById(tenantId, Document.class, COLLECTION);
        if (catalogue == null) {
            catalogue = build(tenantId);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Document entry : catalogue.getList("tasks", Document.class, List.of())) {
            String taskId = entry.getString("taskId");
            if (named.contains(taskId)
                    || entry.getList("kinds", String.class, List.of()).stream().anyMatch(kinds::contains)) {
                ids.add(Task.id(tenantId, taskId));
            }
        }
        return List.copyOf(ids);
    }

    private boolean exists(String tenantId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(tenantId)), COLLECTION);
    }

    /** The commune's catalogue from its tasks as stored (once, for data from before the catalogue). */
    private Document build(String tenantId) {
        List<Document> entries = mongo.find(Query.query(Criteria.where("tenantId").is(tenantId)), Task.class,
                Tasks.COLLECTION).stream().map(TaskCatalogue::entry).toList();
        mongo.upsert(Query.query(Criteria.where("_id").is(tenantId)),
                new Update().addToSet("tasks").each(entries.toArray()), COLLECTION);
        return mongo.findById(tenantId, Document.class, COLLECTION);
    }

    private static Document entry(Task task) {
        return new Document("taskId", task.taskId()).append("kinds", task.everyKind().stream().sorted().toList());
    }
}
