package vn.loa.report.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.outbox.OutboxEntry;
import vn.loa.platform.outbox.OutboxRelay;
import vn.loa.report.live.ChangeLog;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.reminder.internal.ReminderStore;
import vn.loa.report.submission.Submissions;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.EventSchemas;

/**
 * A run over the read models as the events built them: the reminders the communes' plans call for, each stored once
 * with its ReminderRaised in its outbox; a rerun and a second instance running at the same moment raise nothing more.
 */
class ReminderRunTest {

    /** Monday 22/12/2025, 07:00 commune time. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-22T00:00:00Z"), ZoneOffset.UTC);
    private static final List<String> COMMUNES = List.of("10804", "11791", "00292");

    private final InMemoryMongo server = new InMemoryMongo();
    private final MongoTemplate mongo = server.template("reminder-run");

    @AfterEach
    void close() {
        server.close();
    }

    private ReminderRun instance() {
        OutboxRelay relay = new OutboxRelay(mongo, null, List.of(ReminderStore.COLLECTION), CLOCK,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5), new SimpleMeterRegistry());
        Outbox outbox = new Outbox("report-service", new EventCodec(), CLOCK, relay);
        ReminderStore store = new ReminderStore(mongo, outbox);
        return new ReminderRun(new ReadModels(mongo), new Submissions(mongo, new ChangeLog(mongo, CLOCK, 100), CLOCK),
                new ReportingWindows(), store, CLOCK);
    }

    private void seed() {
        Projection projection = new Projection(mongo);
        for (String commune : COMMUNES) {
            projection.apply(Samples.planIssued(commune, "p" + commune));
        }
    }

    private List<Document> reminders() {
        return mongo.getCollection(ReminderStore.COLLECTION).find().into(new ArrayList<>());
    }

    @Test
    void eachReminderIsRaisedOnceWithItsEventInTheOutbox() {
        seed();

        RunResult first = instance().run(null);

        // per commune: the news task (1 a month) and the radio task (2 a quarter) are at risk in December and
        // missed their last period; the dialogue task has no quota
        assertThat(first.communes()).isEqualTo(3);
        assertThat(first.byKind()).containsEntry("TASK_AT_RISK", 6).containsEntry("TASK_BEHIND", 6);
        assertThat(first.raised()).isEqualTo(12).isEqualTo(first.found());
        List<Document> stored = reminders();
        assertThat(stored).hasSize(12);
        for (Document d : stored) {
            List<Document> outbox = d.getList(Outbox.FIELD, Document.class);
            assertThat(outbox).hasSize(1);
            OutboxEntry entry = OutboxEntry.fromDocument(outbox.getFirst());
            assertThat(entry.topic()).isEqualTo("notification.reminder.events");
            assertThat(entry.key()).isEqualTo(d.getString("_id"));
            assertThat(entry.tenantId()).isEqualTo(d.getString("tenant"));
            assertThat(EventSchemas.violations(entry.type(), entry.data().getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        }
        assertThat(stored).extracting(d -> d.getString("_id"))
                .contains("rem-10804-task-at-risk-p10804-task-news-2025-12",
                        "rem-10804-task-behind-p10804-task-radio-2025-Q3");

        RunResult again = instance().run(null);

        assertThat(again.found()).isEqualTo(12);
        assertThat(again.raised()).isZero();
        assertThat(reminders()).hasSize(12);
    }

    @Test
    void anItemWaitingForApprovalIsRemindedToTheLeadersOnceAndNotAfterItsApproval() {
        seed();
        Projection projection = new Projection(mongo);
        // submitted Wednesday 17/12 (Thursday, Friday, Monday: 3 working days by Monday 22/12)
        projection.apply(new ContentSubmitted("10804", "item-w", "Lịch tiếp công dân tháng 12", "bientap",
                Instant.parse("2025-12-17T02:00:00Z")));
        // submitted the same day but returned since: it does not wait
        projection.apply(new ContentSubmitted("10804", "item-r", "Tin bị trả lại", "bientap",
                Instant.parse("2025-12-17T02:00:00Z")));
        projection.apply(new ContentRejected("10804", "item-r", "Thiếu ảnh", Instant.parse("2025-12-18T02:00:00Z")));

        RunResult first = instance().run(null);

        assertThat(first.byKind()).containsEntry("APPROVAL_WAITING", 1);
        assertThat(reminders()).filteredOn(d -> "APPROVAL_WAITING".equals(d.getString("kind"))).singleElement()
                .satisfies(d -> {
                    assertThat(d.getString("_id")).isEqualTo("rem-10804-approval-waiting-item-w-2025-12-17");
                    OutboxEntry entry = OutboxEntry.fromDocument(d.getList(Outbox.FIELD, Document.class).getFirst());
                    assertThat(entry.data()).contains("\"roles\":[\"LEADER\"]")
                            .contains("chờ duyệt từ 17/12/2025 (3 ngày làm việc).");
                });
        assertThat(instance().run(null).byKind()).doesNotContainKey("APPROVAL_WAITING");

        projection.apply(new ContentApproved("10804", "item-w", "news", "Lịch tiếp công dân tháng 12", "lanhdao",
                Instant.parse("2025-12-22T01:00:00Z")));
        RunResult afterApproval = instance().run(null);
        assertThat(afterApproval.found()).isEqualTo(first.found() - 1);
        assertThat(afterApproval.raised()).isZero();
    }

    @Test
    void twoInstancesAtTheSameMomentRaiseEachReminderOnce() throws Exception {
        seed();
        ReminderRun a = instance();
        ReminderRun b = instance();
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<RunResult> one = CompletableFuture.supplyAsync(() -> await(start, a));
        CompletableFuture<RunResult> two = CompletableFuture.supplyAsync(() -> await(start, b));

        assertThat(one.get().raised() + two.get().raised()).isEqualTo(12);
        assertThat(reminders()).hasSize(12);
        assertThat(reminders().stream().mapToInt(d -> d.getList(Outbox.FIELD, Document.class).size()).sum())
                .isEqualTo(12);
    }

    @Test
    void aProvinceRunCoversItsCommunesOnly() {
        seed();

        RunResult haiPhong = instance().run(vn.loa.platform.tenancy.TenantScope.communesOf("31"));

        assertThat(haiPhong.communes()).isEqualTo(2); // Kim Thành and Tiên Minh; Bạch Mai is in Hà Nội
        assertThat(reminders()).extracting(d -> d.getString("tenant")).containsOnly("10804", "11791");
    }

    private static RunResult await(CyclicBarrier start, ReminderRun run) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return run.run(null);
    }
}
