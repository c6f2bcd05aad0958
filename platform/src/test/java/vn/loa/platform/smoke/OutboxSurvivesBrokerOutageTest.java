package vn.loa.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.contracts.Topics;
import vn.loa.platform.outbox.Outbox;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.RequiresDocker;

/**
 * The outbox on the real images: while the broker is frozen (docker pause), a service's write still succeeds and its
 * event waits in the aggregate's outbox; when the broker is back, the event is delivered and consumed exactly once.
 * Needs the containers (the in-JVM broker cannot be paused): skipped, with the reason, without Docker.
 */
@RequiresDocker(LoaInfrastructure.Part.KAFKA)
@SpringBootTest(classes = SmokeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=smoke",
        "loa.outbox.collections=" + SmokeApplication.PLANS,
        "spring.cloud.function.definition=onPlanEvent",
        "spring.cloud.stream.bindings.onPlanEvent-in-0.destination=" + Topics.PLAN_EVENTS,
        "spring.cloud.stream.bindings.onPlanEvent-in-0.group=smoke-outage",
        "spring.cloud.stream.kafka.bindings.onPlanEvent-in-0.consumer.start-offset=earliest"})
class OutboxSurvivesBrokerOutageTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "smoke-outage");
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox outbox;

    @Test
    void anEventWrittenWhileTheBrokerIsDownIsDeliveredOnceWhenItComesBack() {
        String planId = "plan-" + UUID.randomUUID();
        LoaInfrastructure.pauseBroker();
        try {
            SmokeApplication.closePlan(mongo, outbox, "10804", planId);
            // the write succeeded; the event waits in the document's outbox
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Document plan = mongo.findById(planId, Document.class, SmokeApplication.PLANS);
                assertThat(plan.getList(Outbox.FIELD, Object.class)).hasSize(1);
            });
        } finally {
            LoaInfrastructure.resumeBroker();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(planId, Document.class,
                SmokeApplication.PLANS).getList(Outbox.FIELD, Object.class).isEmpty());
        await().atMost(Duration.ofSeconds(60)).until(() -> received(planId) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> received(planId) == 1);
    }

    private long received(String planId) {
        return mongo.count(Query.query(Criteria.where("planId").is(planId)), SmokeApplication.RECEIVED);
    }
}
