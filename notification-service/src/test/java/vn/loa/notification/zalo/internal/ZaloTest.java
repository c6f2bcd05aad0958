package vn.loa.notification.zalo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.contracts.notification.ReminderKind;
import vn.loa.contracts.notification.NotificationEvent;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.devstack.ZaloStandIn;
import vn.loa.notification.delivery.Deliveries;
import vn.loa.notification.person.People;
import vn.loa.notification.person.Preferences;
import vn.loa.notification.person.internal.PersonDirectory;
import vn.loa.notification.person.internal.PreferenceStore;
import vn.loa.platform.tenancy.Role;
import vn.loa.testsupport.CopyingMemoryBackend;

/** The Zalo OA adapter against the local stand-in of the API: a message sent, a refused token, never twice. */
class ZaloTest {

    private static final String TOKEN = "oa-token";
    private static final EventCodec CODEC = new EventCodec();

    private final ZaloStandIn standIn = start();
    private final MongoServer server = new MongoServer(new CopyingMemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + address());
    private final MongoTemplate mongo = new MongoTemplate(client, "zalo-test");
    private final Deliveries deliveries = new Deliveries(mongo, Clock.systemUTC());
    private final PreferenceStore preferences = new PreferenceStore(mongo);
    private final People people = new People(tenant -> List.of(new PersonDirectory.Person("kt.leader",
            "Nguyễn Văn Hùng", null, EnumSet.of(Role.LEADER))), preferences);

    @AfterEach
    void close() {
        standIn.close();
        client.close();
        server.shutdownNow();
    }

    private String address() {
        server.bind("127.0.0.1", 0);
        return "127.0.0.1:" + server.getLocalAddress().getPort();
    }

    private static ZaloStandIn start() {
        try {
            return ZaloStandIn.start("127.0.0.1", 0, TOKEN);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ZaloClient zalo(String token) {
        return new ZaloClient(new ZaloSettings(true, "http://127.0.0.1:" + standIn.port(), token));
    }

    private Consumer<Message<NotificationEvent>> intake(String token) {
        return new ZaloIntake().onReminderByZalo(people, deliveries, zalo(token),
                new ZaloSettings(true, "http://127.0.0.1:" + standIn.port(), token));
    }

    /** As the binding hands it over: decoded, with its CloudEvents headers. */
    private static Message<NotificationEvent> message(ReminderRaised r) {
        EventEnvelope e = EventEnvelope.wrap(r, "report-service", Instant.now(), CODEC);
        return MessageBuilder.<NotificationEvent>withPayload(r).copyHeaders(e.headers()).build();
    }

    private static ReminderRaised reminder() {
        return new ReminderRaised("10804", "rem-10804-task-at-risk-t1-2025-12", ReminderKind.TASK_AT_RISK, "t1",
                "2025-12", "Nhiệm vụ có nguy cơ không đạt chỉ tiêu",
                "Nhiệm vụ 'Đăng tin CCHC': 0/2 tin tháng 12, còn 10 ngày (đến hết 31/12/2025).", "#/nhiem-vu/t1",
                List.of("LEADER"), LocalDate.of(2025, 12, 31), Instant.parse("2025-12-22T00:00:00Z"));
    }

    @Test
    void aMessageIsSentAsTheApiWantsIt() {
        String id = zalo(TOKEN).send("4206112990010804", "Nhắc việc: báo cáo quý IV");

        assertThat(id).isEqualTo("msg-1");
        assertThat(standIn.count()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsNamedWithZalosCode() {
        assertThatThrownBy(() -> zalo("expired-token").send("4206112990010804", "Nhắc việc"))
                .isInstanceOfSatisfying(ZaloClient.Refused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(-216);
                    assertThat(refused.tokenProblem()).isTrue();
                    assertThat(refused).hasMessage("Zalo OA từ chối tin nhắn (mã lỗi -216): Access token is invalid");
                });
        assertThat(standIn.count()).isZero();
    }

    @Test
    void theIntakeSendsOncePerPersonAndReminderWhateverTheReplays() {
        preferences.save("10804", "kt.leader", new Preferences(true, true, true, "4206112990010804", Set.of()));
        Consumer<Message<NotificationEvent>> intake = intake(TOKEN);

        for (int i = 0; i < 3; i++) {
            intake.accept(message(reminder()));
        }

        assertThat(standIn.count()).isEqualTo(1);
        assertThat(deliveries.count(ZaloIntake.WAY, "10804", "kt.leader")).isEqualTo(1);
    }

    @Test
    void aRefusedTokenGoesToTheDeadLettersAtOnceAndKeepsNoClaim() {
        preferences.save("10804", "kt.leader", new Preferences(true, true, true, "4206112990010804", Set.of()));

        assertThatThrownBy(() -> intake("expired-token").accept(message(reminder())))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("mã lỗi -216");
        assertThat(deliveries.count(ZaloIntake.WAY, "10804", "kt.leader")).isZero();

        // once the token is renewed, the dead letter replayed is delivered
        intake(TOKEN).accept(message(reminder()));
        assertThat(standIn.count()).isEqualTo(1);
    }

    @Test
    void nobodyWithoutAZaloIdGetsAMessage() {
        intake(TOKEN).accept(message(reminder()));

        assertThat(standIn.count()).isZero();
    }
}
