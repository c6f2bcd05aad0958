package vn.loa.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Rate limits per user and per tenant: the permits of one period, then a Vietnamese 429 with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "loa.gateway.limits.per-user=3", "loa.gateway.limits.per-tenant=5", "loa.gateway.limits.period=1m"})
class RateLimitTest {

    static final StandIns STAND_INS = StandIns.INSTANCE;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        STAND_INS.register(registry);
    }

    int status(String token) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/tasks").headers(h -> h.setBearerAuth(token)).exchange()
                .returnResult(String.class).getStatus().value();
    }

    @Test
    void perUserThenPerTenant() {
        String editor = STAND_INS.token("ky-lac.editor", "18487", "EDITOR");
        String leader = STAND_INS.token("ky-lac.leader", "18487", "LEADER");
        String other = STAND_INS.token("bach-mai.editor", "00292", "EDITOR");
        assertThat(new int[] {status(editor), status(editor), status(editor)}).containsOnly(200);
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/tasks").headers(h -> h.setBearerAuth(editor)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("Retry-After", "60")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("quá nhiều yêu cầu"));
        // the same commune's leader still has the tenant's remaining permits (5 - 3 = 2), then none
        assertThat(new int[] {status(leader), status(leader)}).containsOnly(200);
        assertThat(status(leader)).isEqualTo(429);
        // another commune is not affected
        assertThat(status(other)).isEqualTo(200);
    }
}
