package vn.loa.task.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.task.it.IntegrationTest.eventually;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.loa.contracts.Topics;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskTopic;
import vn.loa.task.task.Task;
import vn.loa.task.task.Tasks;
import vn.loa.testsupport.TestBroker;

/**
 * An instance stopped in the middle of a stream and another taking over, then a fresh consumer group replaying both
 * topics from the start into the same database: every item is credited once, and the replay emits nothing new.
 */
class RestartAndReplayTest {

    private static final int ITEMS = 30;

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
    void aRestartMidStreamAndAReplayFromTheStartCreditEveryItemExactlyOnce() {
        String news = Samples.news(plan);
        ConfigurableApplicationContext first = instances.start();
        List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        sent.add(broker.send(Samples.plan(tenant, plan)));
        for (int i = 0; i < ITEMS / 2; i++) {
            sent.add(broker.send(publication(i)));
        }
        // stop the first instance while it is still working through the stream
        eventually().until(() -> credited(first, news) >= 3);
        instances.stop(first);
        for (int i = ITEMS / 2; i < ITEMS; i++) {
            sent.add(broker.send(publication(i)));
        }
        // what the first instance may have processed without committing comes again too
        sent.subList(1, 6).forEach(broker::send);

        ConfigurableApplicationContext second = instances.start();
        awaitSettled(second, instances.group);
        assertThat(credited(second, news)).isEqualTo(ITEMS);
        List<TaskCredited> credits = TaskTopic.events(broker, news).stream()
                .filter(TaskCredited.class::isInstance).map(TaskCredited.class::cast).toList();
        // the outbox is at-least-once: an instance stopped between the broker's ack and the outbox's clean-up sends
        // that event again with the same ce_id, which consumers skip; what counts is one event per credit
        assertThat(distinctEventIds(news)).isEqualTo(ITEMS);
        assertThat(credits.stream().map(TaskCredited::creditId).distinct()).hasSize(ITEMS);
        assertThat(credits.stream().map(TaskCredited::itemId).distinct()).hasSize(ITEMS);

        // a new group reads both topics from the beginning into the same database: a full replay
        ConfigurableApplicationContext replay = instances.start(instances.group + "-replay");
        awaitSettled(replay, instances.group + "-replay");
        assertThat(credited(replay, news)).isEqualTo(ITEMS);
        assertThat(distinctEventIds(news)).isEqualTo(ITEMS);
    }

    private long distinctEventIds(String taskId) {
        return TaskTopic.records(broker, taskId).stream()
                .map(r -> vn.loa.testsupport.Events.headers(r).get(vn.loa.contracts.CloudEventHeaders.ID))
                .distinct().count();
    }

    private void awaitSettled(ConfigurableApplicationContext context, String group) {
        eventually().until(() -> broker.caughtUp(group, Topics.PLAN_EVENTS, Topics.CONTENT_EVENTS));
        eventually().until(() -> Instances.outboxesEmpty(context, plan));
    }

    /** Item i, published on the portal on a day of August to December. */
    private vn.loa.contracts.content.ContentPublished publication(int i) {
        Instant at = Instant.parse("2025-08-01T02:00:00Z").plusSeconds(86_400L * 4 * i);
        return Samples.published(tenant, plan + "-item-" + i, "news", "portal", at.toString());
    }

    private int credited(ConfigurableApplicationContext context, String taskId) {
        return context.getBean(Tasks.class).find(Task.id(tenant, taskId)).map(Task::credited).orElse(0);
    }
}
