package vn.loa.task.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.loa.platform.aggregate.AggregateStore;

/**
 * The tasks collection. Every change goes through {@link #save}: one single-document update, guarded by the
 * revision the task was read at, that writes the new state and appends its events to the task's outbox. Two
 * instances (or two consumers of one instance) racing on a task cannot both win; the loser reads again and
 * decides again ({@link #change}).
 */
@Component
public class Tasks {

    public static final String COLLECTION = "tasks";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final TaskCatalogue catalogue;
    private final Credits credits;

    public Tasks(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        this.catalogue = new TaskCatalogue(mongo);
        this.credits = new Credits(mongo);
        credits.moveCreditsOutOfTasks(COLLECTION);
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("planId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("taskId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("buckets.end", Sort.Direction.ASC));
    }

    /** The task without its credits: enough for changes that do not credit (closing, withdrawal from the plan). */
    public Optional<Task> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Task.class, COLLECTION));
    }

    /** The task with every credit it has (to amend it, or to show them all). */
    public Optional<Task> findWhole(String id) {
        return find(id).map(this::whole);
    }

    /** The same task, now knowing every credit it has. */
    public Task whole(Task task) {
        task.knowEveryCredit(credits.ofTask(task.id()));
        return task;
    }

    /** Reads, in one query, the credits of these items on these tasks into the tasks (to credit or uncredit them). */
    public void readCredits(Collection<Task> tasks, Collection<String> itemIds) {
        Map<String, List<ItemCredits>> byTask = credits.of(tasks, itemIds).stream()
                .collect(Collectors.groupingBy(ItemCredits::taskKey));
        for (Task task : tasks) {
            task.know(itemIds, byTask.getOrDefault(task.id(), List.of()));
        }
    }

    /** The task knowing the item that holds this credit, or empty if the task has no such credit. */
    public Optional<Task> withCredit(Task task, String creditId) {
        Optional<String> item = task.unfiled().stream().filter(u -> u.withId(creditId).isPresent())
                .map(ItemCredits::itemId).findFirst()
                .or(() -> credits.holding(task.id(), creditId).map(ItemCredits::itemId));
        item.ifPresent(i -> readCredits(List.of(task), List.of(i)));
        return item.map(i -> task);
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
     * Writes the task's whole state, the credits it changed and its pending events in one update ({@link
     * AggregateStore}), if the task is still at the revision it was read at. Returns false when someone else changed
     * it in between: read it again and decide again. Credits earlier saves left in the document that this write would
     * push out ({@link Task#MAX_UNFILED}) are copied to their collection first.
     */
    public boolean save(Task task) {
        credits.file(task.stageCredits());
        return store.save(COLLECTION, task);
    }

    /**
     * Reads the task, applies {@code change} (which answers whether it changed anything) and saves it, again and
     * again until the save wins. Returns the task as it ends up, or empty if there is no such task.
     */
    public Optional<Task> change(String id, Predicate<Task> change) {
        return find(id).map(task -> change(task, change));
    }

    /** As {@link #change(String, Predicate)}, for a change that needs every credit (an amendment). */
    public Optional<Task> changeWhole(String id, Predicate<Task> change) {
        return findWhole(id).map(task -> change(task, change));
    }

    /** As {@link #change(String, Predicate)}, starting from a task just read; reads again only after losing a race. */
    public Task change(Task task, Predicate<Task> change) {
        return AggregateStore.change(task, change, this::save, this::reread);
    }

    /** The task as it is now, knowing the credits the stale copy knew. */
    private Optional<Task> reread(Task stale) {
        Optional<Task> again = find(stale.id());
        again.ifPresent(task -> {
            if (stale.knowsEveryCredit()) {
                whole(task);
            } else {
                readCredits(List.of(task), stale.knownItems());
            }
        });
        return again;
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
