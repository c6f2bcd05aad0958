package vn.loa.task.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Communes live in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): calendar periods and due dates are taken there. */
public final class CommuneTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private CommuneTime() {
    }

    /** The instant a local day begins, e.g. 2025-09-01 → 2025-08-31T17:00:00Z. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** The local day an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }
}
