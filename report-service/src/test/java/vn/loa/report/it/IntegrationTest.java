package vn.loa.report.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.ReportServiceApplication;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/**
 * report-service as it runs, on a real HTTP port, the real broker and a MongoDB-compatible database (containers where
 * Docker answers, the in-JVM broker and mongo-java-server otherwise). Subclasses share one application context;
 * each test takes communes of its own, so they do not see each other's figures.
 */
@SpringBootTest(classes = ReportServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "loa.report.live.sweep-interval=PT5S")
abstract class IntegrationTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "report-service-it");
    }

    /** A commune of Hải Phòng (31) no other test uses. */
    static String freshCommune() {
        List<CommuneDirectory.Commune> communes = CommuneDirectory.instance().province("31").orElseThrow().communes();
        return communes.get(10 + NEXT.getAndIncrement()).code();
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually();
    }

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    HttpRequest.Builder request(String path, String tenant, String roles) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("X-Loa-Tenant", tenant).header("X-Loa-User", "user-" + tenant).header("X-Loa-Roles", roles);
    }

    Answer get(String path, String tenant, String roles) {
        return send(request(path, tenant, roles).GET().build());
    }

    Answer post(String path, String tenant, String roles, String json) {
        return send(request(path, tenant, roles).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    Answer put(String path, String tenant, String roles, String json) {
        return send(request(path, tenant, roles).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
