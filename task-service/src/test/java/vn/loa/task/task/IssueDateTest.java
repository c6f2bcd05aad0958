package vn.loa.task.task;

import vn.loa.platform.time.VnTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskPeriodClosed;

/**
 * Quota windows run from the plan's issue date (ADR 0004): a period that had ended before the plan was issued does
 * not apply — it takes no credit, is never closed nor judged, and is never missed; the period the plan is issued in
 * applies whole, with its full target.
 */
class IssueDateTest {

    private static final String TENANT = "00292";
    private static final String PLAN = "plan-bach-mai-2025";
    private static final LocalDate YEAR_FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate YEAR_TO = LocalDate.of(2025, 12, 31);
    /** Phường Bạch Mai issued its 2025 plan on 05/09/2025. */
    private static final LocalDate BACH_MAI_ISSUED = LocalDate.of(2025, 9, 5);

    private final Progress progress = new Progress(new AtRiskRule(0.5, 0.5));

    private static PlannedTask monthlyPortal() {
        return new PlannedTask(PLAN + "-01", 1, "Đăng tin, bài về CCHC trên Trang thông tin điện tử phường",
                "Văn phòng HĐND và UBND phường", List.of(), List.of("news", "article"), List.of("portal"),
                new Quota(1, QuotaPeriod.MONTH, null, null), null);
    }

    private static PlannedTask quarterlyRadio() {
        return new PlannedTask(PLAN + "-02", 2, "Phát ít nhất 02 tin, bài về CCHC trên hệ thống truyền thanh",
                "Trung tâm Văn hóa, Thông tin và Thể thao", List.of(), List.of("news", "audio"), List.of("radio"),
                new Quota(2, QuotaPeriod.QUARTER, null, null), null);
    }

    private static Task bachMai(PlannedTask planned) {
        return Task.issue(TENANT, PLAN, 1, YEAR_FROM, YEAR_TO, BACH_MAI_ISSUED, planned);
    }

    /** Noon of a local day. */
    private static Instant noon(String day) {
        return VnTime.startOf(LocalDate.parse(day)).plusSeconds(12 * 3600);
    }

    @Test
    void aMonthlyQuotaAppliesFromTheMonthOfIssueWithItsFullTarget() {
        Task monthly = bachMai(monthlyPortal());

        assertThat(monthly.buckets()).extracting(Bucket::period, Bucket::notApplicable, Bucket::target).containsExactly(
                tuple("2025-01", true, 1), tuple("2025-02", true, 1), tuple("2025-03", true, 1),
                tuple("2025-04", true, 1), tuple("2025-05", true, 1), tuple("2025-06", true, 1),
                tuple("2025-07", true, 1), tuple("2025-08", true, 1),
                tuple("2025-09", false, 1), tuple("2025-10", false, 1), tuple("2025-11", false, 1),
                tuple("2025-12", false, 1));
        // the month of issue keeps its whole calendar window
        Bucket september = monthly.bucket("2025-09").orElseThrow();
        assertThat(september.start()).isEqualTo(Instant.parse("2025-08-31T17:00:00Z"));
        assertThat(september.end()).isEqualTo(Instant.parse("2025-09-30T17:00:00Z"));
    }

    @Test
    void aQuarterlyQuotaAppliesFromTheQuarterOfIssueWithItsFullTarget() {
        Task quarterly = bachMai(quarterlyRadio());

        assertThat(quarterly.buckets()).extracting(Bucket::period, Bucket::notApplicable, Bucket::target)
                .containsExactly(tuple("2025-Q1", true, 2), tuple("2025-Q2", true, 2), tuple("2025-Q3", false, 2),
                        tuple("2025-Q4", false, 2));
    }

    @Test
    void onTheDayOfIssueNoPeriodIsMissedAndTheTaskIsOnTrack() {
        Instant firstDay = noon("2025-09-05");
        for (Task task : List.of(bachMai(monthlyPortal()), bachMai(quarterlyRadio()))) {
            List<Progress.BucketProgress> periods = progress.buckets(task, firstDay);
            assertThat(periods).extracting(Progress.BucketProgress::status)
                    .doesNotContain(BucketStatus.MISSED, BucketStatus.MET);
            assertThat(periods).filteredOn(p -> p.bucket().end().isBefore(firstDay))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.status()).isEqualTo(BucketStatus.NOT_APPLICABLE));
            assertThat(periods).filteredOn(p -> p.bucket().contains(firstDay)).singleElement()
                    .satisfies(p -> assertThat(p.status()).isEqualTo(BucketStatus.OPEN));
            assertThat(progress.of(task, firstDay)).isNotEqualTo(TaskStatus.BEHIND);
        }
        assertThat(progress.of(bachMai(monthlyPortal()), firstDay)).isEqualTo(TaskStatus.ON_TRACK);
        // the quarter of issue keeps its full target of 2 with two thirds of it gone: at risk, not missed
        assertThat(progress.of(bachMai(quarterlyRadio()), firstDay)).isEqualTo(TaskStatus.AT_RISK);
        assertThat(BucketStatus.NOT_APPLICABLE.label()).isEqualTo("Không áp dụng");
    }

    @Test
    void aPublicationBeforeTheIssueCreditsTheMonthOfIssueButNotAPeriodThatDoesNotApply() {
        Task monthly = bachMai(monthlyPortal());

        // 2 September: before the issue, in the month of issue: it counts there
        assertThat(monthly.takesCreditAt(noon("2025-09-02"))).isTrue();
        monthly.credit("item-sep", portal(noon("2025-09-02")), noon("2025-09-06"));
        assertThat(monthly.bucket("2025-09").orElseThrow().credited()).isEqualTo(1);
        // 20 August: that month had ended before the plan was issued
        assertThat(monthly.takesCreditAt(noon("2025-08-20"))).isFalse();
        assertThat(progress.of(monthly.bucket("2025-09").orElseThrow(), noon("2025-09-06")).status())
                .isEqualTo(BucketStatus.MET);
    }

    @Test
    void theCloserJudgesOnlyPeriodsThatApply() {
        Task monthly = bachMai(monthlyPortal());
        Task quarterly = bachMai(quarterlyRadio());

        // the day after the issue: January to August have ended, but none of them is closed or judged
        assertThat(monthly.closeEndedBuckets(noon("2025-09-06"))).isFalse();
        assertThat(quarterly.closeEndedBuckets(noon("2025-09-06"))).isFalse();
        assertThat(monthly.pendingEvents()).isEmpty();

        // after September and the third quarter: only they are closed
        Instant october = noon("2025-10-01");
        assertThat(monthly.closeEndedBuckets(october)).isTrue();
        assertThat(quarterly.closeEndedBuckets(october)).isTrue();
        assertThat(closings(monthly)).extracting(TaskPeriodClosed::period, TaskPeriodClosed::outcome)
                .containsExactly(tuple("2025-09", PeriodOutcome.MISSED));
        assertThat(closings(quarterly)).extracting(TaskPeriodClosed::period, TaskPeriodClosed::outcome)
                .containsExactly(tuple("2025-Q3", PeriodOutcome.MISSED));
        assertThat(monthly.bucket("2025-08").orElseThrow().closed()).isFalse();
        assertThat(progress.of(monthly.bucket("2025-08").orElseThrow(), october).status())
                .isEqualTo(BucketStatus.NOT_APPLICABLE);
    }

    @Test
    void closingThePlanLeavesPeriodsThatDoNotApplyUnjudged() {
        Task monthly = bachMai(monthlyPortal());

        monthly.closePlan(1, noon("2025-09-20"));

        assertThat(closings(monthly)).extracting(TaskPeriodClosed::period).containsExactly("2025-09");
        assertThat(monthly.buckets()).filteredOn(Bucket::notApplicable).hasSize(8)
                .allSatisfy(b -> assertThat(b.closed() || b.cancelled()).isFalse());
    }

    @Test
    void aPlanMadeInDecemberDoesNotMissNovember() {
        // the second half of 2025, issued on 03/12/2025: monthly from August, quarterly from October
        LocalDate december3 = LocalDate.of(2025, 12, 3);
        Task monthly = Task.issue(TENANT, "plan-dec", 1, LocalDate.of(2025, 7, 1), YEAR_TO, december3,
                new PlannedTask("dec-01", 1, "Đăng tin CCHC hằng tháng", "Văn phòng", List.of(), List.of("news"),
                        List.of("portal"), new Quota(1, QuotaPeriod.MONTH, java.time.YearMonth.of(2025, 8), null),
                        null));
        Task quarterly = Task.issue(TENANT, "plan-dec", 1, LocalDate.of(2025, 7, 1), YEAR_TO, december3,
                quarterlyRadio());
        Instant december10 = noon("2025-12-10");

        assertThat(progress.buckets(monthly, december10)).extracting(p -> p.bucket().period(), p -> p.status())
                .containsExactly(tuple("2025-08", BucketStatus.NOT_APPLICABLE),
                        tuple("2025-09", BucketStatus.NOT_APPLICABLE), tuple("2025-10", BucketStatus.NOT_APPLICABLE),
                        tuple("2025-11", BucketStatus.NOT_APPLICABLE), tuple("2025-12", BucketStatus.OPEN));
        assertThat(progress.buckets(quarterly, december10)).extracting(p -> p.bucket().period(), p -> p.status())
                .containsExactly(tuple("2025-Q3", BucketStatus.NOT_APPLICABLE), tuple("2025-Q4", BucketStatus.OPEN));
        assertThat(progress.of(monthly, december10)).isNotEqualTo(TaskStatus.BEHIND);
        assertThat(monthly.closeEndedBuckets(december10)).isFalse();
    }

    @Test
    void issuedOnTheFirstOfAMonthThePreviousMonthDoesNotApplyAndTheMonthDoes() {
        Task monthly = Task.issue(TENANT, PLAN, 1, YEAR_FROM, YEAR_TO, LocalDate.of(2025, 9, 1), monthlyPortal());

        assertThat(monthly.bucket("2025-08").orElseThrow().notApplicable()).isTrue();
        assertThat(monthly.bucket("2025-09").orElseThrow().notApplicable()).isFalse();
    }

    @Test
    void aPlanIssuedBeforeItsPeriodHasEveryPeriodAndATaskWithoutIssueDateToo() {
        Task early = Task.issue(TENANT, PLAN, 1, YEAR_FROM, YEAR_TO, LocalDate.of(2024, 12, 20), monthlyPortal());
        Task unknown = Task.issue(TENANT, PLAN, 1, YEAR_FROM, YEAR_TO, monthlyPortal());

        assertThat(early.buckets()).hasSize(12).noneMatch(Bucket::notApplicable);
        assertThat(unknown.buckets()).hasSize(12).noneMatch(Bucket::notApplicable);
        assertThat(unknown.planIssuedOn()).isNull();
    }

    @Test
    void anAmendmentKeepsPeriodsThatDoNotApplyOutOfTheJudging() {
        Task monthly = bachMai(monthlyPortal());
        PlannedTask twice = new PlannedTask(PLAN + "-01", 1, "Đăng 02 tin, bài về CCHC mỗi tháng",
                "Văn phòng HĐND và UBND phường", List.of(), List.of("news"), List.of("portal"),
                new Quota(2, QuotaPeriod.MONTH, null, null), null);

        monthly.amend(2, noon("2025-10-15"), twice);

        assertThat(monthly.buckets()).filteredOn(Bucket::notApplicable).extracting(Bucket::period)
                .containsExactly("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07",
                        "2025-08");
        assertThat(monthly.buckets()).filteredOn(Bucket::applicable).extracting(Bucket::period, Bucket::target)
                .containsExactly(tuple("2025-09", 2), tuple("2025-10", 2), tuple("2025-11", 2), tuple("2025-12", 2));
        assertThat(monthly.closeEndedBuckets(noon("2025-11-01"))).isTrue();
        assertThat(closings(monthly)).extracting(TaskPeriodClosed::period).containsExactly("2025-09", "2025-10");
    }

    private static List<TaskPeriodClosed> closings(Task task) {
        return task.pendingEvents().stream().filter(TaskPeriodClosed.class::isInstance)
                .map(TaskPeriodClosed.class::cast).toList();
    }

    private static Qualification portal(Instant at) {
        return new Qualification("portal", at, "news", CreditBasis.MATCHED);
    }
}
