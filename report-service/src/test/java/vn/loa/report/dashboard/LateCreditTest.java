package vn.loa.report.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;

/**
 * A period closed as missed, then credited late (an item recorded as published elsewhere, with its true date, after
 * its month had closed): the dashboard follows the count, as task-service does (docs/crediting.md, "A late credit") —
 * the month turns MET without a second {@code TaskPeriodClosed}, and back to MISSED if the credit is withdrawn.
 */
class LateCreditTest {

    private static final String TENANT = Samples.KIM_THANH;
    private static final String TASK = "late-monthly";
    private static InMemoryMongo mongo;
    private static Projection projection;
    private static Dashboards dashboards;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
        MongoTemplate template = mongo.template("late-credit");
        projection = new Projection(template);
        dashboards = new Dashboards(new ReadModels(template));
        projection.apply(new PlanIssued(TENANT, "late-plan", 1, "45/KH-UBND", "Kế hoạch năm 2026",
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 8, 5),
                Instant.parse("2026-08-05T02:00:00Z"), "leader", List.of(new PlannedTask(TASK, 1,
                        "Đăng tin về CCHC mỗi tháng", "Văn phòng HĐND và UBND xã", List.of(), List.of("news"),
                        List.of("portal"), new Quota(1, QuotaPeriod.MONTH, null, null), null)),
                Samples.SIGNER));
        // the closer judged September before the item was recorded
        projection.apply(new TaskPeriodClosed(TENANT, TASK, "late-plan", "2026-09", 1, 0, PeriodOutcome.MISSED,
                Instant.parse("2026-09-30T17:00:00Z")));
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void aLateCreditTurnsAClosedMissedPeriodMetAndAWithdrawalTurnsItBack() {
        LocalDate day = LocalDate.of(2026, 12, 6);
        assertThat(task(day).missedPeriods()).contains("2026-09");

        projection.apply(new TaskCredited(TENANT, TASK, "late-plan", "c-late", "item-late", "news", "portal",
                Instant.parse("2026-09-09T01:30:00Z"), "2026-09", CreditBasis.EXPLICIT, 1, 1, 1));
        assertThat(task(day).missedPeriods()).doesNotContain("2026-09");

        projection.apply(new TaskCreditWithdrawn(TENANT, TASK, "late-plan", "c-late", "item-late", "2026-09",
                "Sai nhiệm vụ", "leader", Instant.parse("2026-12-06T03:00:00Z"), 0, 1, 0));
        assertThat(task(day).missedPeriods()).contains("2026-09");
    }

    private static CommuneDashboard.TaskView task(LocalDate day) {
        return dashboards.commune(TENANT, day).tasks().stream().filter(t -> t.taskId().equals(TASK)).findFirst()
                .orElseThrow();
    }
}
