package vn.loa.task.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One period bucket of a quota: a label ({@code "2025-08"}, {@code "2025-Q3"}, {@code "2025-H2"}, {@code "2025"},
 * {@code "PLAN"}) and the half-open interval {@code [start, end)} it covers, already clipped to the quota window.
 */
public record Period(String label, Instant start, Instant end) {

    public Period {
        Objects.requireNonNull(label, "label");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("A period ends after it starts: " + label);
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public boolean overlaps(Period other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** How much of the period has gone by at {@code now}, from 0 (not started) to 1 (ended). */
    public double elapsedAt(Instant now) {
        if (!now.isAfter(start)) {
            return 0;
        }
        if (!now.isBefore(end)) {
            return 1;
        }
        return (double) Duration.between(start, now).toMillis() / Duration.between(start, end).toMillis();
    }
}
