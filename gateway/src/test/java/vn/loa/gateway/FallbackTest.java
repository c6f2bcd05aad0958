package vn.loa.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service that does not answer gives a Vietnamese 503 naming the part of Loa that is down, not a bare 5xx; the login
 * server (Keycloak) down gives a browser a Vietnamese page, and a token already issued keeps working (its keys are
 * read from the issuer's key set, which here stays up: what the gateway caches).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FallbackTest {

    static final StandIns STAND_INS = StandIns.INSTANCE;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) throws Exception {
        STAND_INS.register(registry);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int dead = closed;
        registry.add("LOA_REPORT_URL", () -> "http://127.0.0.1:" + dead);
        registry.add("LOA_KEYCLOAK_URL", () -> "http://127.0.0.1:" + dead);
    }

    @Test
    void loginServerDownABrowserGetsAVietnamesePageAndAScriptAProblem() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        client.get().uri("/auth/realms/loa/protocol/openid-connect/auth?client_id=loa-web")
                .accept(MediaType.TEXT_HTML, MediaType.ALL)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("<html lang=\"vi\">")
                        .contains("Đăng nhập tạm thời gián đoạn").contains("Dữ liệu của bạn không bị mất"));
        client.post().uri("/auth/realms/loa/protocol/openid-connect/token")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("\"Đăng nhập\""));
    }

    @Test
    void loginServerDownATokenAlreadyIssuedStillOpensTheApi() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/plans")
                .headers(h -> h.setBearerAuth(STAND_INS.token("kim-thanh.leader", "10804", "LEADER")))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void reportServiceDown() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/reports/2025-Q3")
                .headers(h -> h.setBearerAuth(STAND_INS.token("kim-thanh.leader", "10804", "LEADER")))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("Báo cáo và bảng theo dõi")
                        .contains("tạm thời không phản hồi"));
    }

    @Test
    void theLiveDashboardStreamWithItsServiceDownIsAVietnamese503ToTryAgainNotA500() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/dashboard/stream")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(STAND_INS.token("kim-thanh.leader", "10804", "LEADER")))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "10")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Dịch vụ tạm thời gián đoạn")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("tạm thời không phản hồi")
                        .doesNotContain("127.0.0.1"));
    }
}
