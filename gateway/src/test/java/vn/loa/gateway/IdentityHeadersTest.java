package vn.loa.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway is the only place that may set the identity headers the services trust: a client's copy of
 * {@code X-Loa-Tenant}, {@code X-Loa-User} or {@code X-Loa-Roles} never reaches a service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityHeadersTest {

    /** What the stand-in plan-service received, header name (lowercase) → value. */
    private static final Map<String, String> RECEIVED = new ConcurrentHashMap<>();
    private static final HttpServer PLAN_SERVICE = planService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("LOA_PLAN_URL", () -> "http://127.0.0.1:" + PLAN_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        PLAN_SERVICE.stop(0);
    }

    @Test
    void aClientCannotClaimATenantUserOrRole() {
        RECEIVED.clear();
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/plans")
                .header("X-Loa-Tenant", "00292")
                .header("X-Loa-User", "bach-mai.leader")
                .header("X-Loa-Roles", "LEADER,SYSADMIN")
                .header("Accept-Language", "vi")
                .exchange()
                .expectStatus().isOk();
        assertThat(RECEIVED).containsEntry("accept-language", "vi") // the request did pass through
                .doesNotContainKeys("x-loa-tenant", "x-loa-user", "x-loa-roles");
    }

    private static HttpServer planService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/plans", exchange -> {
                exchange.getRequestHeaders().forEach((name, values) ->
                        RECEIVED.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
                byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
