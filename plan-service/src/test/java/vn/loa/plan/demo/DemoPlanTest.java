package vn.loa.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.annex.Channels;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.PlanRules;
import vn.loa.plan.plan.Stamp;
import vn.loa.platform.demo.DemoHistory;

/** The five demo plans pass the API's rules and can be issued. */
class DemoPlanTest {

    private final List<DemoPlan> demos = DemoPlan.all(JsonMapper.builder().build());

    @Test
    void oneIssuablePlanPerSeedCommune() {
        assertThat(demos).extracting(DemoPlan::tenantId)
                .containsExactlyInAnyOrder("10804", "11791", "11242", "00292", "18838");
        for (DemoPlan demo : demos) {
            List<TaskDetails> tasks = demo.checkedTasks(new PlanRules()); // throws on any rule broken
            List<AnnexTask> annex = tasks.stream().map(t -> AnnexTask.of("t" + tasks.indexOf(t), 1, t)).toList();
            assertThat(new PlanRules().readyToIssue(demo.plan(), annex)).as(demo.source()).isEmpty();
            PlanIssued issued = (PlanIssued) Plan.draft(demo.id(), demo.tenantId(), demo.plan(), annex, List.of(),
                    new Stamp("u", Instant.now())).issue(new Stamp("leader", Instant.now())).events().getFirst();
            assertThat(issued.tasks()).as(demo.source()).isNotEmpty().allSatisfy(t -> {
                assertThat(t.leadUnit()).isNotBlank();
                assertThat(t.productKinds()).isNotEmpty();
            });
        }
    }

    @Test
    void theSeedsPeriodsAndQuotas() {
        DemoPlan kimThanh = demo("10804");
        assertThat(kimThanh.plan().period().from()).hasToString("2025-08-01");
        assertThat(kimThanh.plan().period().to()).hasToString("2025-12-31");
        assertThat(demo("11791").plan().period().from()).hasToString("2026-01-01");
        assertThat(demo("11242").plan().number()).isEqualTo("21/KH-UBND");
        assertThat(demo("11242").plan().signer().name()).isEqualTo("Đoàn Văn Cát");
        assertThat(demo("11242").id()).isEqualTo("demo-11242-21-kh-ubnd");
        List<TaskDetails> bachMai = demo("00292").checkedTasks(new PlanRules());
        assertThat(bachMai.get(2).quota()).hasToString("Quota[count=1, per=MONTH, from=2025-08, to=2025-12]");
        assertThat(bachMai.get(3).quota()).hasToString("Quota[count=2, per=QUARTER, from=null, to=null]");
        assertThat(bachMai.getFirst().due().date()).hasToString("2025-09-11");
        List<TaskDetails> tienMinh = demo("11791").checkedTasks(new PlanRules());
        assertThat(tienMinh.get(1).quota()).hasToString("Quota[count=2, per=PLAN, from=null, to=null]");
        assertThat(demo("18838").plan().targets()).hasSize(4);
    }

    /**
     * Issue 19: the seeds' visual and print work (pano, áp phích, khẩu hiệu, tờ rơi, tài liệu at the Điểm Bưu điện
     * văn hóa xã, the villages' notice boards) is recorded on the visual channel, so every demo task that makes such a
     * product accepts {@code truc-quan} — the rule the importer follows ({@code Channels.forTask}).
     */
    @Test
    void theSeedsVisualTasksAcceptTheVisualChannel() {
        for (DemoPlan demo : demos) {
            for (TaskDetails t : demo.checkedTasks(new PlanRules())) {
                if (t.productKinds().stream().anyMatch(ProductKind::visual)) {
                    assertThat(t.channels()).as(demo.source() + ": " + t.title()).contains(Channels.TRUC_QUAN);
                }
            }
        }
        List<TaskDetails> kyLac = demo("18838").checkedTasks(new PlanRules());
        TaskDetails pano = kyLac.stream().filter(t -> t.title().startsWith("Tuyên truyền pano, áp phích, khẩu hiệu"))
                .findFirst().orElseThrow();
        assertThat(pano.productKinds()).containsExactly(ProductKind.BANNER, ProductKind.POSTER);
        assertThat(pano.channels()).containsExactly("truc-quan");
        TaskDetails documents = kyLac.stream().filter(t -> t.title().contains("Điểm Bưu điện văn hóa xã"))
                .findFirst().orElseThrow();
        assertThat(documents.productKinds()).containsExactly(ProductKind.LEAFLET, ProductKind.NOTICE,
                ProductKind.HANDOUT);
        assertThat(documents.channels()).containsExactly("notice-board", "truc-quan");
        // the demo's kinds and channels are what the words of the task give
        assertThat(Channels.forTask(pano.title(), ProductKind.mentionedIn(pano.title()))).containsExactly("truc-quan");
        assertThat(ProductKind.mentionedIn(pano.title())).containsExactly(ProductKind.POSTER, ProductKind.BANNER);
    }

    @Test
    void theDemoIdsAreDistinct() {
        assertThat(demos).extracting(DemoPlan::id).doesNotHaveDuplicates().allMatch(id -> id.matches("demo-\\d{5}-.+"));
    }

    private DemoPlan demo(String tenant) {
        return demos.stream().filter(d -> d.tenantId().equals(tenant)).findFirst().orElseThrow();
    }

    @Test
    void reissuedForTheCurrentYearEveryDateMovesByWholeYears() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        DemoPlan kimThanh = demo("10804").reissuedFor(today);
        assertThat(kimThanh.plan().period().from()).hasToString("2026-08-01");
        assertThat(kimThanh.plan().period().to()).hasToString("2026-12-31");
        assertThat(kimThanh.plan().issuedOn()).hasToString("2026-08-05");
        assertThat(kimThanh.id()).isEqualTo(demo("10804").id());
        DemoPlan bachMai = demo("00292").reissuedFor(today);
        assertThat(bachMai.plan().title()).endsWith("phường Bạch Mai năm 2026");
        assertThat(bachMai.plan().issuedOn()).hasToString("2026-09-05");
        assertThat(bachMai.plan().basis().getFirst()).as("the basis cites what was really decided")
                .contains("ngày 22/8/2025");
        List<TaskDetails> tasks = bachMai.checkedTasks(new PlanRules());
        assertThat(tasks.get(2).quota()).hasToString("Quota[count=1, per=MONTH, from=2026-08, to=2026-12]");
        assertThat(tasks.getFirst().due().date()).hasToString("2026-09-11");
        assertThat(tasks.get(1).due().date()).as("'Trong năm 2025' moved with the year").hasToString("2026-12-31");
        assertThat(bachMai.tasks().get(1).due().text()).isEqualTo("Trong năm 2026");
        assertThat(bachMai.tasks().get(2).title()).contains("(từ tháng 8/2026 đến tháng 12/2026)");
        assertThat(bachMai.plan().annexTitle()).contains("NĂM 2026").contains("ngày …/…/2026");
        assertThat(demo("10804").reissuedFor(today).plan().themes()).as("another document's date, a span: as written")
                .anySatisfy(t -> assertThat(t).contains("ngày 26/7/2025"))
                .anySatisfy(t -> assertThat(t).contains("giai đoạn 2021-2025"));
        assertThat(demo("11791").reissuedFor(today)).as("Tiên Minh's plan is this year's already")
                .isSameAs(demo("11791"));
    }

    @Test
    void aDateOfIssueNotComeYetIsToday() {
        LocalDate february = LocalDate.of(2027, 2, 10);
        DemoPlan kimThanh = demo("10804").reissuedFor(february);
        assertThat(kimThanh.plan().period().from()).hasToString("2027-08-01");
        assertThat(kimThanh.plan().issuedOn()).isEqualTo(february);
        assertThat(demo("10804").reissuedFor(february)).as("deterministic").isEqualTo(kimThanh);
    }

    @Test
    void everyReissuedPlanPassesTheRulesWhateverTheDay() {
        for (LocalDate day : List.of(LocalDate.of(2026, 12, 6), LocalDate.of(2027, 1, 1), LocalDate.of(2028, 2, 29),
                LocalDate.of(2030, 7, 15))) {
            for (DemoPlan seed : demos) {
                DemoPlan demo = seed.reissuedFor(day);
                List<TaskDetails> tasks = demo.checkedTasks(new PlanRules());
                List<AnnexTask> annex = tasks.stream().map(t -> AnnexTask.of("t" + tasks.indexOf(t), 1, t)).toList();
                assertThat(new PlanRules().readyToIssue(demo.plan(), annex)).as(demo.source() + " on " + day).isEmpty();
                assertThat(demo.plan().period().from().getYear()).isEqualTo(day.getYear());
                assertThat(demo.plan().issuedOn()).isBeforeOrEqualTo(day);
            }
        }
    }

    /** The demo history (platform's DemoHistory) names these plans and tasks: each entry fits the task it serves. */
    @Test
    void theDemoHistoryNamesTheseTasksAndFitsThem() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        for (DemoPlan seed : demos) {
            assertThat(DemoHistory.planId(seed.tenantId())).isEqualTo(seed.id());
        }
        assertThat(DemoHistory.entries()).extracting(DemoHistory.Entry::id).doesNotHaveDuplicates();
        for (DemoHistory.Entry e : DemoHistory.entries()) {
            DemoPlan demo = demo(e.tenant()).reissuedFor(today);
            List<TaskDetails> tasks = demo.checkedTasks(new PlanRules());
            LocalDate on = e.on(today.getYear());
            assertThat(on).as(e.id() + " after the plan was issued").isAfter(demo.plan().issuedOn());
            assertThat(on).as(e.id() + " inside the plan period").isBetween(demo.plan().period().from(),
                    demo.plan().period().to());
            assertThat(e.tasks()).as(e.id()).isNotEmpty();
            for (int order : e.tasks()) {
                TaskDetails task = tasks.get(order - 1);
                assertThat(task.productKinds()).as(e.id() + " serves task " + order + " with its kind")
                        .extracting(Enum::name).contains(e.kind());
                if (e instanceof DemoHistory.Item item && !task.channels().isEmpty()) {
                    assertThat(task.channels()).as(e.id() + " on a channel of task " + order).contains(item.channel());
                }
                if (task.quota() != null && task.quota().from() != null) {
                    assertThat(YearMonth.from(on)).as(e.id() + " inside the quota's months")
                            .isBetween(task.quota().from(), task.quota().to());
                }
            }
        }
    }
}
