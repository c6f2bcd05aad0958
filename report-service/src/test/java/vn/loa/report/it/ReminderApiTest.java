package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.notification.NotificationDelivered;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/**
 * report-service's side of issue 21 on the real broker: the reminder run is for the system and a province's
 * administrators only; a bell that changed (NotificationDelivered) reaches the commune's live stream, and no other.
 */
class ReminderApiTest extends IntegrationTest {

    private final TestBroker broker = new TestBroker();

    /**
     * Communes of Hà Tĩnh (42) that no other test takes: {@code freshCommune()} hands Hải Phòng's out in order, and
     * other tests count on which ones they get.
     */
    private static String commune(int index) {
        return CommuneDirectory.instance().province("42").orElseThrow().communes().get(index).code();
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void theRunIsForAdministratorsOnly() {
        String commune = commune(20);

        Answer system = post("/api/notifications/run", "platform", "SYSADMIN", null);
        assertThat(system.status()).isEqualTo(200);
        assertThat(system.json().has("communes")).isTrue();
        assertThat(system.json().path("raised").isNumber()).isTrue();
        assertThat(post("/api/notifications/run", Samples.HAI_PHONG, "PROVINCE_ADMIN", null).status()).isEqualTo(200);
        for (String roles : List.of("LEADER", "ADMIN", "EDITOR")) {
            Answer refused = post("/api/notifications/run", commune, roles, null);
            assertThat(refused.status()).as(roles).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text()).contains("Chỉ quản trị hệ thống hoặc quản trị cấp tỉnh");
        }
        assertThat(post("/api/notifications/run", Samples.HAI_PHONG, "VIEWER", null).status()).isEqualTo(403);
    }

    @Test
    void aBellThatChangedReachesTheCommunesLiveStreamOnly() throws Exception {
        String commune = commune(21);
        String other = commune(22);
        try (SseClient own = open(commune); SseClient neighbour = open(other)) {
            String user = "lanh-dao." + commune;
            broker.send(new NotificationDelivered(commune, "ntf-" + commune, user, "rem-" + commune, Instant.now()),
                    "notification-service");

            eventually().until(() -> !own.about(user).isEmpty());
            assertThat(own.about(user).getFirst().data()).contains("\"area\":\"notification\"")
                    .contains("\"cause\":\"NotificationDelivered\"");
            assertThat(neighbour.about(user)).isEmpty();
        }
    }

    private SseClient open(String tenant) throws Exception {
        SseClient client = new SseClient(HTTP, request("/api/dashboard/stream", tenant, "EDITOR")
                .header("Accept", "text/event-stream").GET().build());
        client.awaitOpen();
        assertThat(client.status).isEqualTo(200);
        return client;
    }
}
