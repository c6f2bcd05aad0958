package vn.loa.task.quota;

import vn.loa.platform.time.VnTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

    /**
     * Whether the period ended before a local day began: its last day is earlier than {@code day}. A plan issued on
     * 05/09/2025 finds August (and the first two quarters) ended before it; September and the third quarter had not.
     */
    public boolean endedBefore(LocalDate day) {
        return !end.isAfter(VnTime.startOf(day));
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
