package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/** Dropping the read models and replaying every topic from the start gives the same dashboards. */
class RebuildTest extends IntegrationTest {

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void replayGivesIdenticalDashboards() {
        String a = freshCommune();
        String b = freshCommune();
        Samples.stream(a, "r-" + a).forEach(broker::send);
        Samples.stream(b, "r-" + b).forEach(broker::send);
        eventually().until(() -> complete(get("/api/dashboard", a, "EDITOR").json())
                && complete(get("/api/dashboard", b, "EDITOR").json()));
        String beforeA = get("/api/dashboard", a, "EDITOR").text();
        String beforeB = get("/api/dashboard", b, "EDITOR").text();
        String beforeReport = get("/api/reports/2025-Q3", a, "EDITOR").text();

        assertThat(post("/api/dashboard/rebuild", a, "LEADER", null).status()).isEqualTo(403);
        Answer started = post("/api/dashboard/rebuild", "00000", "SYSADMIN", null);
        assertThat(started.status()).isEqualTo(202);
        JsonNode progress = eventually().until(() -> get("/api/dashboard/rebuild", "00000", "SYSADMIN").json(),
                p -> p.path("done").asBoolean() && !p.path("running").asBoolean());
        assertThat(progress.path("error").isNull()).isTrue();
        assertThat(progress.path("read").asLong()).isEqualTo(progress.path("total").asLong())
                .isGreaterThanOrEqualTo(2L * Samples.stream(a, "x").size());
        assertThat(progress.path("unreadable").asLong()).isZero();

        assertThat(get("/api/dashboard", a, "EDITOR").text()).isEqualTo(beforeA);
        assertThat(get("/api/dashboard", b, "EDITOR").text()).isEqualTo(beforeB);
        assertThat(get("/api/reports/2025-Q3", a, "EDITOR").text()).isEqualTo(beforeReport);
    }

    private static boolean complete(JsonNode d) {
        return d.path("tasks").size() == 3 && d.path("pipeline").path("failed").size() == 1
                && d.path("activities").path("total").asInt() == 1
                && d.path("publications").path("total").asInt() == 2
                && d.path("pipeline").path("approvedNotPublished").size() == 2
                && "WITHDRAWN".equals(d.path("tasks").get(2).path("status").asString())
                && d.path("tasks").get(0).path("totalCredited").asInt() == 2
                && d.path("tasks").get(1).path("totalCredited").asInt() == 0;
    }
}
