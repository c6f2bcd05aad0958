package vn.loa.task.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.task.it.IntegrationTest.eventually;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.loa.contracts.Topics;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskTopic;
import vn.loa.task.task.Task;
import vn.loa.task.task.Tasks;
import vn.loa.testsupport.TestBroker;

/**
 * Two instances in one consumer group share the partitions and credit the same tasks at the same time: the
 * revision-guarded writes keep every count exact.
 */
class TwoInstancesTest {

    private static final int ITEMS = 40;
    private static final int RETRACTED = 5;

    private final TestBroker broker = new TestBroker();
    private final Instances instances = new Instances();
    private final String tenant = Samples.someCommune();
    private final String plan = "plan-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        instances.close();
        broker.close();
    }

    @Test
    void twoInstancesInOneGroupCreditEveryItemOnce() {
        instances.start();
        instances.start();
        // each instance runs its configured number of content-event consumers (ADR 0015): all of both have joined
        int perInstance = instances.get(0).getEnvironment().getRequiredProperty(
                "spring.cloud.stream.bindings.onContentEvent-in-0.consumer.concurrency", Integer.class);
        assertThat(perInstance).as("consumers per instance").isGreaterThan(1);
        eventually().until(() -> broker.membersConsuming(instances.group, Topics.CONTENT_EVENTS) == 2L * perInstance);

        broker.send(Samples.plan(tenant, plan));
        for (int i = 0; i < ITEMS; i++) {
            ContentPublished portal = publication(i, "portal", 0);
            broker.send(portal);
            broker.send(publication(i, "zalo-oa", 3_600)); // a second channel adds nothing
            if (i % 4 == 0) {
                broker.send(portal); // nor does a duplicate
            }
        }
        for (int i = 0; i < RETRACTED; i++) {
            broker.send(Samples.retracted(tenant, item(i), "portal", "2026-01-10T00:00:00Z"));
            broker.send(Samples.retracted(tenant, item(i), "zalo-oa", "2026-01-10T00:00:00Z"));
        }
        eventually().until(() -> broker.caughtUp(instances.group, Topics.PLAN_EVENTS, Topics.CONTENT_EVENTS));
        eventually().until(() -> Instances.outboxesEmpty(instances.get(0), plan));

        String news = Samples.news(plan);
        Task task = instances.get(1).getBean(Tasks.class).findWhole(Task.id(tenant, news)).orElseThrow();
        assertThat(task.credited()).isEqualTo(ITEMS - RETRACTED);
        assertThat(task.buckets().stream().mapToInt(b -> b.credited()).sum()).isEqualTo(ITEMS - RETRACTED);
        List<TaskEvent> events = TaskTopic.events(broker, news);
        assertThat(events).filteredOn(TaskCredited.class::isInstance).hasSize(ITEMS);
        assertThat(events).filteredOn(TaskCreditWithdrawn.class::isInstance).hasSize(RETRACTED);
        // the counts the events carry end where the task ends
        TaskEvent last = events.getLast();
        int lastTotal = last instanceof TaskCredited c ? c.totalCredited() : ((TaskCreditWithdrawn) last).totalCredited();
        assertThat(lastTotal).isEqualTo(ITEMS - RETRACTED);
    }

    private String item(int i) {
        return plan + "-item-" + i;
    }

    private ContentPublished publication(int i, String channel, long laterBySeconds) {
        Instant at = Instant.parse("2025-08-01T02:00:00Z").plusSeconds(86_400L * 3 * i + laterBySeconds);
        return Samples.published(tenant, item(i), "news", channel, at.toString());
    }
}
