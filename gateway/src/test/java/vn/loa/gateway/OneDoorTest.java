package vn.loa.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as the one door: tokens validated (issuer, audience, expiry, signature), identity headers set only
 * from the token, province reviewers kept to reading, Vietnamese problems for every refusal, security headers,
 * CORS closed, request ids, size limit, the token endpoint, circuit-breaker fallback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"loa.auth.password-grant=true", "loa.gateway.limits.max-request-size=1MB"})
class OneDoorTest {

    static final StandIns STAND_INS = StandIns.INSTANCE;
    static final String KIM_THANH = "10804";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        STAND_INS.register(registry);
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    WebTestClient.ResponseSpec get(String path, String token) {
        return client().get().uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).exchange();
    }

    static void isVietnameseProblem(WebTestClient.ResponseSpec response, int status, String detailContains) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(detailContains))
                .jsonPath("$.requestId").exists();
    }

    @Nested
    class Identity {

        @Test
        void theServiceReceivesTenantUserAndRolesFromTheTokenNotFromTheClient() {
            String path = "/api/plans/identity-check";
            client().get().uri(path)
                    .headers(h -> h.setBearerAuth(STAND_INS.token("kim-thanh.leader", KIM_THANH, "LEADER",
                            "offline_access")))
                    .header("X-Loa-Tenant", "00292")
                    .header("X-Loa-User", "bach-mai.leader")
                    .header("X-Loa-Roles", "SYSADMIN")
                    .exchange()
                    .expectStatus().isOk();
            assertThat(STAND_INS.received.get(path))
                    .containsEntry("x-loa-tenant", KIM_THANH)
                    .containsEntry("x-loa-user", "kim-thanh.leader")
                    .containsEntry("x-loa-roles", "LEADER");
        }

        @Test
        void withoutATokenTheApiAnswersAVietnamese401AndNothingReachesTheService() {
            String path = "/api/plans/no-token";
            isVietnameseProblem(client().get().uri(path).header("X-Loa-Tenant", KIM_THANH).exchange(), 401,
                    "cần đăng nhập");
            assertThat(STAND_INS.received).doesNotContainKey(path);
        }

        @Test
        void aTokenWithoutTenantIsRefused() {
            isVietnameseProblem(get("/api/plans/x", STAND_INS.token("lost.user", null, "EDITOR")), 403,
                    "chưa được gán");
        }
    }

    @Nested
    class TokenValidation {

        String withClaims(JWTClaimsSet claims) {
            return StandIns.sign(STAND_INS.key, claims);
        }

        @Test
        void expired() {
            JWTClaimsSet claims = STAND_INS.claims("kim-thanh.editor", KIM_THANH, "EDITOR")
                    .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(1800))).build();
            isVietnameseProblem(get("/api/tasks", withClaims(claims)), 401, "hết hạn");
        }

        @Test
        void wrongIssuer() {
            JWTClaimsSet claims = STAND_INS.claims("kim-thanh.editor", KIM_THANH, "EDITOR")
                    .issuer("http://127.0.0.1:1/realms/other").build();
            isVietnameseProblem(get("/api/tasks", withClaims(claims)), 401, "không hợp lệ");
        }

        @Test
        void wrongAudience() {
            JWTClaimsSet claims = STAND_INS.claims("kim-thanh.editor", KIM_THANH, "EDITOR")
                    .audience(List.of("account")).build();
            isVietnameseProblem(get("/api/tasks", withClaims(claims)), 401, "không hợp lệ");
        }

        @Test
        void tamperedPayload() {
            String token = STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR");
            String[] parts = token.split("\\.");
            String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                            .replace("\"EDITOR\"", "\"SYSADMIN\"").getBytes());
            assertThat(forged).isNotEqualTo(parts[1]);
            isVietnameseProblem(get("/api/tasks", parts[0] + "." + forged + "." + parts[2]), 401, "không hợp lệ");
        }

        @Test
        void signedByAnotherKey() {
            String token = StandIns.sign(STAND_INS.otherKey,
                    STAND_INS.claims("kim-thanh.editor", KIM_THANH, "EDITOR").build());
            isVietnameseProblem(get("/api/tasks", token), 401, "không hợp lệ");
        }

        @Test
        void garbage() {
            isVietnameseProblem(get("/api/tasks", "not-a-token"), 401, "không hợp lệ");
        }
    }

    @Nested
    class ProvinceReviewer {

        final String viewer = STAND_INS.token("hai-phong.viewer", "31", "VIEWER");

        @Test
        void reads() {
            get("/api/dashboard/province", viewer).expectStatus().isOk();
            assertThat(STAND_INS.received.get("/api/dashboard/province")).containsEntry("x-loa-tenant", "31")
                    .containsEntry("x-loa-roles", "VIEWER");
        }

        @Test
        void changesNothingOfACommune() {
            String path = "/api/contents";
            isVietnameseProblem(client().post().uri(path).headers(h -> h.setBearerAuth(viewer))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"x\"}").exchange(), 403,
                    "cấp tỉnh");
            assertThat(STAND_INS.received).doesNotContainKey(path);
        }

        @Test
        void acceptsOrReturnsAReport() {
            for (String action : List.of("accept", "return")) {
                String path = "/api/reports/2025-Q3/" + action;
                client().post().uri(path + "?commune=" + KIM_THANH).headers(h -> h.setBearerAuth(viewer))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                        .expectStatus().isOk();
                assertThat(STAND_INS.received.get(path)).containsEntry("x-loa-tenant", "31");
            }
        }
    }

    @Nested
    class ProvinceAdministrator {

        final String admin = STAND_INS.token("hai-phong.admin", "31", "PROVINCE_ADMIN");

        @Test
        void activatesACommuneThroughTheAdminRouteWithItsRolePassedOn() {
            String path = "/api/admin/communes/10507/activate";
            client().post().uri(path).headers(h -> h.setBearerAuth(admin))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isOk();
            assertThat(STAND_INS.received.get(path)).containsEntry("x-loa-tenant", "31")
                    .containsEntry("x-loa-roles", "PROVINCE_ADMIN");
        }
    }

    @Nested
    class TokenEndpoint {

        @Test
        void givesATokenForGoodCredentials() {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = client().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "kim-thanh.editor", "password", "demo")).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in")
                    .containsEntry("token_type", "Bearer").containsEntry("expires_in", 300);
            get("/api/tasks/with-issued-token", (String) body.get("access_token")).expectStatus().isOk();
        }

        @Test
        void refusesBadCredentialsInVietnamese() {
            isVietnameseProblem(client().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "kim-thanh.editor", "password", "sai")).exchange(), 401,
                    "mật khẩu không đúng");
        }

        @Test
        void asksForMissingFields() {
            isVietnameseProblem(client().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", "kim-thanh.editor")).exchange(), 400, "mật khẩu");
        }
    }

    @Nested
    class Protection {

        @Test
        void securityHeadersAndARequestIdOnEveryResponse() {
            get("/api/tasks", STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR"))
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader().exists("X-Frame-Options")
                    .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                            .contains("default-src 'self'").contains("frame-ancestors 'none'"))
                    .expectHeader().value("X-Request-Id", id -> assertThat(id).hasSizeGreaterThanOrEqualTo(8));
        }

        @Test
        void aSaneClientRequestIdIsKeptAndForwarded() {
            String path = "/api/tasks/request-id";
            client().get().uri(path).headers(h -> h.setBearerAuth(STAND_INS.token("kim-thanh.editor", KIM_THANH,
                    "EDITOR"))).header("X-Request-Id", "test-req-0001").exchange()
                    .expectStatus().isOk().expectHeader().valueEquals("X-Request-Id", "test-req-0001");
            assertThat(STAND_INS.received.get(path)).containsEntry("x-request-id", "test-req-0001");
        }

        @Test
        void corsIsClosedByDefault() {
            client().options().uri("/api/tasks")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                    .exchange()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }

        @Test
        void anOversizedBodyIsRefusedBeforeReachingAService() {
            String path = "/api/contents/too-big";
            byte[] body = new byte[2 * 1024 * 1024];
            isVietnameseProblem(client().post().uri(path)
                    .headers(h -> h.setBearerAuth(STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR")))
                    .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body).exchange(), 413,
                    "dung lượng");
            assertThat(STAND_INS.received).doesNotContainKey(path);
        }

        @Test
        void aReadIsRetriedOnceTheServiceStumblesButAWriteIsNeverSentTwice() {
            String editor = STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR");
            get("/api/tasks/flaky/read", editor).expectStatus().isOk();
            assertThat(STAND_INS.flakyCalls.get("/api/tasks/flaky/read")).hasValue(2);
            client().post().uri("/api/tasks/flaky/write").headers(h -> h.setBearerAuth(editor))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(503);
            assertThat(STAND_INS.flakyCalls.get("/api/tasks/flaky/write")).hasValue(1);
        }

        @Test
        void theApiIsNeverCachedTheWebAppRevalidatesAndWebJarsAreKeptADay() {
            get("/api/tasks", STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR"))
                    .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
            get("/", null).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
            get("/webjars/echarts/5.3.1/dist/echarts.esm.min.js", null).expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        }

        @Test
        void aPathTheFirewallRefusesGetsAVietnameseProblem() {
            String editor = STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR");
            for (String path : List.of("/api/contents/..%2F..%2Fetc%2Fpasswd", "/api/contents/%2e%2e/x",
                    "/api/contents/a%00b")) {
                isVietnameseProblem(client().get().uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                        .headers(h -> h.setBearerAuth(editor)).exchange(), 400, "không được phép");
            }
        }

        @Test
        void everyRefusalIsCountedInPrometheus() {
            get("/api/plans/refused", null).expectStatus().isUnauthorized();
            get("/actuator/prometheus", null).expectStatus().isOk().expectBody(String.class)
                    .value(text -> assertThat(text).containsPattern(
                            "loa_gateway_refusals_total\\{[^}]*status=\"401\"[^}]*\\} [1-9]"));
        }

        @Test
        void eachServicesOpenApiIsRoutedForSignedInUsers() {
            STAND_INS.received.remove("/v3/api-docs");
            get("/v3/api-docs/content-service", null).expectStatus().isUnauthorized();
            assertThat(STAND_INS.received).doesNotContainKey("/v3/api-docs");
            get("/v3/api-docs/content-service", STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR"))
                    .expectStatus().isOk();
            assertThat(STAND_INS.received).containsKey("/v3/api-docs");
        }

        @Test
        void anAddressNoServiceTakesIsAVietnamese404AndAMethodItDoesNotTakeA405() {
            String editor = STAND_INS.token("kim-thanh.editor", KIM_THANH, "EDITOR");
            isVietnameseProblem(get("/api/export/communes/10804", editor), 404, "Không có địa chỉ này");
            isVietnameseProblem(get("/api/khong-co", editor), 404, "Không có địa chỉ này");
            isVietnameseProblem(get("/internal/files/10804/a/b", null), 404, "Không có địa chỉ này");
            isVietnameseProblem(get("/api/plans/" + "x".repeat(10_000), editor), 414, "quá 4000 ký tự");
            isVietnameseProblem(get("/api/contents?status=" + "x".repeat(5_000), editor), 414, "quá 4000 ký tự");
            isVietnameseProblem(client().delete().uri("/api/admin/communes/10804/export")
                    .headers(h -> h.setBearerAuth(editor)).exchange(), 405, "không nhận yêu cầu DELETE");
        }

        @Test
        void publicPortalPagesNeedNoToken() {
            get("/p/10804/cchc", null).expectStatus().isOk();
        }
    }
}
