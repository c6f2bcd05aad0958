package vn.loa.report.projection;

import vn.loa.report.live.Change;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.report.support.Samples.KIM_THANH;
import static vn.loa.report.support.Samples.news;
import static vn.loa.report.support.Samples.radio;
import static vn.loa.report.support.Samples.dialogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.report.dashboard.CommuneDashboard;
import vn.loa.report.dashboard.CommuneDashboard.TaskView;
import vn.loa.report.dashboard.Dashboards;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;

/** The projection fed a recorded event stream: in order, with duplicates, and shuffled, on mongo-java-server. */
class ProjectionTest {

    private static final LocalDate TODAY = LocalDate.parse("2025-09-20");
    private static InMemoryMongo mongo;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private record Model(Projection projection, Dashboards dashboards) {
        static Model in(MongoTemplate template) {
            return new Model(new Projection(template), new Dashboards(new ReadModels(template)));
        }
    }

    @Test
    void theRecordedStreamInOrderGivesTheExpectedDashboard() {
        Model m = Model.in(mongo.template("in-order"));
        Samples.stream(KIM_THANH, "p").forEach(m.projection()::apply);
        CommuneDashboard d = m.dashboards().commune(KIM_THANH, TODAY);

        assertThat(d.commune().name()).isEqualTo("Xã Kim Thành");
        assertThat(d.commune().provinceName()).isEqualTo("Thành phố Hải Phòng");
        assertThat(d.tasks()).extracting(TaskView::taskId).containsExactly(news("p"), radio("p"), dialogue("p"));
        TaskView newsTask = d.tasks().get(0);
        // renamed by the amendment
        assertThat(newsTask.title()).isEqualTo("Đăng tin, bài về CCHC trên Trang thông tin điện tử xã");
        assertThat(newsTask.planNumber()).isEqualTo("21/KH-UBND");
        assertThat(newsTask.status()).isEqualTo("ON_TRACK");
        assertThat(newsTask.current().period()).isEqualTo("2025-09");
        assertThat(newsTask.current().target()).isEqualTo(1);
        assertThat(newsTask.current().credited()).isEqualTo(1);
        assertThat(newsTask.current().status()).isEqualTo("MET");
        assertThat(newsTask.current().daysLeft()).isEqualTo(11);
        assertThat(newsTask.totalCredited()).isEqualTo(2);
        TaskView radioTask = d.tasks().get(1);
        // the radio credit was withdrawn: 0 of 2 with 50 of 61 days of Q3 (clipped to August–September) gone
        assertThat(radioTask.current().period()).isEqualTo("2025-Q3");
        assertThat(radioTask.current().from()).isEqualTo(LocalDate.parse("2025-08-01"));
        assertThat(radioTask.current().credited()).isZero();
        assertThat(radioTask.status()).isEqualTo("AT_RISK");
        assertThat(d.atRisk()).extracting(CommuneDashboard.TaskRef::taskId).containsExactly(radio("p"));
        assertThat(d.tasks().get(2).status()).isEqualTo("WITHDRAWN");
        assertThat(d.taskSummary().total()).isEqualTo(3);
        assertThat(d.taskSummary().withdrawn()).isEqualTo(1);

        // item2 was retracted from the radio: two live publications, both on the portal
        assertThat(d.publications().total()).isEqualTo(2);
        assertThat(d.publications().byChannel()).singleElement()
                .satisfies(c -> {
                    assertThat(c.key()).isEqualTo("portal");
                    assertThat(c.label()).isEqualTo("Trang thông tin điện tử xã");
                    assertThat(c.count()).isEqualTo(2);
                });
        assertThat(d.publications().byMonth()).extracting(CommuneDashboard.Count::key)
                .containsExactly("2025-08", "2025-09");
        assertThat(d.publications().byTheme()).singleElement().extracting(CommuneDashboard.Count::count)
                .isEqualTo(2L);
        assertThat(d.activities().total()).isEqualTo(1);
        assertThat(d.activities().recent().getFirst().heldOn()).isEqualTo(LocalDate.parse("2025-09-10"));
        assertThat(d.activities().recent().getFirst().kindLabel()).isEqualTo("Đối thoại");

        assertThat(d.pipeline().approvedNotPublished()).extracting(CommuneDashboard.Waiting::itemId)
                .containsExactly("p-item4", "p-item5");
        assertThat(d.pipeline().failed()).singleElement().satisfies(f -> {
            assertThat(f.itemId()).isEqualTo("p-item4");
            assertThat(f.channel()).isEqualTo("facebook");
            // the later failure wins although the earlier one was read last
            assertThat(f.reason()).isEqualTo("Mã truy cập Fanpage đã hết hạn");
            assertThat(f.title()).isEqualTo("Bài item4");
        });
    }

    @Test
    void duplicatesChangeNothingAndReportTheirChangesOnlyAsRepeats() {
        Model m = Model.in(mongo.template("duplicates"));
        List<LoaEvent> stream = Samples.stream(KIM_THANH, "p");
        stream.forEach(m.projection()::apply);
        CommuneDashboard once = m.dashboards().commune(KIM_THANH, TODAY);
        List<Change> changes = new ArrayList<>();
        stream.forEach(e -> changes.addAll(m.projection().apply(e)));
        // a repeat is written to the change log only if the log lacks it (ChangeLog.append with the event's key)
        assertThat(changes).isNotEmpty().allSatisfy(c -> assertThat(c.repeat()).isTrue());
        assertThat(m.dashboards().commune(KIM_THANH, TODAY)).isEqualTo(once);
    }

    @Test
    void anyOrderWithDuplicatesGivesTheSameDashboard() {
        Model reference = Model.in(mongo.template("reference"));
        List<LoaEvent> stream = Samples.stream(KIM_THANH, "p");
        stream.forEach(reference.projection()::apply);
        CommuneDashboard expected = reference.dashboards().commune(KIM_THANH, TODAY);
        for (long seed = 1; seed <= 8; seed++) {
            Random random = new Random(seed);
            List<LoaEvent> shuffled = new ArrayList<>(stream);
            for (int i = 0; i < 6; i++) {
                shuffled.add(stream.get(random.nextInt(stream.size())));
            }
            Collections.shuffle(shuffled, random);
            Model m = Model.in(mongo.template("shuffled-" + seed));
            shuffled.forEach(m.projection()::apply);
            assertThat(m.dashboards().commune(KIM_THANH, TODAY)).as("seed %d: %s", seed, shuffled)
                    .isEqualTo(expected);
        }
    }

    /**
     * One item through the approval queue: submitted, approved, sent back by an edit, returned, submitted again; and
     * a second item submitted then returned.
     */
    private static List<LoaEvent> approvalQueue() {
        return List.of(
                new ContentSubmitted(KIM_THANH, "aq-1", "Tin lần 1", "bientap", Samples.at("2025-09-01T02:00:00Z")),
                new ContentApproved(KIM_THANH, "aq-1", "news", "Tin lần 1", "lanhdao",
                        Samples.at("2025-09-02T02:00:00Z")),
                new ContentSubmitted(KIM_THANH, "aq-1", "Tin lần 2", "bientap", Samples.at("2025-09-03T02:00:00Z")),
                new ContentRejected(KIM_THANH, "aq-1", "Thiếu số liệu", Samples.at("2025-09-04T02:00:00Z")),
                new ContentSubmitted(KIM_THANH, "aq-1", "Tin lần 3", "bientap", Samples.at("2025-09-05T02:00:00Z")),
                new ContentSubmitted(KIM_THANH, "aq-2", "Tin khác", "bientap", Samples.at("2025-09-05T03:00:00Z")),
                new ContentRejected(KIM_THANH, "aq-2", "Không phù hợp", Samples.at("2025-09-05T04:00:00Z")));
    }

    @Test
    void anItemWaitsFromItsLastSubmissionUntilAnApprovalOrAReturnInAnyOrderWithDuplicates() {
        List<LoaEvent> queue = approvalQueue();
        for (long seed = 0; seed <= 8; seed++) {
            List<LoaEvent> events = new ArrayList<>(queue);
            if (seed > 0) {
                Random random = new Random(seed);
                for (int i = 0; i < 4; i++) {
                    events.add(queue.get(random.nextInt(queue.size())));
                }
                Collections.shuffle(events, random);
            }
            MongoTemplate template = mongo.template("approval-" + seed);
            Projection projection = new Projection(template);
            events.forEach(projection::apply);
            ReadModels readModels = new ReadModels(template);

            assertThat(readModels.waitingItems(List.of(KIM_THANH)).get(KIM_THANH)).as("seed %d: %s", seed, events)
                    .singleElement().satisfies(i -> {
                        assertThat(i.itemId()).isEqualTo("aq-1");
                        assertThat(i.waitingSince()).isEqualTo(Samples.at("2025-09-05T02:00:00Z"));
                        assertThat(i.title()).isEqualTo("Tin lần 3");
                        assertThat(i.author()).isEqualTo("bientap");
                        // the approval of the first submission no longer stands
                        assertThat(i.approvalStands()).isFalse();
                    });
            assertThat(readModels.waitingItems(null).get(KIM_THANH)).extracting(ItemRecord::itemId)
                    .containsExactly("aq-1");
            assertThat(readModels.waitingItems(List.of(Samples.TIEN_MINH))).doesNotContainKey(KIM_THANH);
            // nor is it "approved, not published" on the dashboard
            assertThat(Model.in(template).dashboards().commune(KIM_THANH, TODAY).pipeline().approvedNotPublished())
                    .isEmpty();
        }
    }

    @Test
    void aDuplicateOrOlderStepOfTheApprovalQueueChangesNothing() {
        MongoTemplate template = mongo.template("approval-late");
        Projection projection = new Projection(template);
        ReadModels readModels = new ReadModels(template);
        ContentSubmitted submitted = new ContentSubmitted(KIM_THANH, "aq-9", "Tin", "bientap",
                Samples.at("2025-09-01T02:00:00Z"));
        ContentApproved approved = new ContentApproved(KIM_THANH, "aq-9", "news", "Tin", "lanhdao",
                Samples.at("2025-09-02T02:00:00Z"));

        assertThat(projection.apply(submitted)).singleElement()
                .satisfies(c -> assertThat(c.subject()).isEqualTo("aq-9"));
        assertThat(projection.apply(submitted)).singleElement().satisfies(c -> assertThat(c.repeat()).isTrue());
        assertThat(readModels.waitingItems(List.of(KIM_THANH)).get(KIM_THANH)).hasSize(1);
        assertThat(projection.apply(approved)).hasSize(1);
        // the submission delivered again after the approval does not put the item back in the queue
        assertThat(projection.apply(submitted)).singleElement().satisfies(c -> assertThat(c.repeat()).isTrue());
        assertThat(readModels.waitingItems(List.of(KIM_THANH)).getOrDefault(KIM_THANH, List.of())).isEmpty();
        assertThat(readModels.items(KIM_THANH)).singleElement().satisfies(i -> {
            assertThat(i.approvalStands()).isTrue();
            assertThat(i.waitingSince()).isNull();
        });
        // an older return (of an earlier round) arriving late does not undo the approval either
        assertThat(projection.apply(new ContentRejected(KIM_THANH, "aq-9", "Cũ",
                Samples.at("2025-08-30T02:00:00Z")))).singleElement()
                .satisfies(c -> assertThat(c.repeat()).isFalse());
        assertThat(readModels.items(KIM_THANH).getFirst().approvalStands()).isTrue();
        assertThat(projection.apply(new ContentRejected(KIM_THANH, "aq-9", "Cũ",
                Samples.at("2025-08-30T02:00:00Z")))).singleElement().satisfies(c -> assertThat(c.repeat()).isTrue());
    }

    @Test
    void aLateIssueDoesNotUndoAnAmendmentNorALateCreditLoseItsTask() {
        Model m = Model.in(mongo.template("late"));
        m.projection().apply(Samples.credited(KIM_THANH, news("q"), "q", "q-c1", "q-item1", "portal",
                "2025-08-10T02:00:00Z", "2025-08", 1, 1));
        assertThat(m.dashboards().commune(KIM_THANH, TODAY).tasks()).singleElement()
                .satisfies(t -> {
                    assertThat(t.status()).isEqualTo("UNKNOWN");
                    assertThat(t.totalCredited()).isEqualTo(1);
                });
        m.projection().apply(Samples.planAmended(KIM_THANH, "q"));
        m.projection().apply(Samples.planIssued(KIM_THANH, "q"));
        CommuneDashboard d = m.dashboards().commune(KIM_THANH, TODAY);
        assertThat(d.tasks()).extracting(TaskView::title).containsExactly(
                "Đăng tin, bài về CCHC trên Trang thông tin điện tử xã",
                "Phát tin CCHC trên hệ thống truyền thanh",
                "Tổ chức đối thoại với Nhân dân về CCHC");
        assertThat(d.tasks().get(2).status()).isEqualTo("WITHDRAWN");
        assertThat(d.tasks().get(0).totalCredited()).isEqualTo(1);
    }

    @Test
    void tenantsDoNotSeeEachOther() {
        Model m = Model.in(mongo.template("tenants"));
        Samples.stream(KIM_THANH, "a").forEach(m.projection()::apply);
        Samples.stream(Samples.TIEN_MINH, "b").forEach(m.projection()::apply);
        assertThat(m.dashboards().commune(KIM_THANH, TODAY).tasks()).extracting(TaskView::taskId)
                .allMatch(id -> id.startsWith("a-"));
        assertThat(m.dashboards().commune(Samples.TIEN_MINH, TODAY).tasks()).extracting(TaskView::taskId)
                .allMatch(id -> id.startsWith("b-")).hasSize(3);
        assertThat(m.dashboards().commune(Samples.BACH_MAI, TODAY).tasks()).isEmpty();
    }

    @Test
    void thePlansSignerIsKeptForTheReportsAndAnOlderEventWithoutOneGivesNone() {
        MongoTemplate template = mongo.template("signer");
        Model m = Model.in(template);
        m.projection().apply(Samples.planIssued(KIM_THANH, "s"));
        // the same plan issued again (a duplicate) and an amendment do not touch the signature block
        m.projection().apply(Samples.planIssued(KIM_THANH, "s"));
        m.projection().apply(Samples.planAmended(KIM_THANH, "s"));
        var issued = Samples.planIssued(Samples.TIEN_MINH, "t");
        // PlanIssued as written before it carried a signer: its JSON has no "signer"
        m.projection().apply(new vn.loa.contracts.plan.PlanIssued(issued.tenantId(), issued.planId(),
                issued.version(), issued.number(), issued.title(), issued.periodFrom(), issued.periodTo(),
                issued.issuedOn(), issued.issuedAt(), issued.issuedBy(), issued.tasks()));

        ReadModels read = new ReadModels(template);
        PlanRecord kimThanh = read.plans(KIM_THANH).get(Samples.plan("s"));
        assertThat(kimThanh.signer()).isEqualTo(new PlanRecord.Signer("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH", "Phạm Thị Xuân"));
        assertThat(kimThanh.issuedOn()).isEqualTo(LocalDate.parse("2025-07-25"));
        assertThat(read.plans(Samples.TIEN_MINH).get(Samples.plan("t")).signer()).isNull();
        assertThat(read.plans(Samples.TIEN_MINH)).doesNotContainKey(Samples.plan("s"));
    }

    @Test
    void eachCreditIsKeptInItsOwnDocumentSoNoneGrowsWithTheTasksHistory() {
        MongoTemplate template = mongo.template("per-period");
        Model m = Model.in(template);
        m.projection().apply(Samples.planIssued(KIM_THANH, "q"));
        for (int month = 8; month <= 9; month++) {
            for (int i = 0; i < 30; i++) {
                String period = "2025-%02d".formatted(month);
                m.projection().apply(Samples.credited(KIM_THANH, news("q"), "q", "c-" + month + "-" + i,
                        "item-" + month + "-" + i, "portal", period + "-02T01:00:00Z", period, i + 1, 1));
            }
        }
        m.projection().apply(new TaskCreditWithdrawn(KIM_THANH, news("q"), Samples.plan("q"),
                "c-9-0", "item-9-0", "2025-09", "Tin bị gỡ", null, Samples.at("2025-09-20T01:00:00Z"), 29, 1, 59));

        Document task = template.findById(news("q"), Document.class, ReadModel.TASKS);
        assertThat(task).doesNotContainKeys("credits", "withdrawals");
        Document withdrawn = template.findById(ReadModel.taskCreditId(news("q"), "c-9-0"),
                Document.class, ReadModel.TASK_CREDITS);
        assertThat(withdrawn.getList("credits", Document.class)).singleElement()
                .extracting(c -> c.getString("itemId")).isEqualTo("item-9-0");
        assertThat(withdrawn.getList("withdrawals", String.class)).containsExactly("c-9-0");
        assertThat(template.getCollection(ReadModel.TASK_CREDITS).countDocuments()).isEqualTo(60);
        assertThat(template.getCollection(ReadModel.TASK_CREDITS).find()).allSatisfy(d ->
                assertThat(d.getList("credits", Document.class)).hasSize(1));
        TaskRecord record = new ReadModels(template).tasks(KIM_THANH).stream()
                .filter(t -> t.taskId().equals(news("q"))).findFirst().orElseThrow();
        assertThat(record.credited("2025-08")).isEqualTo(30);
        assertThat(record.credited("2025-09")).isEqualTo(29);
        assertThat(record.totalCredited()).isEqualTo(59);
    }

    @Test
    void creditsKeptPerPeriodBeforeStillCountBesideThoseKeptOneByOne() {
        MongoTemplate template = mongo.template("per-period-then-per-credit");
        Model m = Model.in(template);
        m.projection().apply(Samples.planIssued(KIM_THANH, "q"));
        // as an earlier version wrote them: one document for July holding two credits, one of them withdrawn since
        Date published = Date.from(Samples.at("2025-07-02T01:00:00Z"));
        List<Document> july = new ArrayList<>();
        for (String n : List.of("0", "1")) {
            july.add(new Document("creditId", "c-7-" + n).append("itemId", "item-7-" + n).append("kind", "news")
                    .append("channel", "portal").append("publishedAt", published).append("period", "2025-07")
                    .append("basis", "MATCHED"));
        }
        template.insert(new Document("_id", news("q") + "|2025-07").append("tenant", KIM_THANH)
                .append("planId", Samples.plan("q")).append("taskId", news("q")).append("credits", july),
                ReadModel.TASK_CREDITS);
        m.projection().apply(new TaskCreditWithdrawn(KIM_THANH, news("q"), Samples.plan("q"),
                "c-7-1", "item-7-1", "2025-07", "Tin bị gỡ", null, Samples.at("2025-07-20T01:00:00Z"), 1, 1, 1));
        m.projection().apply(Samples.credited(KIM_THANH, news("q"), "q", "c-7-2", "item-7-2", "portal",
                "2025-07-21T01:00:00Z", "2025-07", 2, 1));

        TaskRecord record = new ReadModels(template).tasks(KIM_THANH).stream()
                .filter(t -> t.taskId().equals(news("q"))).findFirst().orElseThrow();
        assertThat(record.credited("2025-07")).isEqualTo(2);
        assertThat(record.totalCredited()).isEqualTo(2);
    }

    @Test
    void creditsKeptInTheTasksDocumentByThePreviousVersionStillCount() {
        MongoTemplate template = mongo.template("legacy-credits");
        Model m = Model.in(template);
        m.projection().apply(Samples.planIssued(KIM_THANH, "l"));
        // as the previous version stored them: in the task's own document
        template.getCollection(ReadModel.TASKS).updateOne(new Document("_id", news("l")),
                new Document("$set", new Document("credits", List.of(new Document(
                        "creditId", "old-1").append("itemId", "item-old").append("kind", "news")
                        .append("channel", "portal").append("publishedAt", Date.from(
                                Samples.at("2025-08-05T01:00:00Z"))).append("period", "2025-08")
                        .append("basis", "MATCHED"))).append("withdrawals", List.of())));
        m.projection().apply(Samples.credited(KIM_THANH, news("l"), "l", "new-1", "item-new", "portal",
                "2025-09-02T01:00:00Z", "2025-09", 1, 1));

        TaskRecord record = new ReadModels(template).tasks(KIM_THANH).stream()
                .filter(t -> t.taskId().equals(news("l"))).findFirst().orElseThrow();
        assertThat(record.credited("2025-08")).isEqualTo(1);
        assertThat(record.credited("2025-09")).isEqualTo(1);
        assertThat(record.totalCredited()).isEqualTo(2);
    }
}
