package vn.loa.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import vn.loa.plan.IntegrationTestBase;
import vn.loa.platform.time.VnTime;

/** With the demo on, the seed communes start with their issued plans, once, however often the service starts. */
class DemoPlansIntegrationTest extends IntegrationTestBase {

    @Autowired
    DemoPlans demo;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theFiveSeedCommunesHaveTheirPlanIssuedAtStart() {
        String body = http().get().uri("/api/plans").headers(h -> h.addAll(caller("31", "hai-phong", "VIEWER")))
                .retrieve().body(String.class);
        List<JsonNode> demoPlans = json(body).valueStream().filter(p -> p.get("id").asString().startsWith("demo-"))
                .toList();
        assertThat(demoPlans).extracting(p -> p.get("tenantId").asString())
                .containsExactlyInAnyOrder("10804", "11791", "11242"); // the Hải Phòng ones
        assertThat(demoPlans).allSatisfy(p -> assertThat(p.get("status").asString()).isEqualTo("ISSUED"));
        JsonNode kimThanh = json(http().get().uri("/api/plans/demo-10804-45-kh-ubnd")
                .headers(h -> h.addAll(caller("10804", "kim-thanh", "EDITOR"))).retrieve().body(String.class));
        int year = VnTime.dayOf(Instant.now()).getYear(); // re-issued for the current year
        assertThat(kimThanh.get("period").get("from").asString()).isEqualTo(year + "-08-01");
        assertThat(kimThanh.get("tasks")).hasSize(10);
        assertThat(kimThanh.get("tasks").get(2).get("id").asString()).as("the fixed task ids DemoHistory names")
                .isEqualTo("demo-10804-45-kh-ubnd-nv3");
        assertThat(count("00292")).isEqualTo(1);
        assertThat(count("18838")).isEqualTo(1);
    }

    @Test
    void seedingAgainOnAFixedDayTwiceChangesNothing() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(demo.seed(day) + demo.seed(day)).isZero();
        for (String tenant : List.of("10804", "11791", "11242", "00292", "18838")) {
            assertThat(count(tenant)).as(tenant).isEqualTo(1);
        }
    }

    @Test
    void seedingAgainFromTwoInstancesAtOnceChangesNothing() {
        List<CompletableFuture<Integer>> runs = List.of(CompletableFuture.supplyAsync(demo::seed),
                CompletableFuture.supplyAsync(demo::seed));
        assertThat(runs.stream().mapToInt(CompletableFuture::join).sum()).isZero();
        for (String tenant : List.of("10804", "11791", "11242", "00292", "18838")) {
            assertThat(count(tenant)).as(tenant).isEqualTo(1);
        }
    }

    private long count(String tenant) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("_id").regex("^demo-")), "plans");
    }
}
