package vn.loa.report.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.platform.demo.DemoHistory;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.time.VnTime;
import vn.loa.report.ReportServiceApplication;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.submission.AcceptedReports;
import vn.loa.report.submission.Submission;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * report-service's part of the demo on a fixed day (06/12/2026): the third quarter's reports of Kim Thành and Nguyễn
 * Lương Bằng are sent up only once the read models hold the plan and every credit of the quarter's history, then one is
 * accepted (its documents frozen) and one returned with a reason — once, however often it runs; a report a person sent
 * up is left to the province.
 */
@SpringBootTest(classes = ReportServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class DemoReviewsTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);

    @Autowired
    Submissions submissions;

    @Autowired
    ReadModels readModels;

    @Autowired
    ReportingWindows windows;

    @Autowired
    AcceptedReports reports;

    @Autowired
    Projection projection;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "report-service-demo-it");
    }

    DemoReviews demo() {
        return new DemoReviews(submissions, readModels, windows, reports, CLOCK,
                new DemoReviewSettings(Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void theQuarterReportedOnLast() {
        assertThat(demo().quarter(DAY, "31").label()).isEqualTo("2026-Q3");
        assertThat(demo().quarter(LocalDate.of(2026, 12, 20), "31").label()).as("after the cut-off day")
                .isEqualTo("2026-Q4");
        assertThat(demo().quarter(LocalDate.of(2026, 3, 1), "31")).as("no quarter of this year closed yet").isNull();
    }

    @Test
    void oneAcceptedOneReturnedOnceTheCreditsAreIn() {
        DemoReviews demo = demo();
        ReportPeriod q3 = windows.parse("2026-Q3", "31");
        assertThat(demo.review(DAY)).as("nothing arrived yet: wait").isFalse();
        assertThat(state(DemoHistory.KIM_THANH)).isEqualTo(SubmissionState.DRAFT);

        List<TaskCredited> credits = new ArrayList<>();
        for (String tenant : List.of(DemoHistory.NGUYEN_LUONG_BANG, DemoHistory.KIM_THANH)) { // Kim Thành's last
            projection.apply(plan(tenant));
            DemoHistory.upTo(DAY).stream().filter(e -> e.tenant().equals(tenant) && q3.contains(e.on(2026)))
                    .forEach(e -> e.taskIds().forEach(task -> credits.add(credit(e, task))));
        }
        assertThat(credits).as("the history has work in the quarter of both").hasSizeGreaterThanOrEqualTo(4);
        assertThat(demo.review(DAY)).as("the plans, no credit yet").isFalse();
        credits.subList(0, credits.size() - 1).forEach(projection::apply);
        assertThat(demo.review(DAY)).as("one credit of Kim Thành still on its way").isFalse();
        assertThat(state(DemoHistory.KIM_THANH)).isEqualTo(SubmissionState.DRAFT);
        assertThat(state(DemoHistory.NGUYEN_LUONG_BANG)).as("each commune as soon as its own credits are in")
                .isEqualTo(SubmissionState.RETURNED);

        projection.apply(credits.getLast());
        assertThat(demo.review(DAY)).isTrue();
        Submission accepted = submissions.of(DemoHistory.KIM_THANH, "2026-Q3");
        assertThat(accepted.state()).isEqualTo(SubmissionState.ACCEPTED);
        assertThat(accepted.frozenAt()).isNotNull();
        assertThat(accepted.history()).extracting(Submission.Step::by)
                .containsExactly(DemoHistory.LEADER, DemoReviews.REVIEWER);
        Submission returned = submissions.of(DemoHistory.NGUYEN_LUONG_BANG, "2026-Q3");
        assertThat(returned.state()).isEqualTo(SubmissionState.RETURNED);
        assertThat(returned.reason()).startsWith("Đề nghị bổ sung");
        assertThat(submissions.frozen(DemoHistory.KIM_THANH, "2026-Q3", "docx")).isPresent();

        // a second and a third start
        assertThat(demo.review(DAY)).isTrue();
        assertThat(demo().review(DAY)).isTrue();
        assertThat(submissions.of(DemoHistory.KIM_THANH, "2026-Q3").history()).hasSize(2);
        assertThat(submissions.of(DemoHistory.NGUYEN_LUONG_BANG, "2026-Q3").history()).hasSize(2);
    }

    @Test
    void aReportAPersonSentUpIsLeftToTheProvince() {
        LocalDate day = LocalDate.of(2027, 12, 6);
        ReportPeriod q3 = windows.parse("2027-Q3", "31");
        submissions.submit(new Caller(DemoHistory.NGUYEN_LUONG_BANG, "nguyen-luong-bang.leader", Set.of(Role.LEADER)),
                q3);
        assertThat(demo().review(day)).as("Kim Thành's 2027 history has no credit: wait").isFalse();
        Submission s = submissions.of(DemoHistory.NGUYEN_LUONG_BANG, "2027-Q3");
        assertThat(s.state()).isEqualTo(SubmissionState.SUBMITTED);
        assertThat(s.history()).extracting(Submission.Step::by).containsExactly("nguyen-luong-bang.leader");
        assertThat(submissions.of(DemoHistory.KIM_THANH, "2027-Q3").state()).isEqualTo(SubmissionState.DRAFT);
    }

    private SubmissionState state(String tenant) {
        return submissions.of(tenant, "2026-Q3").state();
    }

    private static PlanIssued plan(String tenant) {
        String planId = DemoHistory.planId(tenant);
        List<PlannedTask> tasks = IntStream.rangeClosed(1, 10).mapToObj(n -> new PlannedTask(
                DemoHistory.taskId(planId, n), n, "Nhiệm vụ " + n, "Văn phòng HĐND và UBND", List.of(),
                List.of("news"), List.of(), null, null)).toList();
        return new PlanIssued(tenant, planId, 1, "45/KH-UBND", "Kế hoạch năm 2026", LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 12, 31), LocalDate.of(2026, 8, 5), Instant.parse("2026-08-05T02:00:00Z"),
                DemoHistory.LEADER, tasks);
    }

    private static TaskCredited credit(DemoHistory.Entry e, String task) {
        Instant at = VnTime.startOf(e.on(2026)).plus(Duration.ofHours(8).plusMinutes(30));
        String channel = e instanceof DemoHistory.Item item ? item.channel() : null;
        return new TaskCredited(e.tenant(), task, DemoHistory.planId(e.tenant()), e.id() + ":" + task, e.id(),
                e.kind().toLowerCase(Locale.ROOT), channel, at, "PLAN", CreditBasis.EXPLICIT, 1, 0, 1);
    }
}
