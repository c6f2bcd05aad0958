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
 * with less than {@code met} of its target; else ON_TRACK.
 */
public final class TaskProgress {

    public static final double ELAPSED = 0.5;
    public static final double MET = 0.5;

    /** One bucket judged on a day. */
    public record BucketState(Bucket bucket, int credited, String status, boolean atRisk, long daysLeft) {

        public boolean met() {
            return credited >= bucket.target();
        }
    }

    private TaskProgress() {
    }

    public static List<BucketState> buckets(TaskRecord task, PlanRecord plan, LocalDate today) {
        return Buckets.of(task.quota(), plan).stream().map(b -> judge(task, b, today)).toList();
    }

    static BucketState judge(TaskRecord task, Bucket b, LocalDate today) {
        Optional<Closing> closing = task.closings().stream().filter(c -> c.period().equals(b.period())).findFirst();
        int credited = task.credited(b.period());
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, b.to()) + 1);
        if (closing.isPresent()) {
            return new BucketState(b, closing.get().credited(), closing.get().outcome(), false, 0);
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

    public static TaskStatus status(TaskRecord task, List<BucketState> buckets, LocalDate today) {
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

    /** The bucket running on a day, else the next one, else the last one. */
    public static Optional<BucketState> current(List<BucketState> buckets, LocalDate today) {
        return buckets.stream().filter(b -> !today.isBefore(b.bucket().from()) && !today.isAfter(b.bucket().to()))
                .findFirst()
                .or(() -> buckets.stream().filter(b -> today.isBefore(b.bucket().from())).findFirst())
                .or(() -> buckets.isEmpty() ? Optional.empty() : Optional.of(buckets.getLast()));
    }
}
