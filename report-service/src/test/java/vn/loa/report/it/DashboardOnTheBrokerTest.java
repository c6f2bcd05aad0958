package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.loa.contracts.Topics;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/** Events published to the topics move the dashboards; each caller sees only what is theirs. */
class DashboardOnTheBrokerTest extends IntegrationTest {

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void eventsOnTheTopicsShowOnTheCommuneDashboard() {
        String commune = freshCommune();
        Samples.stream(commune, "d-" + commune).forEach(broker::send);

        JsonNode d = eventually().until(() -> get("/api/dashboard", commune, "EDITOR").json(),
                j -> j.path("tasks").size() == 3 && j.path("pipeline").path("failed").size() == 1
                        && j.path("activities").path("total").asInt() == 1
                        && j.path("publications").path("total").asInt() == 2
                        && j.path("pipeline").path("approvedNotPublished").size() == 2
                        && "WITHDRAWN".equals(j.path("tasks").get(2).path("status").asString())
                        // the radio credit's withdrawal comes after the credit on the task topic: wait for it too
                        && j.path("tasks").get(1).path("totalCredited").asInt() == 0
                        // the topics are read in no order between them: wait for both credits of the first task
                        && j.path("tasks").get(0).path("totalCredited").asInt() == 2);
        assertThat(d.path("commune").path("code").asString()).isEqualTo(commune);
        assertThat(d.path("tasks").get(0).path("title").asString())
                .isEqualTo("Đăng tin, bài về CCHC trên Trang thông tin điện tử xã");
        assertThat(d.path("tasks").get(0).path("totalCredited").asInt()).isEqualTo(2);
        assertThat(d.path("tasks").get(1).path("totalCredited").asInt()).isZero();
        // the channel's name in the commune's own word (freshCommune may be a phường, by the order tests ran in)
        String unit = CommuneDirectory.instance().commune(commune).orElseThrow().kind().word();
        assertThat(d.path("publications").path("byChannel").get(0).path("label").asString())
                .isEqualTo("Trang thông tin điện tử " + unit);
        assertThat(d.path("pipeline").path("failed").get(0).path("reason").asString())
                .isEqualTo("Mã truy cập Fanpage đã hết hạn");
    }

    /**
     * The read models read their six topics through one binding; a message that can never be read still goes to the
     * dead letters of the topic it came from, with its reason, and the events after it are applied.
     */
    @Test
    void anUnreadableMessageGoesToTheDeadLettersOfItsOwnTopicAndTheDashboardMovesOn() {
        String commune = freshCommune();
        Map<String, String> poisonKeys = new LinkedHashMap<>();
        for (String topic : List.of(Topics.TASK_EVENTS, Topics.CHANNEL_REGISTRY)) {
            String key = "poison-" + UUID.randomUUID();
            // no CloudEvents headers: it can never be read
            broker.send(new ProducerRecord<>(topic, key, "{\"tenantId\": 42".getBytes(StandardCharsets.UTF_8)));
            poisonKeys.put(topic, key);
        }
        Samples.stream(commune, "p-" + commune).forEach(broker::send);

        poisonKeys.forEach((topic, key) -> {
            String deadLetters = Topics.deadLetter(topic, "report-service");
            ConsumerRecord<String, byte[]> dead = eventually().until(() -> broker.readAll(deadLetters).stream()
                    .filter(r -> key.equals(r.key())).toList(), found -> !found.isEmpty()).getFirst();
            assertThat(TestBroker.header(dead, "x-exception-message")).as(deadLetters)
                    .contains("missing ce_specversion");
        });
        eventually().until(() -> get("/api/dashboard", commune, "EDITOR").json(),
                j -> j.path("tasks").size() == 3 && j.path("publications").path("total").asInt() == 2);
    }

    @Test
    void engagementOnItsTopicMovesTheCommuneDashboardOnceWhateverTheRedeliveriesAndOnlyThere() {
        String commune = freshCommune();
        String neighbour = freshCommune();
        Instant now = Instant.now().minusSeconds(60);
        var window = new vn.loa.contracts.channel.PublicationEngaged(commune, "item-read-" + commune, "portal",
                null, "portal-a", vn.loa.contracts.channel.EngagementBasis.COUNTED_IN_WINDOW, now,
                now.plusSeconds(10), new vn.loa.contracts.channel.PublicationEngaged.Figures(6, 0, 0, 0, 0, 0, 0));
        var radio = new vn.loa.contracts.channel.PublicationEngaged(commune, "item-read-" + commune, "radio",
                null, "radio-a", vn.loa.contracts.channel.EngagementBasis.COUNTED_IN_WINDOW, now,
                now.plusSeconds(10), new vn.loa.contracts.channel.PublicationEngaged.Figures(0, 0, 3, 1, 0, 0, 0));
        broker.send(window);
        broker.send(radio);
        broker.send(window);

        JsonNode d = eventually().until(() -> get("/api/dashboard", commune, "EDITOR").json(),
                j -> j.path("engagement").path("reached").asLong() == 10);
        assertThat(d.path("engagement").path("byChannel").get(0).path("label").asString())
                .isEqualTo(vn.loa.platform.tenancy.UnitKind.ofCommune(commune).reword("Trang thông tin điện tử xã"));
        assertThat(d.path("engagement").path("byDay")).hasSize(30);
        assertThat(d.path("engagement").path("topItems").get(0).path("itemId").asString())
                .isEqualTo("item-read-" + commune);
        assertThat(get("/api/dashboard", neighbour, "EDITOR").json().path("engagement").path("reached").asLong())
                .isZero();
        JsonNode province = get("/api/dashboard/province", "31", "VIEWER").json();
        assertThat(province.path("engagement").path("reached").asLong()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void periodsThatEndedBeforeThePlanWasIssuedAreNotApplicableInTheDashboardJson() {
        String commune = freshCommune();
        // a plan for the whole of 2025 issued on 05/09/2025, with a monthly and a quarterly quota
        broker.send(new PlanIssued(commune, "na-" + commune, 1, "251/KH-UBND",
                "Kế hoạch thông tin, tuyên truyền về cải cách hành chính năm 2025", LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31"), LocalDate.parse("2025-09-05"), Instant.parse("2025-09-05T02:00:00Z"),
                "leader", List.of(
                        new PlannedTask("na-" + commune + "-1", 1, "Đăng tin, bài về CCHC trên Trang TTĐT phường",
                                "Văn phòng HĐND-UBND", List.of(), List.of("news"), List.of("portal"),
                                new Quota(1, QuotaPeriod.MONTH, null, null), null),
                        new PlannedTask("na-" + commune + "-2", 2, "Phát tin CCHC trên hệ thống truyền thanh",
                                "Trung tâm VHTT", List.of(), List.of("audio"), List.of("radio"),
                                new Quota(2, QuotaPeriod.QUARTER, null, null), null))));

        JsonNode d = eventually().until(() -> get("/api/dashboard", commune, "EDITOR").json(),
                j -> j.path("tasks").size() == 2);
        JsonNode monthly = d.path("tasks").get(0);
        assertThat(monthly.path("notApplicablePeriods").valueStream().map(JsonNode::asString)).containsExactly(
                "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08");
        // the year is over (nothing was published): only the months from the issue on are missed
        assertThat(monthly.path("missedPeriods").valueStream().map(JsonNode::asString))
                .containsExactly("2025-09", "2025-10", "2025-11", "2025-12");
        JsonNode quarterly = d.path("tasks").get(1);
        assertThat(quarterly.path("notApplicablePeriods").valueStream().map(JsonNode::asString))
                .containsExactly("2025-Q1", "2025-Q2");
        assertThat(quarterly.path("missedPeriods").valueStream().map(JsonNode::asString))
                .containsExactly("2025-Q3", "2025-Q4");
        assertThat(quarterly.path("current").path("period").asString()).isEqualTo("2025-Q4");
        assertThat(quarterly.path("current").path("statusLabel").asString()).isEqualTo("Không đạt");
    }

    @Test
    void callersSeeOnlyWhatIsTheirs() {
        String commune = freshCommune();
        String neighbour = freshCommune();
        Samples.stream(commune, "t-" + commune).forEach(broker::send);
        eventually().until(() -> get("/api/dashboard", commune, "EDITOR").json().path("tasks").size() == 3);

        // another commune's staff, even in the same province: not found
        assertThat(get("/api/dashboard/communes/" + commune, neighbour, "LEADER").status()).isEqualTo(404);
        // the province's reviewer drills down; another province's reviewer does not find it
        Answer drill = get("/api/dashboard/communes/" + commune, Samples.HAI_PHONG, "VIEWER");
        assertThat(drill.status()).isEqualTo(200);
        assertThat(drill.json().path("tasks").size()).isEqualTo(3);
        Answer other = get("/api/dashboard/communes/" + commune, Samples.HA_NOI, "VIEWER");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().path("title").asString()).isEqualTo("Không tìm thấy");
        // a commune's staff has no province table
        assertThat(get("/api/dashboard/province", commune, "LEADER").status()).isEqualTo(404);
        // the neighbour's own dashboard is empty
        assertThat(get("/api/dashboard", neighbour, "EDITOR").json().path("tasks").size()).isZero();
        // a province reviewer's table lists only its own communes
        JsonNode hanoi = get("/api/dashboard/province", Samples.HA_NOI, "VIEWER").json();
        assertThat(hanoi.path("communes").valueStream().map(r -> r.path("code").asString()))
                .doesNotContain(commune).contains(Samples.BACH_MAI);
    }

    @Test
    void theProvinceTableShowsEachCommuneAndSorts() {
        String busy = freshCommune();
        String quiet = freshCommune();
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            broker.send(new ContentPublished(busy, "pv-" + busy + "-" + i, "news", "Tin " + i, List.of(), List.of(),
                    null, i == 2 ? "radio" : "portal", now, null));
        }
        broker.send(new ContentPublished(quiet, "pv-" + quiet, "news", "Tin", List.of(), List.of(), null, "portal",
                now, null));

        JsonNode table = eventually().until(
                () -> get("/api/dashboard/province?sort=publications&dir=desc", Samples.HAI_PHONG, "VIEWER").json(),
                t -> row(t, busy).path("publicationsThisMonth").asInt() == 3
                        && row(t, quiet).path("publicationsThisMonth").asInt() == 1);
        assertThat(table.path("provinceName").asString()).isEqualTo("Thành phố Hải Phòng");
        assertThat(row(table, busy).path("byChannel").valueStream()
                .map(c -> c.path("key").asString() + "=" + c.path("count").asInt()))
                .containsExactly("portal=2", "radio=1");
        assertThat(row(table, busy).path("submission").asString()).isEqualTo("DRAFT");
        List<Integer> counts = table.path("communes").valueStream()
                .map(r -> r.path("publicationsThisMonth").asInt()).toList();
        assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(table.path("communes").size()).isGreaterThan(100); // every commune of Hải Phòng

        JsonNode byName = get("/api/dashboard/province?sort=name", Samples.HAI_PHONG, "VIEWER").json();
        assertThat(byName.path("dir").asString()).isEqualTo("asc");
        Answer bad = get("/api/dashboard/province?sort=size", Samples.HAI_PHONG, "VIEWER");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("detail").asString()).startsWith("Không sắp xếp được theo 'size'");
    }

    private static JsonNode row(JsonNode table, String code) {
        return table.path("communes").valueStream().filter(r -> r.path("code").asString().equals(code))
                .findFirst().orElseThrow();
    }
}
