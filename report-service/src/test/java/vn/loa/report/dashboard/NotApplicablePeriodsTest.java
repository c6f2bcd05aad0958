package vn.loa.report.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.report.dashboard.CommuneDashboard.TaskView;
import vn.loa.report.document.Notes;
import vn.loa.report.document.ReportData;
import vn.loa.report.document.ReportData.TaskResult;
import vn.loa.report.document.Reports;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;

/**
 * Periods that had ended before the plan was issued are "Không áp dụng" (ADR 0004): on the dashboard, in its JSON,
 * in the province's counts and in the reports — never missed, never a target. Phường Bạch Mai issued its 2025 plan on
 * 05/09/2025 with a monthly and a quarterly quota.
 */
class NotApplicablePeriodsTest {

    private static final String BACH_MAI = Samples.BACH_MAI;
    private static final String MONTHLY = "bm-monthly";
    private static final String QUARTERLY = "bm-quarterly";
    private static final String DECEMBER = "12345";
    private static InMemoryMongo mongo;
    private static Projection projection;
    private static ReadModels readModels;
    private static Dashboards dashboards;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
        MongoTemplate template = mongo.template("not-applicable");
        projection = new Projection(template);
        readModels = new ReadModels(template);
        dashboards = new Dashboards(readModels);
        projection.apply(plan(BACH_MAI, "bm-plan", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 9, 5), MONTHLY,
                QUARTERLY));
        // an older task-service closed August as missed before the rule existed: the dashboard still says N/A
        projection.apply(new TaskPeriodClosed(BACH_MAI, MONTHLY, "bm-plan", "2025-08", 1, 0, PeriodOutcome.MISSED,
                Instant.parse("2025-08-31T17:00:00Z")));
        // a plan for the second half of 2025 made in December
        projection.apply(plan(Samples.KIM_THANH, "dec-plan", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 3),
                DECEMBER + "-monthly", DECEMBER + "-quarterly"));
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    private static PlanIssued plan(String tenant, String planId, LocalDate from, LocalDate issuedOn, String monthly,
            String quarterly) {
        return new PlanIssued(tenant, planId, 1, "251/KH-UBND", "Kế hoạch thông tin, tuyên truyền CCHC năm 2025",
                from, LocalDate.of(2025, 12, 31), issuedOn, Instant.parse(issuedOn + "T02:00:00Z"), "leader", List.of(
                        new PlannedTask(monthly, 1, "Đăng tin, bài về CCHC trên Trang thông tin điện tử phường",
                                "Văn phòng HĐND và UBND phường", List.of(), List.of("news"), List.of("portal"),
                                new Quota(1, QuotaPeriod.MONTH, null, null), null),
                        new PlannedTask(quarterly, 2, "Phát ít nhất 02 tin, bài về CCHC trên hệ thống truyền thanh",
                                "Trung tâm Văn hóa, Thông tin và Thể thao", List.of(), List.of("audio"),
                                List.of("radio"), new Quota(2, QuotaPeriod.QUARTER, YearMonth.of(2025, 1), null),
                                null)),
                Samples.SIGNER);
    }

    @Test
    void onTheFirstDayNothingBeforeTheIssueIsMissed() {
        CommuneDashboard d = dashboards.commune(BACH_MAI, LocalDate.of(2025, 9, 5));

        TaskView monthly = task(d, MONTHLY);
        assertThat(monthly.missedPeriods()).isEmpty();
        assertThat(monthly.notApplicablePeriods()).containsExactly("2025-01", "2025-02", "2025-03", "2025-04",
                "2025-05", "2025-06", "2025-07", "2025-08");
        assertThat(monthly.status()).isEqualTo("ON_TRACK");
        assertThat(monthly.current().period()).isEqualTo("2025-09");
        assertThat(monthly.current().target()).isEqualTo(1);
        assertThat(monthly.current().status()).isEqualTo("OPEN");
        assertThat(monthly.current().statusLabel()).isEqualTo("Đang thực hiện");
        TaskView quarterly = task(d, QUARTERLY);
        assertThat(quarterly.missedPeriods()).isEmpty();
        assertThat(quarterly.notApplicablePeriods()).containsExactly("2025-Q1", "2025-Q2");
        assertThat(quarterly.current().period()).isEqualTo("2025-Q3");
        assertThat(quarterly.current().target()).isEqualTo(2);
        assertThat(d.missed()).isEmpty();
        assertThat(d.taskSummary().behind()).isZero();
    }

    @Test
    void theBucketsOfAPeriodBeforeTheIssueDoNotApply() {
        var plan = readModels.plans(BACH_MAI).get("bm-plan");
        var task = readModels.tasks(BACH_MAI).stream().filter(t -> t.taskId().equals(MONTHLY)).findFirst()
                .orElseThrow();

        assertThat(TaskProgress.buckets(task, plan, LocalDate.of(2025, 9, 5)))
                .extracting(b -> b.bucket().period(), TaskProgress.BucketState::status,
                        TaskProgress.BucketState::statusLabel)
                .startsWith(tuple("2025-01", "NOT_APPLICABLE", "Không áp dụng"))
                .contains(tuple("2025-08", "NOT_APPLICABLE", "Không áp dụng"),
                        tuple("2025-09", "OPEN", "Đang thực hiện"), tuple("2025-10", "UPCOMING", "Chưa đến kỳ"));
    }

    @Test
    void laterOnlyPeriodsFromTheIssueOnCanBeMissed() {
        CommuneDashboard d = dashboards.commune(BACH_MAI, LocalDate.of(2025, 11, 10));

        assertThat(task(d, MONTHLY).missedPeriods()).containsExactly("2025-09", "2025-10");
        assertThat(task(d, MONTHLY).status()).isEqualTo("BEHIND");
        assertThat(task(d, QUARTERLY).missedPeriods()).containsExactly("2025-Q3");
    }

    @Test
    void aPlanMadeInDecemberDoesNotShowNovemberMissed() {
        CommuneDashboard d = dashboards.commune(Samples.KIM_THANH, LocalDate.of(2025, 12, 10));

        TaskView monthly = task(d, DECEMBER + "-monthly");
        assertThat(monthly.missedPeriods()).isEmpty();
        assertThat(monthly.notApplicablePeriods()).containsExactly("2025-07", "2025-08", "2025-09", "2025-10",
                "2025-11");
        assertThat(monthly.current().period()).isEqualTo("2025-12");
        assertThat(monthly.status()).isEqualTo("ON_TRACK");
        TaskView quarterly = task(d, DECEMBER + "-quarterly");
        assertThat(quarterly.notApplicablePeriods()).containsExactly("2025-Q1", "2025-Q2", "2025-Q3");
        assertThat(quarterly.missedPeriods()).isEmpty();
    }

    @Test
    void theDashboardJsonSaysNotApplicableInVietnamese() {
        JsonNode json = JsonMapper.builder().build()
                .valueToTree(dashboards.commune(BACH_MAI, LocalDate.of(2025, 9, 5)));

        JsonNode monthly = json.path("tasks").valueStream()
                .filter(t -> t.path("taskId").asString().equals(MONTHLY)).findFirst().orElseThrow();
        assertThat(monthly.path("missedPeriods").size()).isZero();
        assertThat(monthly.path("notApplicablePeriods").get(7).asString()).isEqualTo("2025-08");
        assertThat(monthly.path("status").asString()).isEqualTo("ON_TRACK");
        assertThat(monthly.path("current").path("statusLabel").asString()).isEqualTo("Đang thực hiện");
        assertThat(json.path("missed").size()).isZero();
    }

    @Test
    void aReportOfAWindowBeforeTheIssueSetsNoTargetAndCountsNothingMissed() {
        ReportData q2 = report("2025-Q2");

        assertThat(q2.tasks()).extracting(TaskResult::taskId, TaskResult::target, TaskResult::assessment)
                .containsExactly(tuple(MONTHLY, 0, "Không áp dụng"), tuple(QUARTERLY, 0, "Không áp dụng"));
        assertThat(q2.totals().tasksWithTarget()).isZero();
        assertThat(q2.totals().tasksMet()).isZero();
    }

    @Test
    void theReportOfTheQuarterOfIssueCountsTheMonthOfIssueAndTheWholeQuarter() {
        // Q3 window 15/06–14/09: July and August had ended before 05/09, September applies with its full target
        ReportData q3 = report("2025-Q3");

        assertThat(q3.tasks()).extracting(TaskResult::taskId, TaskResult::target, TaskResult::assessment)
                .containsExactly(tuple(MONTHLY, 1, "Chưa đạt"), tuple(QUARTERLY, 2, "Chưa đạt"));
        assertThat(q3.totals().tasksWithTarget()).isEqualTo(2);
    }

    private static ReportData report(String label) {
        return Reports.compute(BACH_MAI, new ReportingWindows().parse(label), LocalDate.of(2025, 12, 20),
                readModels.plans(BACH_MAI), readModels.tasks(BACH_MAI), readModels.publications(BACH_MAI), Map.of(),
                Notes.EMPTY, "DRAFT", "Đang soạn");
    }

    private static TaskView task(CommuneDashboard d, String taskId) {
        return d.tasks().stream().filter(t -> t.taskId().equals(taskId)).findFirst().orElseThrow();
    }
}
