package vn.loa.task.it;

import org.awaitility.core.ConditionFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.task.TaskServiceApplication;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/**
 * task-service as it runs, on the real broker and a MongoDB-compatible database (containers where Docker answers,
 * the in-JVM broker and mongo-java-server otherwise). Subclasses share one application context; each test uses plan
 * and item ids of its own, so they do not see each other's tasks.
 */
@SpringBootTest(classes = TaskServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
            // closing is driven by the tests themselves (PeriodCloser.closeEndedPeriods)
            "loa.tasks.closing.initial-delay=PT1H",
            "loa.outbox.poll-interval=200ms"})
@AutoConfigureMockMvc
abstract class IntegrationTest {

    static final String GROUP = "task-service";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "task-service-it");
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually();
    }
}
