package vn.loa.task.task.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.task.task.BucketStatus;
import vn.loa.task.task.Credit;
import vn.loa.task.task.Progress;
import vn.loa.task.task.Task;
import vn.loa.task.task.TaskQuota;
import vn.loa.task.task.TaskStatus;

/** What the API shows of a task. */
final class TaskViews {

    private TaskViews() {
    }

    /** A task in a plan's list. */
    record TaskSummary(String id, String planId, int order, String title, String leadUnit, TaskQuota quota,
            int credited, TaskStatus status, List<PeriodView> periods, LocalDate dueDate, String dueText) {
    }

    /** One task with everything that explains its counts: its terms and every credit, withdrawn ones included. */
    record TaskDetail(String id, String planId, int order, String title, String leadUnit,
            List<String> coordinatingUnits, List<String> productKinds, List<String> channels, TaskQuota quota,
            int credited, TaskStatus status, List<PeriodView> periods, LocalDate dueDate, String dueText,
            List<CreditView> credits) {
    }

    /**
     * A bucket: {@code period} is "2025-08", "2025-Q3", "2025-H2", "2025" or "PLAN"; {@code statusLabel} the
     * status in Vietnamese ("Không áp dụng" for a period that ended before the plan was issued).
     */
    record PeriodView(String period, Instant start, Instant end, int target, int credited, BucketStatus status,
            String statusLabel, boolean atRisk) {
    }

    /** Why the task was credited: which item, on which channel, when, explicit or matched; and if taken back. */
    record CreditView(String id, String itemId, String kind, String channel, Instant publishedAt, String period,
            CreditBasis basis, Instant creditedAt, WithdrawalView withdrawn) {
    }

    /** {@code by} is null when the credit was taken back automatically (the item was retracted everywhere). */
    record WithdrawalView(Instant at, String by, String reason) {
    }

    static TaskSummary summary(Task t, Progress progress, Instant now) {
        return new TaskSummary(t.taskId(), t.planId(), t.order(), t.title(), t.leadUnit(), t.quota(), t.credited(),
                progress.of(t, now), periods(t, progress, now), t.dueDate(), t.dueText());
    }

    static TaskDetail detail(Task t, Progress progress, Instant now) {
        return new TaskDetail(t.taskId(), t.planId(), t.order(), t.title(), t.leadUnit(), t.coordinatingUnits(),
                t.currentTerms().productKinds(), t.currentTerms().channels(), t.quota(), t.credited(),
                progress.of(t, now), periods(t, progress, now), t.dueDate(), t.dueText(),
                t.credits().stream().map(TaskViews::credit).toList());
    }

    private static List<PeriodView> periods(Task t, Progress progress, Instant now) {
        return progress.buckets(t, now).stream()
                .map(p -> new PeriodView(p.bucket().period(), p.bucket().start(), p.bucket().end(),
                        p.bucket().target(), p.bucket().credited(), p.status(), p.status().label(), p.atRisk()))
                .toList();
    }

    private static CreditView credit(Credit c) {
        WithdrawalView withdrawn = c.withdrawal() == null ? null
                : new WithdrawalView(c.withdrawal().at(), c.withdrawal().by(), c.withdrawal().reason());
        return new CreditView(c.creditId(), c.itemId(), c.kind(), c.channel(), c.publishedAt(), c.period(), c.basis(),
                c.creditedAt(), withdrawn);
    }
}
