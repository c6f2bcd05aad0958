package vn.loa.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.testsupport.Events;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * plan-service as it runs, on a real Kafka broker and a MongoDB-compatible server ({@link LoaInfrastructure}), with
 * the demo plans on. Every integration test extends this class, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "loa.demo.enabled=true",
        "loa.outbox.poll-interval=200ms"})
public abstract class IntegrationTestBase {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "plan-service-it");
    }

    @LocalServerPort
    protected int port;

    /** An HTTP client that answers every status instead of throwing on 4xx/5xx. */
    protected RestClient http() {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    protected static HttpHeaders caller(String tenant, String user, String roles) {
        HttpHeaders h = new HttpHeaders();
        h.add("X-Loa-Tenant", tenant);
        h.add("X-Loa-User", user);
        h.add("X-Loa-Roles", roles);
        return h;
    }

    protected static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    protected static JsonNode json(byte[] data) {
        return JSON.readTree(new String(data, StandardCharsets.UTF_8));
    }

    /** Waits until {@code count} records with this key arrived (in partition order), or fails after 30 s. */
    protected static List<ConsumerRecord<String, byte[]>> awaitRecords(Events events, String key, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            found = events.await(Integer.MAX_VALUE, Duration.ofMillis(300)).stream()
                    .filter(r -> key.equals(r.key())).toList();
            if (found.size() >= count) {
                return found;
            }
        }
        throw new AssertionError("expected " + count + " records with key " + key + " within 30 s, got "
                + found.size());
    }
}
