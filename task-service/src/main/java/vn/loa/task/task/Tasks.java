package vn.loa.task.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.loa.platform.outbox.Outbox;

/**
 * The tasks collection. Every change goes through {@link #save}: one single-document update, guarded by the
 * revision the task was read at, that writes the new state and appends its events to the task's outbox. Two
 * instances (or two consumers of one instance) racing on a task cannot both win; the loser reads again and
 * decides again ({@link #change}).
 */
@Component
public class Tasks {

    public static final String COLLECTION = "tasks";
    /** Enough for any realistic contention; beyond it the event is retried by the binder. */
    private static final int MAX_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final TaskCatalogue catalogue;

    public Tasks(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.catalogue = new TaskCatalogue(mongo);
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("planId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("taskId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("buckets.end", Sort.Direction.ASC));
    }

    public Optional<Task> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Task.class, COLLECTION));
    }

    /** Stores a new task; false if it exists already (a redelivered or replayed issue). */
    public boolean insertIfAbsent(Task task) {
        try {
            mongo.insert(task, COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /**
     * Writes the task's change and its pending events in one update, if the task is still at the revision it was
     * read at. Returns false when someone else changed it in between: read it again and decide again.
     */
    public boolean save(Task task) {
        Document state = new Document();
        mongo.getConverter().write(task, state);
        Update update = new Update();
        state.forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("revision")) {
                update.set(field, value);
            }
        });
        update.set("revision", task.revision() + 1);
        outbox.append(update, task.pendingEvents());
        Query current = Query.query(Criteria.where("_id").is(task.id()).and("revision").is(task.revision()));
        boolean won = mongo.updateFirst(current, update, COLLECTION).getMatchedCount() == 1;
        if (won) {
            boolean events = !task.pendingEvents().isEmpty();
            task.saved();
            if (events) {
                outbox.flush(COLLECTION, task.id());
            }
        }
        return won;
    }

    /**
     * Reads the task, applies {@code change} (which answers whether it changed anything) and saves it, again and
     * again until the save wins. Returns the task as it ends up, or empty if there is no such task.
     */
    public Optional<Task> change(String id, Predicate<Task> change) {
        return find(id).map(task -> change(task, change));
    }

    /** As {@link #change(String, Predicate)}, starting from a task just read; reads again only after losing a race. */
    public Task change(Task task, Predicate<Task> change) {
        Task current = task;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (!change.test(current) || save(current)) {
                return current;
            }
            Optional<Task> again = find(current.id());
            if (again.isEmpty()) {
                return current;
            }
            current = again.get();
        }
        throw new IllegalStateException("Task " + task.id() + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    public List<Task> ofPlan(String tenantId, String planId) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("planId").is(planId))
                .with(Sort.by("order")), Task.class, COLLECTION);
    }

    /** Tasks of a plan that the scope may read, in annex order. */
    public List<Task> ofPlan(Criteria scope, String planId) {
        return mongo.find(Query.query(new Criteria().andOperator(scope, Criteria.where("planId").is(planId)))
                .with(Sort.by("order")), Task.class, COLLECTION);
    }

    public Optional<Task> byTaskId(Criteria scope, String taskId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(new Criteria().andOperator(scope, Criteria.where("taskId").is(taskId))), Task.class,
                COLLECTION));
    }

    /**
     * Every task of the tenant an item could concern: one it names or one accepting one of its kinds — which includes
     * every task it has credited (a credit needed one or the other, and both sets only grow). Found by their ids from
     * the commune's {@link TaskCatalogue}, not by searching the tasks.
     */
    public List<Task> concerning(String tenantId, Collection<String> named, Collection<String> kinds) {
        List<String> ids = catalogue.candidates(tenantId, named, kinds);
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Task.class, COLLECTION);
    }

    /** Lists the task in its commune's catalogue: before its credits are settled, after each change of its terms. */
    void catalogue(Task task) {
        catalogue.add(task);
    }

    /**
     * Ids of the tasks with a bucket whose period ended by {@code now}, that is not closed yet and that applies (a
     * bucket stored before {@code notApplicable} existed has no such field: it applies).
     */
    public List<String> withBucketsToClose(Instant now) {
        Query query = Query.query(Criteria.where("buckets").elemMatch(
                Criteria.where("closed").is(false).and("cancelled").is(false).and("notApplicable").ne(true)
                        .and("end").lte(now)));
        query.fields().include("_id");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }
}
