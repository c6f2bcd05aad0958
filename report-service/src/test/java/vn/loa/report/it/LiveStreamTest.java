package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/** The live stream: a change reaches the open dashboards within a second; a reconnect resumes from Last-Event-ID. */
class LiveStreamTest extends IntegrationTest {

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    private SseClient open(String tenant, String roles, String lastEventId) throws Exception {
        var request = request("/api/dashboard/stream", tenant, roles).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        SseClient client = new SseClient(HTTP, request.GET().build());
        client.awaitOpen();
        assertThat(client.status).isEqualTo(200);
        return client;
    }

    private ContentPublished publication(String commune, String item) {
        return new ContentPublished(commune, item, "news", "Tin " + item, List.of(), List.of(), null, "portal",
                Instant.now(), null);
    }

    @Test
    void aPublicationReachesTheCommuneAndProvinceDashboardsWithinASecond() throws Exception {
        String commune = freshCommune();
        String other = freshCommune();
        try (SseClient own = open(commune, "EDITOR", null);
                SseClient province = open(Samples.HAI_PHONG, "VIEWER", null);
                SseClient neighbour = open(other, "EDITOR", null);
                SseClient hanoi = open(Samples.HA_NOI, "VIEWER", null)) {
            // warm the path up once (first poll of the consumer, first emitter write)
            String warm = "live-warm-" + commune;
            broker.send(publication(commune, warm));
            eventually().until(() -> !own.about(warm).isEmpty());

            String item = "live-" + commune;
            long sent = System.nanoTime();
            broker.send(publication(commune, item));
            eventually().atMost(Duration.ofSeconds(30)).until(() -> !own.about(item).isEmpty()
                    && !province.about(item).isEmpty());
            Duration communeLatency = Duration.ofNanos(own.about(item).getFirst().receivedAt() - sent);
            Duration provinceLatency = Duration.ofNanos(province.about(item).getFirst().receivedAt() - sent);
            org.slf4j.LoggerFactory.getLogger(LiveStreamTest.class).info("SSE latency event→dashboard: commune {} ms, province {} ms",
                    communeLatency.toMillis(), provinceLatency.toMillis());
            assertThat(communeLatency).isLessThan(Duration.ofSeconds(1));
            assertThat(provinceLatency).isLessThan(Duration.ofSeconds(1));
            SseClient.Event e = own.about(item).getFirst();
            assertThat(e.id()).matches("[0-9]+");
            assertThat(e.data()).contains("\"area\":\"publication\"").contains("\"cause\":\"ContentPublished\"");

            // a task credit moves the dashboard too
            broker.send(new TaskCredited(commune, "live-task-" + commune, "live-plan", "live-c-" + commune, item,
                    "news", "portal", Instant.now(), "2026-11", CreditBasis.MATCHED, 1, 1, 1));
            eventually().until(() -> !own.about("live-task-" + commune).isEmpty());

            // nobody else hears of it
            assertThat(neighbour.about(item)).isEmpty();
            assertThat(hanoi.about(item)).isEmpty();
        }
    }

    @Test
    void aReconnectingClientGetsWhatItMissedAfterLastEventId() throws Exception {
        String commune = freshCommune();
        String first = "resume-1-" + commune;
        String lastId;
        try (SseClient client = open(commune, "LEADER", null)) {
            broker.send(publication(commune, first));
            eventually().until(() -> !client.about(first).isEmpty());
            lastId = client.about(first).getFirst().id();
        }
        // while the dashboard is closed, two more things happen
        String second = "resume-2-" + commune;
        String third = "resume-3-" + commune;
        broker.send(publication(commune, second));
        broker.send(publication(commune, third));
        eventually().until(() -> get("/api/dashboard", commune, "LEADER").json()
                .path("publications").path("total").asInt() == 3);

        try (SseClient resumed = open(commune, "LEADER", lastId)) {
            eventually().until(() -> !resumed.about(second).isEmpty() && !resumed.about(third).isEmpty());
            assertThat(resumed.about(first)).isEmpty();
            List<Long> ids = resumed.events().stream().filter(e -> "change".equals(e.name()))
                    .map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > Long.parseLong(lastId));
        }
    }

    @Test
    void aCallerWithoutADashboardHasNoStream() {
        assertThat(get("/api/dashboard/stream", Samples.HA_NOI, "EDITOR").status()).isEqualTo(404);
    }
}
