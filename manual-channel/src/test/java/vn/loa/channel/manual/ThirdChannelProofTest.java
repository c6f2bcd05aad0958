package vn.loa.channel.manual;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.loa.content.ContentServiceApplication;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.testsupport.TestBroker;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * Issue 5's "Done when": a third channel app built only from channel-library registers and publishes without any
 * change to content-service. content-service (its unchanged plain jar, {@code ContentServiceApplication}) and this
 * manual-channel app run side by side in this JVM, each its own Spring context on a random port with its own
 * database, on the same broker and MongoDB-compatible server; the test talks to both over real HTTP as the gateway
 * would (X-Loa-* headers) and reads Kafka as task-service would.
 */
class ThirdChannelProofTest {

    static final String KIM_THANH = "10804";
    static ConfigurableApplicationContext contentService;
    static ConfigurableApplicationContext manualChannel;
    static String content;
    static String manual;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        LoaInfrastructure.Endpoints infra = LoaInfrastructure.endpoints();
        // Both apps carry an application.yml at the root of the classpath; each context is pointed at its own, or the
        // second would silently read the first's.
        Path dir = Files.createTempDirectory("loa-proof");
        contentService = new SpringApplicationBuilder(ContentServiceApplication.class).run(
                "--spring.config.location=" + ownConfig(ContentServiceApplication.class, dir, "content-service.yml"),
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri() + "/proof-content-service",
                "--loa.outbox.poll-interval=200ms");
        manualChannel = new SpringApplicationBuilder(ManualChannelApplication.class).run(
                "--spring.config.location=" + ownConfig(ManualChannelApplication.class, dir, "manual-channel.yml"),
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + infra.mongoUri() + "/proof-manual-channel",
                "--loa.outbox.poll-interval=200ms");
        content = "http://127.0.0.1:" + contentService.getEnvironment().getProperty("local.server.port");
        manual = "http://127.0.0.1:" + manualChannel.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (manualChannel != null) {
            manualChannel.close();
        }
        if (contentService != null) {
            contentService.close();
        }
    }

    /** The application.yml that ships in the jar (or classes directory) of {@code app}, copied to a file. */
    static String ownConfig(Class<?> app, Path dir, String name) throws IOException {
        String home = app.getProtectionDomain().getCodeSource().getLocation().toString();
        for (URL url : Collections.list(app.getClassLoader().getResources("application.yml"))) {
            if (url.toString().replace("jar:", "").startsWith(home)) {
                Path copy = dir.resolve(name);
                try (InputStream in = url.openStream()) {
                    Files.copy(in, copy);
                }
                return "file:" + copy;
            }
        }
        throw new IllegalStateException("no application.yml of " + app.getName() + " under " + home);
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually(Duration.ofSeconds(60));
    }

    record Answer(int status, String body) {
        <T> T read(String path) {
            return JsonPath.read(body, path);
        }
    }

    static Answer call(String method, String url, String user, String roles, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Loa-Tenant", KIM_THANH).header("X-Loa-User", user).header("X-Loa-Roles", roles)
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer ok(Answer a, int expected) {
        assertThat(a.status()).as(a.body()).isEqualTo(expected);
        return a;
    }

    @Test
    void anItemForThePressIsPublishedThroughTheManualChannelWithTheOperatorsUrl() {
        // two real apps, each with its own configuration and database
        assertThat(contentService.getEnvironment().getProperty("spring.application.name")).isEqualTo("content-service");
        assertThat(manualChannel.getEnvironment().getProperty("spring.application.name")).isEqualTo("manual-channel");
        assertThat(manualChannel.getEnvironment().getProperty("loa.channel.ids")).contains("press");
        assertThat(contentService.getEnvironment().getProperty("loa.channel.ids")).isNull();
        assertThat(content).isNotEqualTo(manual);

        // 1. the channel registers itself; content-service offers it (no channel list compiled in)
        eventually().untilAsserted(() -> {
            Answer channels = ok(call("GET", content + "/api/channels", "bientap", "EDITOR", null), 200);
            List<Map<String, Object>> press = channels.read("$[?(@.id == 'press')]");
            assertThat(press).hasSize(1);
            assertThat(press.getFirst()).containsEntry("displayName", "Báo chí").containsEntry("needsUrl", true);
        });

        // 2. draft → submitted → approved (another user, a leader) → publish
        Answer created = ok(call("POST", content + "/api/contents", "bientap", "EDITOR", """
                {"title": "Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến", "summary": "Tỷ lệ hồ sơ trực tuyến tăng",
                 "body": "<p>Năm 2025, xã Kim Thành đạt 85% hồ sơ trực tuyến toàn trình.</p>", "kind": "ARTICLE",
                 "themes": ["Dịch vụ công trực tuyến"], "taskIds": [], "channels": ["press"]}"""), 201);
        String id = created.read("$.id");
        assertThat((String) created.read("$.status")).isEqualTo("DRAFT");
        assertThat((String) ok(call("POST", content + "/api/contents/" + id + "/submit", "bientap", "EDITOR", null),
                200).read("$.status")).isEqualTo("SUBMITTED");
        assertThat((String) ok(call("POST", content + "/api/contents/" + id + "/approve", "lanhdao", "LEADER", null),
                200).read("$.status")).isEqualTo("APPROVED");
        assertThat((String) ok(call("POST", content + "/api/contents/" + id + "/publish", "bientap", "EDITOR", null),
                200).read("$.status")).isEqualTo("PUBLISHING");

        // 3. the manual channel shows it waiting for the operator; content-service still waits too
        String requestId = eventually().until(() -> {
            Answer pending = ok(call("GET", manual + "/api/manual-publications?status=PENDING", "bientap", "EDITOR",
                    null), 200);
            List<String> ids = pending.read("$[?(@.itemId == '" + id + "')].requestId");
            return ids.isEmpty() ? null : ids.getFirst();
        }, r -> r != null);
        assertThat(requestId).isEqualTo(id + ":press:1");
        Answer waiting = ok(call("GET", content + "/api/contents/" + id, "bientap", "EDITOR", null), 200);
        assertThat((String) waiting.read("$.status")).isEqualTo("PUBLISHING");
        assertThat((String) waiting.read("$.publications[0].status")).isNotEqualTo("SUCCEEDED");
        assertThat(resultsFor(id)).isEmpty();

        // 4. the operator posted it by hand and confirms with the URL (twice: a double click)
        String url = "https://baohaiduong.vn/kim-thanh-day-manh-dich-vu-cong-truc-tuyen-123.html";
        String confirm = "{\"url\": \"" + url + "\", \"publishedAt\": \"02/09/2025 08:15\"}";
        Answer confirmed = ok(call("POST", manual + "/api/manual-publications/" + requestId + "/confirm", "bientap",
                "EDITOR", confirm), 200);
        assertThat((String) confirmed.read("$.status")).isEqualTo("PUBLISHED");
        assertThat(ok(call("POST", manual + "/api/manual-publications/" + requestId + "/confirm", "bientap",
                "EDITOR", confirm), 200).body()).isEqualTo(confirmed.body());

        // 5. content-service records the publication with that URL and time: the item is PUBLISHED
        Answer published = eventually().until(() -> call("GET", content + "/api/contents/" + id, "bientap", "EDITOR",
                null), a -> a.status() == 200 && "PUBLISHED".equals(a.read("$.status")));
        assertThat((String) published.read("$.publications[0].channel")).isEqualTo("press");
        assertThat((String) published.read("$.publications[0].status")).isEqualTo("SUCCEEDED");
        assertThat((String) published.read("$.publications[0].url")).isEqualTo(url);
        assertThat((String) published.read("$.publications[0].publishedAt")).isEqualTo("2025-09-02T08:15:00+07:00");

        // 6. exactly one ContentPublished for channel press reaches content.item.events (what task-service credits)
        List<ContentPublished> contentPublished = eventually().until(() -> publishedFor(id), l -> !l.isEmpty());
        assertThat(contentPublished).hasSize(1);
        ContentPublished event = contentPublished.getFirst();
        assertThat(event.channel()).isEqualTo("press");
        assertThat(event.url()).isEqualTo(url);
        assertThat(event.kind()).isEqualTo("article");
        assertThat(event.tenantId()).isEqualTo(KIM_THANH);
        assertThat(event.publishedAt()).isEqualTo(java.time.Instant.parse("2025-09-02T01:15:00Z"));
        assertThat(event.themes()).containsExactly("Dịch vụ công trực tuyến");
        try (TestBroker broker = new TestBroker()) {
            broker.readAll(Topics.CONTENT_EVENTS).stream().filter(r -> id.equals(r.key()))
                    .filter(r -> TestBroker.type(r).contains("ContentPublished"))
                    .forEach(r -> assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty());
        }
        assertThat(resultsFor(id)).singleElement().isInstanceOf(PublicationSucceeded.class);
    }

    private static List<LoaEvent> resultsFor(String itemId) {
        try (TestBroker broker = new TestBroker()) {
            return broker.events(Topics.PUBLICATION_EVENTS).stream()
                    .filter(e -> e instanceof PublicationSucceeded s && s.itemId().equals(itemId)
                            || e instanceof vn.loa.contracts.channel.PublicationFailed f && f.itemId().equals(itemId))
                    .toList();
        }
    }

    private static List<ContentPublished> publishedFor(String itemId) {
        try (TestBroker broker = new TestBroker()) {
            return broker.events(Topics.CONTENT_EVENTS).stream()
                    .filter(e -> e instanceof ContentPublished p && p.itemId().equals(itemId))
                    .map(ContentPublished.class::cast).toList();
        }
    }
}
