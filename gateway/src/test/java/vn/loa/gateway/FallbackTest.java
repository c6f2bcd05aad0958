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

/** A service that does not answer gives a Vietnamese 503 naming the part of Loa that is down, not a bare 5xx. */
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
}
