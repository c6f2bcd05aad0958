package vn.loa.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.Topics;
import vn.loa.platform.outbox.OutboxRelay;
import vn.loa.testsupport.Events;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * What the platform gives every service for operations, on a real broker and database: Loa's own metrics in
 * Prometheus format, readiness that includes the database, and one trace id from an HTTP request through the
 * outbox and Kafka into the consumer's logging context.
 */
@SpringBootTest(classes = ObservedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=observed",
                "loa.outbox.collections=" + ObservedApplication.PLANS,
                "spring.cloud.function.definition=onObservedPlanEvent",
                "spring.cloud.stream.bindings.onObservedPlanEvent-in-0.destination=" + Topics.PLAN_EVENTS,
                "spring.cloud.stream.bindings.onObservedPlanEvent-in-0.group=observed",
                "spring.cloud.stream.bindings.onObservedPlanEvent-in-0.content-type=application/octet-stream",
                "spring.cloud.stream.kafka.bindings.onObservedPlanEvent-in-0.consumer.start-offset=earliest"})
class ObservabilityTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "observed");
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theTraceIdOfTheRequestFollowsTheEventThroughKafkaIntoTheConsumersLogContext() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String planId = "plan-" + UUID.randomUUID();
        try (Events events = Events.on(Topics.PLAN_EVENTS)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/observed/plans/" + planId + "/close"))
                    .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as("the request's own log context").isEqualTo(traceId);

            ConsumerRecord<String, byte[]> record = awaitRecordWithKey(events, planId);
            assertThat(Events.headers(record).get("traceparent")).startsWith("00-" + traceId + "-");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Document seen = mongo.findById(planId, Document.class, ObservedApplication.SEEN);
            assertThat(seen).isNotNull();
            assertThat(seen.getString("traceId")).isEqualTo(traceId);
        });
    }

    @Test
    void prometheusShowsLoasOwnMetricsTheConsumerLagAndHttpLatency() throws Exception {
        String planId = "plan-" + UUID.randomUUID();
        http.send(HttpRequest.newBuilder(url("/observed/plans/" + planId + "/close"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(planId, Document.class, ObservedApplication.SEEN) != null);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.PLAN_EVENTS, "poison",
                    "{not json".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(new RecordHeader(CloudEventHeaders.TYPE,
                    "vn.loa.plan.PlanClosed.v1".getBytes(StandardCharsets.UTF_8)));
            producer.send(poison);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus");
            assertThat(line(metrics, "loa_events_produced_total{")).contains("topic=\"plan.plan.events\"")
                    .contains("type=\"vn.loa.plan.PlanClosed.v1\"").contains("application=\"observed\"");
            assertThat(lines(metrics, "loa_events_consumed_total{")).anySatisfy(l -> assertThat(l)
                    .contains("outcome=\"ok\"").contains("topic=\"plan.plan.events\"")
                    .contains("type=\"vn.loa.plan.PlanClosed.v1\""));
            assertThat(lines(metrics, "loa_events_consumed_total{"))
                    .anySatisfy(l -> assertThat(l).contains("outcome=\"unreadable\""));
            assertThat(metrics).contains("loa_outbox_pending{");
            assertThat(metrics).contains("http_server_requests_seconds_bucket{");
            // consumer lag: the binder's per-group offset lag and the Kafka consumer's own records-lag metrics
            assertThat(metrics).contains("spring_cloud_stream_binder_kafka_offset{");
        });
        assertThat(relay.countPending()).isZero();
    }

    @Test
    void readinessIncludesTheDatabaseAndLivenessAnswers() throws Exception {
        String readiness = get("/actuator/health/readiness");
        assertThat(readiness).contains("\"status\":\"UP\"").contains("\"mongo\"");
        assertThat(get("/actuator/health/liveness")).contains("\"status\":\"UP\"");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static List<String> lines(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    private static String line(String metrics, String prefix) {
        return lines(metrics, prefix).stream().findFirst().orElseThrow(() -> new AssertionError("no " + prefix));
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid W3C id)
        return b;
    }

    private static ConsumerRecord<String, byte[]> awaitRecordWithKey(Events events, String key) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            List<ConsumerRecord<String, byte[]>> found = events.await(Integer.MAX_VALUE, Duration.ofMillis(300))
                    .stream().filter(r -> key.equals(r.key())).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new AssertionError("no record with key " + key + " arrived within 30 s");
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", LoaInfrastructure.endpoints().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }
}
