package vn.loa.task.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.loa.platform.outbox.Outbox;
import vn.loa.task.TaskServiceApplication;
import vn.loa.task.task.Tasks;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * Whole task-service instances started and stopped by a test, as separate application contexts in this JVM: a
 * restart, a second instance in the same consumer group, a fresh group replaying the topics. Each test gets a group
 * and a database of its own, so the shared test context (group {@code task-service}) never takes its partitions.
 */
final class Instances implements AutoCloseable {

    final String group = "task-service-" + UUID.randomUUID();
    final String database = "instances-" + UUID.randomUUID();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    ConfigurableApplicationContext start() {
        return start(group);
    }

    ConfigurableApplicationContext start(String consumerGroup) {
        ConfigurableApplicationContext context = run(consumerGroup);
        running.add(context);
        return context;
    }

    /** Stops one instance now (the rest are stopped by {@link #close}). */
    void stop(ConfigurableApplicationContext context) {
        context.close();
        running.remove(context);
    }

    ConfigurableApplicationContext get(int index) {
        return running.get(index);
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }

    private ConfigurableApplicationContext run(String consumerGroup) {
        LoaInfrastructure.Endpoints infra = LoaInfrastructure.endpoints();
        // as command-line arguments: SpringApplicationBuilder.properties() would lose to the platform's defaults
        return new SpringApplicationBuilder(TaskServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri() + "/" + database,
                        "--spring.cloud.stream.bindings.onPlanEvent-in-0.group=" + consumerGroup,
                        "--spring.cloud.stream.bindings.onContentEvent-in-0.group=" + consumerGroup,
                        "--loa.tasks.closing.initial-delay=PT1H",
                        "--loa.outbox.poll-interval=200ms",
                        "--loa.outbox.lease=PT5S",
                        "--spring.main.banner-mode=off");
    }

    /** Whether every task of the plan has sent everything it had to send. */
    static boolean outboxesEmpty(ConfigurableApplicationContext context, String planId) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        return mongo.find(Query.query(Criteria.where("planId").is(planId)), Document.class, Tasks.COLLECTION).stream()
                .allMatch(d -> d.getList(Outbox.FIELD, Object.class, List.of()).isEmpty());
    }
}
