package vn.loa.task.task;

import vn.loa.platform.time.VnTime;
import java.time.Instant;
import java.util.List;

/**
 * Status of a task and of its buckets at an instant. Derived on reading, never stored: it depends on the clock, and
 * what is stored (credits, closings) stays the single source of truth.
 */
public final class Progress {

    private final AtRiskRule atRisk;

    public Progress(AtRiskRule atRisk) {
        this.atRisk = atRisk;
    }

    /** One bucket's status; {@code atRisk} only ever true for an OPEN bucket. */
    public record BucketProgress(Bucket bucket, BucketStatus status, boolean atRisk) {
    }

    public BucketProgress of(Bucket b, Instant now) {
        if (b.notApplicable()) {
            // ended before the plan was issued: whatever it holds, it is neither met nor missed
            return new BucketProgress(b, BucketStatus.NOT_APPLICABLE, false);
        }
        if (b.cancelled()) {
            return new BucketProgress(b, BucketStatus.CANCELLED, false);
        }
        if (b.closed() || !now.isBefore(b.end())) {
            // an ended period is judged at once, even in the minute before the closer records it
            return new BucketProgress(b, b.met() ? BucketStatus.MET : BucketStatus.MISSED, false);
        }
        if (now.isBefore(b.start())) {
            return new BucketProgress(b, BucketStatus.UPCOMING, false);
        }
        if (b.target() > 0 && b.met()) {
            return new BucketProgress(b, BucketStatus.MET, false);
        }
        return new BucketProgress(b, BucketStatus.OPEN, atRisk.atRisk(b, b.asPeriod().elapsedAt(now)));
    }

    public List<BucketProgress> buckets(Task task, Instant now) {
        return task.buckets().stream().map(b -> of(b, now)).toList();
    }

    /**
     * WITHDRAWN if the plan withdrew it; else DONE when every bucket met its target (a task without a quota: once
     * it has a credit); else OVERDUE once its due date has passed; else BEHIND if a closed bucket missed; else
     * AT_RISK if a running bucket is at risk; else ON_TRACK. Cancelled buckets and buckets that do not apply are left
     * out of every one of these.
     */
    public TaskStatus of(Task task, Instant now) {
        List<BucketProgress> buckets = buckets(task, now).stream()
                .filter(b -> b.status() != BucketStatus.CANCELLED && b.status() != BucketStatus.NOT_APPLICABLE)
                .toList();
        boolean done = task.quota() == null
                ? task.credited() > 0
                : !buckets.isEmpty() && buckets.stream().allMatch(b -> b.bucket().met());
        if (task.state() == TaskState.WITHDRAWN) {
            return TaskStatus.WITHDRAWN;
        }
        if (done) {
            return TaskStatus.DONE;
        }
        if (task.dueDate() != null && !now.isBefore(VnTime.startOf(task.dueDate().plusDays(1)))) {
            return TaskStatus.OVERDUE;
        }
        if (buckets.stream().anyMatch(b -> b.status() == BucketStatus.MISSED)) {
            return TaskStatus.BEHIND;
        }
        if (buckets.stream().anyMatch(BucketProgress::atRisk)) {
            return TaskStatus.AT_RISK;
        }
        return TaskStatus.ON_TRACK;
    }
}
