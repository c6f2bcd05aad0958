package vn.loa.task.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.content.ContentEvent;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.task.intake.EventIntake;
import vn.loa.platform.aggregate.AggregateStore;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.outbox.OutboxEntry;
import vn.loa.platform.outbox.OutboxRelay;
import vn.loa.task.closing.PeriodCloser;
import vn.loa.task.crediting.Crediting;
import vn.loa.task.crediting.ItemLedgers;
import vn.loa.task.task.Plans;
import vn.loa.task.task.Task;
import vn.loa.task.task.TaskLifecycle;
import vn.loa.task.task.Tasks;
import vn.loa.testsupport.MutableClock;

/**
 * task-service's core wired by hand on a fresh in-memory database, without Spring, Kafka or the relay: events stay
 * in the tasks' outboxes, where a test reads them back in order.
 */
public final class TaskServiceCore {

    public final MongoTemplate mongo;
    public final MutableClock clock;
    public final Tasks tasks;
    public final ItemLedgers ledgers;
    public final TaskLifecycle lifecycle;
    public final Crediting crediting;
    public final PeriodCloser closer;
    private final EventCodec codec = new EventCodec();

    public TaskServiceCore(MutableClock clock) {
        this.mongo = InMemoryMongo.database("core-" + UUID.randomUUID());
        this.clock = clock;
        // never started: flush() only releases a permit nobody waits for
        OutboxRelay relay = new OutboxRelay(mongo, null, List.of(), clock, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(1), new SimpleMeterRegistry());
        Outbox outbox = new Outbox("task-service", codec, clock, relay);
        this.tasks = new Tasks(mongo, new AggregateStore(mongo, outbox));
        this.ledgers = new ItemLedgers(mongo);
        this.lifecycle = new TaskLifecycle(tasks, new Plans(mongo));
        this.crediting = new Crediting(ledgers, tasks, clock);
        this.closer = new PeriodCloser(tasks, clock);
    }

    /** Handles an event exactly as the bindings do. */
    public void handle(LoaEvent event) {
        switch (event) {
            case PlanEvent plan -> EventIntake.handle(plan, lifecycle, crediting);
            case ContentEvent content -> EventIntake.handle(content, crediting);
            default -> throw new IllegalArgumentException("task-service does not consume " + event);
        }
    }

    public Task task(String tenant, String taskId) {
        return tasks.findWhole(Task.id(tenant, taskId)).orElseThrow(() -> new AssertionError("no task " + taskId));
    }

    /** The events a task left in its outbox, in the order they were written. */
    public List<TaskEvent> events(String tenant, String taskId) {
        Document doc = mongo.findById(Task.id(tenant, taskId), Document.class, Tasks.COLLECTION);
        return doc.getList(Outbox.FIELD, Document.class, List.of()).stream()
                .map(OutboxEntry::fromDocument)
                .map(e -> (LoaEvent) codec.decode(e.envelope()))
                .map(TaskEvent.class::cast)
                .toList();
    }

    public void drop() {
        mongo.getDb().drop();
    }
}
