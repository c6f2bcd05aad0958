package vn.loa.task.task;

import java.time.Instant;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.task.quota.Period;

/**
 * One period bucket of a task: its window, its target (the quota count; 0 for a task without a quota) and the
 * credits counted in it. {@code closed} once its period ended (or the plan closed); {@code cancelled} when the task
 * was withdrawn from the plan before the period ended: a cancelled bucket is never closed nor judged.
 */
public record Bucket(String period, Instant start, Instant end, int target, int credited, boolean closed,
        boolean cancelled) {

    static Bucket open(Period period, int target) {
        return new Bucket(period.label(), period.start(), period.end(), target, 0, false, false);
    }

    public Period asPeriod() {
        return new Period(period, start, end);
    }

    public boolean contains(Instant instant) {
        return asPeriod().contains(instant);
    }

    public boolean met() {
        return credited >= target;
    }

    public PeriodOutcome outcome() {
        return met() ? PeriodOutcome.MET : PeriodOutcome.MISSED;
    }

    /** Still to be closed by the period closer at {@code now}. */
    public boolean endedAndOpen(Instant now) {
        return !closed && !cancelled && !end.isAfter(now);
    }

    Bucket withCredited(int count) {
        return new Bucket(period, start, end, target, count, closed, cancelled);
    }

    Bucket withTarget(int count) {
        return new Bucket(period, start, end, count, credited, closed, cancelled);
    }

    Bucket closing() {
        return new Bucket(period, start, end, target, credited, true, cancelled);
    }

    Bucket cancelling() {
        return new Bucket(period, start, end, target, credited, closed, true);
    }
}
