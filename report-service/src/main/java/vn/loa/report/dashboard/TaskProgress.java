package vn.loa.report.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.projection.TaskRecord.Closing;

/**
 * A task's status on a day, derived on reading from what the read model holds (never stored: it depends on the
 * clock). Same rule as task-service: WITHDRAWN; DONE when every bucket met (no quota: one credit); OVERDUE after the
 * due date; BEHIND when an ended bucket missed; AT_RISK when more than {@code elapsed} of the running bucket is gone
 * with less than {@code met} of its target; else ON_TRACK. A bucket whose period ended before the plan was issued is
 * NOT_APPLICABLE ("Không áp dụng", ADR 0004) and takes no part in any of these.
 */
public final class TaskProgress {

    public static final double ELAPSED = 0.5;
    public static final double MET = 0.5;

    /** The status of a bucket that does not apply: its period had ended before the plan was issued. */
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    /** One bucket judged on a day. */
    public record BucketState(Bucket bucket, int credited, String status, boolean atRisk, long daysLeft) {

        public boolean met() {
            return credited >= bucket.target();
        }

        public boolean applicable() {
            return bucket.applicable();
        }

        /** The status in Vietnamese, as the web app shows it. */
        public String statusLabel() {
            return label(status);
        }
    }

    /** Vietnamese word for a bucket status (the same words as the web app). */
    public static String label(String status) {
        return switch (status) {
            case "UPCOMING" -> "Chưa đến kỳ";
            case "OPEN" -> "Đang thực hiện";
            case "MET" -> "Đạt";
            case "MISSED" -> "Không đạt";
            case NOT_APPLICABLE -> "Không áp dụng";
            default -> status;
        };
    }

    private TaskProgress() {
    }

    public static List<BucketState> buckets(TaskRecord task, PlanRecord plan, LocalDate today) {
        return Buckets.of(task.quota(), plan).stream().map(b -> judge(task, b, today)).toList();
    }

    static BucketState judge(TaskRecord task, Bucket b, LocalDate today) {
        int credited = task.credited(b.period());
        if (!b.applicable()) {
            // before the plan was issued: even a closing read from an older task-service does not make it missed
            return new BucketState(b, credited, NOT_APPLICABLE, false, 0);
        }
        Optional<Closing> closing = task.closings().stream().filter(c -> c.period().equals(b.period())).findFirst();
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, b.to()) + 1);
        if (closing.isPresent()) {
            // judged on the count, as task-service does (docs/crediting.md): a late credit — an item recorded as
            // published elsewhere after its period had closed — turns a MISSED period MET; TaskPeriodClosed is not
            // sent again, its snapshot is only what the closer counted at the time
            return new BucketState(b, credited, credited >= b.target() ? "MET" : "MISSED", false, 0);
        }
        if (today.isAfter(b.to())) {
            return new BucketState(b, credited, credited >= b.target() ? "MET" : "MISSED", false, 0);
        }
        if (today.isBefore(b.from())) {
            return new BucketState(b, credited, "UPCOMING", false, daysLeft);
        }
        if (b.target() > 0 && credited >= b.target()) {
            return new BucketState(b, credited, "MET", false, daysLeft);
        }
        double days = ChronoUnit.DAYS.between(b.from(), b.to()) + 1;
        double elapsed = ChronoUnit.DAYS.between(b.from(), today) / days;
        boolean atRisk = elapsed > ELAPSED && credited < b.target() * MET;
        return new BucketState(b, credited, "OPEN", atRisk, daysLeft);
    }

    public static TaskStatus status(TaskRecord task, List<BucketState> all, LocalDate today) {
        List<BucketState> buckets = all.stream().filter(BucketState::applicable).toList();
        if (!task.defined()) {
            return TaskStatus.UNKNOWN;
        }
        if (task.withdrawn()) {
            return TaskStatus.WITHDRAWN;
        }
        boolean done = task.quota() == null
                ? task.totalCredited() > 0
                : !buckets.isEmpty() && buckets.stream().allMatch(BucketState::met);
        if (done) {
            return TaskStatus.DONE;
        }
        if (task.dueDate() != null && today.isAfter(task.dueDate())) {
            return TaskStatus.OVERDUE;
        }
        if (buckets.stream().anyMatch(b -> "MISSED".equals(b.status()))) {
            return TaskStatus.BEHIND;
        }
        if (buckets.stream().anyMatch(BucketState::atRisk)) {
            return TaskStatus.AT_RISK;
        }
        return TaskStatus.ON_TRACK;
    }

    /**
     * The bucket running on a day, else the next one, else the last one — among the buckets that apply, if any does
     * (a plan issued after its last period ended shows that period, not applicable).
     */
    public static Optional<BucketState> current(List<BucketState> all, LocalDate today) {
        List<BucketState> applicable = all.stream().filter(BucketState::applicable).toList();
        List<BucketState> buckets = applicable.isEmpty() ? all : applicable;
        return buckets.stream().filter(b -> !today.isBefore(b.bucket().from()) && !today.isAfter(b.bucket().to()))
                .findFirst()
                .or(() -> buckets.stream().filter(b -> today.isBefore(b.bucket().from())).findFirst())
                .or(() -> buckets.isEmpty() ? Optional.empty() : Optional.of(buckets.getLast()));
    }
}
