package vn.loa.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault schedule on either stack: the same parts killed, the task-service instances as the stack runs them. */
class FaultsTest {

    private static final Duration DOWN = Duration.ofSeconds(4);
    private static final Duration SOLO = Duration.ofSeconds(25);

    private static List<String> killed(List<Faults.Step> steps) {
        return steps.stream().map(Faults.Step::name).toList();
    }

    @Test
    void onComposeOneOfThreeTaskServiceInstancesIsKilledWhileTheOtherTwoConsume() {
        Stack compose = Stack.of("compose", Path.of("/repo/loa"), "http://127.0.0.1:8080/");

        List<Faults.Step> steps = Faults.schedule(DOWN, SOLO, Duration.ZERO, compose.taskInstances());

        assertThat(killed(steps)).containsExactly("kafka", "mongo", "task-service", "content-service",
                "task-service-2", "report-service", "portal-channel", "plan-service", "gateway", "keycloak",
                "manual-channel+radio-channel", "kafka+task-service", "mongo+content-service");
        Faults.Step first = steps.get(2);
        assertThat(first.why()).isEqualTo(
                "task-service: task-service-2 and task-service-3 consume without it, then rebalance");
        assertThat(first.down()).isEqualTo(SOLO);
        assertThat(steps.get(4).why()).startsWith("task-service-2: task-service and task-service-3 consume");
        assertThat(compose.keycloak()).as("Keycloak's only door on compose is the gateway")
                .isEqualTo("http://127.0.0.1:8080/auth");
        assertThat(compose.fillsDisks()).isFalse();
        assertThat(compose.resultStem()).isEqualTo("chaos-compose");
    }

    @Test
    void onTheEmbeddedDefaultTheTwoInstancesTakeTurnsAndTheDisksFillAfterKeycloak() {
        Stack embedded = Stack.of("embedded", Path.of("/repo/loa"), "http://127.0.0.1:8080");

        List<Faults.Step> steps = Faults.schedule(DOWN, SOLO, Duration.ofSeconds(20), embedded.taskInstances());

        assertThat(steps.get(2).why()).isEqualTo("task-service: only task-service-2 consumes, then rebalance");
        assertThat(steps.get(4).why()).isEqualTo("task-service-2: only task-service consumes, then rebalance");
        List<String> names = killed(steps);
        assertThat(names.subList(names.indexOf("keycloak") + 1, names.indexOf("keycloak") + 3))
                .containsExactly("kafka (disk full)", "mongo (disk full)");
        assertThat(embedded.fillsDisks()).isTrue();
        assertThat(embedded.resultStem()).isEqualTo("chaos");
    }
}
