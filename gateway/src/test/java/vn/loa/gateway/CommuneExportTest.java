package vn.loa.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import vn.loa.testsupport.Zips;

/**
 * One archive from every service's part, asked with the caller's identity from the token (never the client's own
 * headers); a part's refusal is passed on as it came; a part that fails makes a Vietnamese 503, not half an archive.
 * Two stand-in services answer by the commune's code: 10804 → a part; 11791 → the second part refuses (404);
 * 00292 → the second part fails (500).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommuneExportTest {

    static final HttpServer PARTS = parts();
    /** Headers (lowercase) each part received, by part name. */
    static final Map<String, Map<String, String>> RECEIVED = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        StandIns.INSTANCE.register(registry);
        String base = "http://127.0.0.1:" + PARTS.getAddress().getPort();
        registry.add("loa.export.parts[0].name", () -> "plan-service");
        registry.add("loa.export.parts[0].url", () -> base + "/plan");
        registry.add("loa.export.parts[0].label", () -> "kế hoạch");
        registry.add("loa.export.parts[1].name", () -> "content-service");
        registry.add("loa.export.parts[1].url", () -> base + "/content");
        registry.add("loa.export.parts[1].label", () -> "tin bài và hoạt động");
    }

    @AfterAll
    static void stop() {
        PARTS.stop(0);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void anAdministratorGetsEveryPartInOneArchive() throws IOException {
        byte[] body = client().get().uri("/api/admin/communes/10804/export")
                .headers(h -> {
                    h.setBearerAuth(StandIns.INSTANCE.token("kim-thanh.admin", "10804", "ADMIN"));
                    h.set("X-Loa-Tenant", "11791");
                })
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.parseMediaType("application/zip"))
                .expectHeader().value("Content-Disposition", d -> assertThat(d).startsWith("attachment")
                        .matches(".*\"loa-10804-[0-9]{8}\\.zip\".*"))
                .expectBody(byte[].class).returnResult().getResponseBody();

        Map<String, byte[]> entries = Zips.entries(body);
        assertThat(entries).containsKeys("plan-service/summary.json", "plan-service/plans.ndjson",
                "content-service/summary.json", "content-service/files/fs/1-anh.png", "manifest.json", "DOC-TOI.txt");
        assertThat(new String(entries.get("plan-service/plans.ndjson"), StandardCharsets.UTF_8))
                .contains("Kế hoạch 10804");
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(manifest).contains("\"commune\" : \"10804\"").contains("\"name\" : \"Xã Kim Thành\"")
                .contains("\"folder\" : \"content-service\"").contains("\"files\" : 1");
        assertThat(new String(entries.get("DOC-TOI.txt"), StandardCharsets.UTF_8))
                .contains("DỮ LIỆU CỦA XÃ KIM THÀNH").contains("content-service/: tin bài và hoạt động");
        assertThat(RECEIVED.get("plan")).containsEntry("x-loa-tenant", "10804")
                .containsEntry("x-loa-user", "kim-thanh.admin").containsEntry("x-loa-roles", "ADMIN");
    }

    @Test
    void aPartsRefusalIsPassedOnAsItCame() {
        client().get().uri("/api/admin/communes/11791/export")
                .headers(h -> h.setBearerAuth(StandIns.INSTANCE.token("kim-thanh.admin", "10804", "ADMIN")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("Không tìm thấy xã, phường này trong phạm vi bạn quản trị.")
                .jsonPath("$.instance").isEqualTo("/api/admin/communes/11791/export");
    }

    @Test
    void aFailingPartMakesAVietnamese503NotHalfAnArchive() {
        client().get().uri("/api/admin/communes/00292/export")
                .headers(h -> h.setBearerAuth(StandIns.INSTANCE.token("sysadmin", "platform", "SYSADMIN")))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("Phần dữ liệu tin bài và hoạt động gặp lỗi").contains("thử lại"));
    }

    @Test
    void aCodeThatIsNoCommuneIsNotFoundWithoutAskingAnyone() {
        RECEIVED.clear();
        client().get().uri("/api/admin/communes/abc/export")
                .headers(h -> h.setBearerAuth(StandIns.INSTANCE.token("sysadmin", "platform", "SYSADMIN")))
                .exchange()
                .expectStatus().isNotFound();
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void withoutATokenNothingIsExported() {
        client().get().uri("/api/admin/communes/10804/export").exchange().expectStatus().isUnauthorized();
    }

    private static HttpServer parts() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/plan/api/export/communes/", ex -> part(ex, "plan", "plans.ndjson"));
            server.createContext("/content/api/export/communes/", ex -> part(ex, "content", "files/fs/1-anh.png"));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void part(HttpExchange ex, String part, String entry) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((n, v) -> headers.put(n.toLowerCase(Locale.ROOT), String.join(",", v)));
        RECEIVED.put(part, headers);
        String path = ex.getRequestURI().getPath();
        String code = path.substring(path.lastIndexOf('/') + 1);
        if (part.equals("content") && code.equals("11791")) {
            reply(ex, 404, "application/problem+json", ("{\"title\":\"Không tìm thấy\",\"status\":404,"
                    + "\"detail\":\"Không tìm thấy xã, phường này trong phạm vi bạn quản trị.\","
                    + "\"instance\":\"/api/export/communes/11791\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (part.equals("content") && code.equals("00292")) {
            reply(ex, 500, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(("{\"title\": \"Kế hoạch " + code + "\"}\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("summary.json"));
            out.write(("{\"service\": \"" + part + "\", \"commune\": \"" + code + "\", \"name\": \"Xã Kim Thành\", "
                    + "\"documents\": {\"plans\": 1}, \"files\": " + (entry.startsWith("files/") ? 1 : 0) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        reply(ex, 200, "application/zip", zip.toByteArray());
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
