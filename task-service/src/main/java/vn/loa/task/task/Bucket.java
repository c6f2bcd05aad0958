package vn.loa.task.task;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.PersistenceCreator;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.task.quota.Period;

/**
 * One period bucket of a task: its window, its target (the quota count; 0 for a task without a quota) and the
 * credits counted in it. {@code closed} once its period ended (or the plan closed); {@code cancelled} when the task
 * was withdrawn from the plan before the period ended: a cancelled bucket is never closed nor judged.
 * {@code notApplicable} when its period had ended before the plan was issued (ADR 0004): it takes no credit, is never
 * closed nor judged, and shows as "Không áp dụng" — never as missed. Buckets stored before the field existed read
 * it as false (applicable), as they were.
 */
public record Bucket(String period, Instant start, Instant end, int target, int credited, boolean closed,
        boolean cancelled, boolean notApplicable) {

    /** A bucket as stored; one written before {@code notApplicable} existed has none: it applies. */
    @PersistenceCreator
    static Bucket stored(String period, Instant start, Instant end, int target, int credited, boolean closed,
            boolean cancelled, Boolean notApplicable) {
        return new Bucket(period, start, end, target, credited, closed, cancelled, Boolean.TRUE.equals(notApplicable));
    }

    /** A new bucket of a plan issued on {@code issuedOn} (null: unknown, every period applies). */
    static Bucket open(Period period, int target, LocalDate issuedOn) {
        return new Bucket(period.label(), period.start(), period.end(), target, 0, false, false,
                issuedOn != null && period.endedBefore(issuedOn));
    }

    public Period asPeriod() {
        return new Period(period, start, end);
    }

    public boolean contains(Instant instant) {
        return asPeriod().contains(instant);
    }

    /** Whether the bucket counts at all: its period had not ended when the plan was issued. */
    public boolean applicable() {
        return !notApplicable;
    }

    public boolean met() {
        return credited >= target;
    }

    public PeriodOutcome outcome() {
        return met() ? PeriodOutcome.MET : PeriodOutcome.MISSED;
    }

    /** Still to be closed by the period closer at {@code now}; a bucket that does not apply is never closed. */
    public boolean endedAndOpen(Instant now) {
        return !closed && !cancelled && !notApplicable && !end.isAfter(now);
    }

    Bucket withCredited(int count) {
        return new Bucket(period, start, end, target, count, closed, cancelled, notApplicable);
    }

    Bucket withTarget(int count) {
        return new Bucket(period, start, end, count, credited, closed, cancelled, notApplicable);
    }

    Bucket closing() {
        return new Bucket(period, start, end, target, credited, true, cancelled, notApplicable);
    }

    Bucket cancelling() {
        return new Bucket(period, start, end, target, credited, closed, true, notApplicable);
    }
}
