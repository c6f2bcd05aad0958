package vn.loa.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.notification.ReminderKind;
import vn.loa.contracts.notification.NotificationEvent;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.devstack.ZaloStandIn;
import vn.loa.notification.NotificationServiceApplication;
import vn.loa.notification.delivery.Deliveries;
import vn.loa.notification.person.internal.PersonDirectory;
import vn.loa.platform.tenancy.Role;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/**
 * notification-service as it runs: reminders from the real broker, the in-app inbox in a MongoDB-compatible database,
 * e-mail to GreenMail's SMTP server, Zalo messages to the local stand-in of the Zalo OA API; the commune's people come
 * from a stand-in of the Keycloak directory. Never twice: replays of the same reminder and two consumers at once
 * deliver each reminder once per person and way.
 */
@SpringBootTest(classes = NotificationServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DeliveryTest.People.class)
class DeliveryTest {

    private static final int SMTP_PORT = freePort();
    private static final String TOKEN = "token-of-the-test-oa";
    private static final ZaloStandIn ZALO = zalo();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger NEXT = new AtomicInteger();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    /** Kim Thành (10804): a leader, an editor, an administrator; Tiên Minh (11791): a leader. */
    @TestConfiguration
    static class People {
        @Bean
        @Primary
        PersonDirectory directory() {
            return tenant -> switch (tenant) {
                case "10804" -> List.of(
                        new PersonDirectory.Person("kt.leader", "Nguyễn Văn Hùng", "kt.leader@loa.test",
                                EnumSet.of(Role.LEADER)),
                        new PersonDirectory.Person("kt.editor", "Trần Thị Mai", "kt.editor@loa.test",
                                EnumSet.of(Role.EDITOR)),
                        new PersonDirectory.Person("kt.admin", "Lê Văn An", "kt.admin@loa.test",
                                EnumSet.of(Role.ADMIN)));
                case "11791" -> List.of(new PersonDirectory.Person("tm.leader", "Phạm Văn Bình",
                        "tm.leader@loa.test", EnumSet.of(Role.LEADER)));
                default -> List.of();
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Deliveries deliveries;
    @Autowired
    EventCodec codec;
    @Autowired
    @Qualifier("onReminderByEmail")
    Consumer<Message<NotificationEvent>> emailConsumer;
    @Autowired
    @Qualifier("onReminderForInbox")
    Consumer<Message<NotificationEvent>> inboxConsumer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "notification-service-it");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("loa.notification.zalo.base-url", () -> "http://127.0.0.1:" + ZALO.port());
        registry.add("loa.notification.zalo.access-token", () -> TOKEN);
    }

    @AfterAll
    static void stopZalo() {
        ZALO.close();
    }

    private static ReminderRaised reminder(String tenant, ReminderKind kind, List<String> roles) {
        String task = "task-" + NEXT.incrementAndGet();
        return new ReminderRaised(tenant, "rem-" + tenant + "-" + kind.name().toLowerCase() + "-" + task + "-2025-12",
                kind, task, "2025-12", "Nhiệm vụ có nguy cơ không đạt chỉ tiêu",
                "Nhiệm vụ 'Đăng tin CCHC': 0/2 tin tháng 12, còn 10 ngày (đến hết 31/12/2025).", "#/nhiem-vu/" + task,
                roles, LocalDate.of(2025, 12, 31), Instant.parse("2025-12-22T00:00:00Z"));
    }

    @Test
    void aReminderReachesEachPersonOnceInTheAppByEmailAndOnZaloWhateverTheReplays() throws Exception {
        put("/api/notifications/preferences", "10804", "kt.leader", "LEADER",
                "{\"inApp\":true,\"email\":true,\"zalo\":true,\"zaloUserId\":\"4206112990010804\",\"muted\":[]}");
        int mailsBefore = MAIL.getReceivedMessages().length;
        int zaloBefore = ZALO.count();
        ReminderRaised r = reminder("10804", ReminderKind.TASK_AT_RISK, List.of("LEADER", "EDITOR"));

        try (TestBroker broker = new TestBroker()) {
            for (int i = 0; i < 3; i++) { // the reminder and two replays of it
                broker.send(r, "report-service");
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> broker.caughtUp("notification-inbox",
                    "notification.reminder.events") && broker.caughtUp("notification-email",
                    "notification.reminder.events") && broker.caughtUp("notification-zalo",
                    "notification.reminder.events"));

            assertThat(mine("10804", "kt.leader").path("items")).filteredOn(n -> n.path("link").asString()
                    .equals(r.link())).singleElement()
                    .satisfies(n -> assertThat(n.path("text").asString()).isEqualTo(r.text()));
            assertThat(mine("10804", "kt.editor").path("items")).filteredOn(n -> n.path("link").asString()
                    .equals(r.link())).hasSize(1);
            assertThat(mine("10804", "kt.admin").path("items")).filteredOn(n -> n.path("link").asString()
                    .equals(r.link())).as("not addressed to ADMIN").isEmpty();

            List<MimeMessage> mails = Arrays.asList(MAIL.getReceivedMessages()).subList(mailsBefore,
                    MAIL.getReceivedMessages().length);
            assertThat(mails).hasSize(2);
            List<String> to = new ArrayList<>();
            for (MimeMessage m : mails) {
                to.add(m.getAllRecipients()[0].toString());
                assertThat(m.getSubject()).isEqualTo("[Loa] Nhiệm vụ có nguy cơ không đạt chỉ tiêu");
                assertThat(((String) m.getContent())).contains(r.text()).contains("Thời hạn: 31/12/2025")
                        .contains("http://127.0.0.1:8080/#/nhiem-vu/");
            }
            assertThat(to).containsExactlyInAnyOrder("kt.leader@loa.test", "kt.editor@loa.test");
            assertThat(ZALO.count() - zaloBefore).as("only the leader gave a Zalo id").isEqualTo(1);

            // the NotificationDelivered events left through the outbox, valid
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> broker.readAll("notification.inbox.events")
                    .stream().filter(rec -> new String(rec.value()).contains(r.reminderId())).count() == 2);
            broker.readAll("notification.inbox.events").forEach(rec -> assertThat(EventSchemas.violations(
                    TestBroker.type(rec), rec.value())).isEmpty());
        }
    }

    /** As the binding hands an event over: decoded, with its CloudEvents headers. */
    private static Message<NotificationEvent> decoded(ReminderRaised r, EventEnvelope envelope) {
        return MessageBuilder.<NotificationEvent>withPayload(r).copyHeaders(envelope.headers()).build();
    }

    @Test
    void twoConsumersAtOnceDeliverOnce() throws Exception {
        ReminderRaised r = reminder("10804", ReminderKind.REPORT_DUE, List.of("LEADER", "ADMIN"));
        EventEnvelope envelope = EventEnvelope.wrap(r, "report-service", Instant.now(), codec);
        Message<NotificationEvent> message = decoded(r, envelope);
        int mailsBefore = MAIL.getReceivedMessages().length;
        CyclicBarrier start = new CyclicBarrier(4);

        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Consumer<Message<NotificationEvent>> consumer = i % 2 == 0 ? emailConsumer : inboxConsumer;
            runs.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                consumer.accept(message);
                consumer.accept(message);
            }));
        }
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        // leader and admin, once each, whatever the four deliveries of each way
        assertThat(MAIL.getReceivedMessages().length - mailsBefore).isEqualTo(2);
        assertThat(mine("10804", "kt.admin").path("items")).filteredOn(n -> n.path("link").asString()
                .equals(r.link())).hasSize(1);
        assertThat(mine("10804", "kt.leader").path("items")).filteredOn(n -> n.path("link").asString()
                .equals(r.link())).hasSize(1);
    }

    @Test
    void aMutedKindAndAChannelTurnedOffAreRespected() throws Exception {
        put("/api/notifications/preferences", "10804", "kt.editor", "EDITOR",
                "{\"inApp\":true,\"email\":false,\"zalo\":true,\"zaloUserId\":null,\"muted\":[\"PUBLICATION_FAILED\"]}");
        ReminderRaised failed = reminder("10804", ReminderKind.PUBLICATION_FAILED, List.of("EDITOR"));
        ReminderRaised atRisk = reminder("10804", ReminderKind.TASK_BEHIND, List.of("EDITOR"));
        int mailsBefore = MAIL.getReceivedMessages().length;

        for (ReminderRaised r : List.of(failed, atRisk)) {
            EventEnvelope e = EventEnvelope.wrap(r, "report-service", Instant.now(), codec);
            Message<NotificationEvent> m = decoded(r, e);
            inboxConsumer.accept(m);
            emailConsumer.accept(m);
        }

        JsonNode items = mine("10804", "kt.editor").path("items");
        assertThat(items).filteredOn(n -> n.path("link").asString().equals(failed.link())).isEmpty();
        assertThat(items).filteredOn(n -> n.path("link").asString().equals(atRisk.link())).hasSize(1);
        assertThat(MAIL.getReceivedMessages().length - mailsBefore).as("e-mail turned off").isZero();
        put("/api/notifications/preferences", "10804", "kt.editor", "EDITOR",
                "{\"inApp\":true,\"email\":true,\"zalo\":true,\"muted\":[]}");
    }

    @Test
    void aPersonSeesOnlyTheirOwnNotifications() throws Exception {
        ReminderRaised r = reminder("10804", ReminderKind.TASK_AT_RISK, List.of("LEADER"));
        EventEnvelope e = EventEnvelope.wrap(r, "report-service", Instant.now(), codec);
        inboxConsumer.accept(decoded(r, e));
        JsonNode bell = mine("10804", "kt.leader");
        String id = null;
        for (JsonNode n : bell.path("items")) {
            if (n.path("link").asString().equals(r.link())) {
                id = n.path("id").asString();
            }
        }
        assertThat(id).isNotNull();
        long unread = bell.path("unread").asLong();
        assertThat(unread).isPositive();

        assertThat(post("/api/notifications/" + id + "/read", "11791", "tm.leader", "LEADER"))
                .as("another commune's person").isEqualTo(404);
        assertThat(post("/api/notifications/" + id + "/read", "10804", "kt.editor", "EDITOR"))
                .as("another person of the commune").isEqualTo(404);
        assertThat(mine("11791", "tm.leader").path("items")).noneMatch(n -> n.path("link").asString()
                .equals(r.link()));
        assertThat(post("/api/notifications/" + id + "/read", "10804", "kt.leader", "LEADER")).isEqualTo(204);
        assertThat(mine("10804", "kt.leader").path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(post("/api/notifications/read-all", "10804", "kt.leader", "LEADER")).isEqualTo(204);
        assertThat(mine("10804", "kt.leader").path("unread").asLong()).isZero();
    }

    @Test
    void badPreferencesAreAVietnameseProblem() throws Exception {
        HttpResponse<String> answer = HTTP.send(request("/api/notifications/preferences", "10804", "kt.leader",
                "LEADER").header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                "{\"inApp\":true,\"email\":true,\"zalo\":true,\"zaloUserId\":\"abc\",\"muted\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("Mã người dùng Zalo chỉ gồm chữ số.");
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode mine(String tenant, String user) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(request("/api/notifications", tenant, user, "LEADER").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private int post(String path, String tenant, String user, String roles) throws IOException, InterruptedException {
        return HTTP.send(request(path, tenant, user, roles).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private void put(String path, String tenant, String user, String roles, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(request(path, tenant, user, roles)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private HttpRequest.Builder request(String path, String tenant, String user, String roles) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Loa-Tenant", tenant).header("X-Loa-User", user).header("X-Loa-Roles", roles);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZaloStandIn zalo() {
        try {
            return ZaloStandIn.start("127.0.0.1", 0, TOKEN);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
