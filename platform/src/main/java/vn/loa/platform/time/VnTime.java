package vn.loa.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Times as communes read and write them: zone Asia/Ho_Chi_Minh, dates dd/MM/yyyy. Parsing accepts ISO-8601 (with an
 * offset, or local in Asia/Ho_Chi_Minh) and Vietnamese forms ("02/09/2025 08:15", "02/09/2025").
 */
public final class VnTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A day as documents and screens show it: 02/09/2025. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    /** What people type: "02/09/2025 08:15", "2/9/2025 8:15", with or without seconds. */
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    /** "15/10/2025", "5/1/2025"; 31/02 is refused, not moved to 28/02. */
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private VnTime() {
    }

    /** "2025-09-02T08:15:00+07:00" (null stays null). */
    public static String offset(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** "02/09/2025 08:15". */
    public static String display(Instant instant) {
        return instant.atZone(ZONE).format(DATE_TIME);
    }

    public static String display(LocalDate date) {
        return date.format(DAY);
    }

    /** The commune's day an instant falls on. */
    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public static LocalDate today(Instant now) {
        return now.atZone(ZONE).toLocalDate();
    }

    /** The start of the day in Asia/Ho_Chi_Minh: 2025-10-15 → 2025-10-14T17:00:00Z. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** An instant from ISO-8601 (offset or local) or dd/MM/yyyy [HH:mm[:ss]]; a bare date means its start. */
    public static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDateTime.parse(t, TYPED).atZone(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            // next form
        }
        return date(t).map(VnTime::startOf);
    }

    /** A date from ISO ("2025-10-15") or dd/MM/yyyy ("15/10/2025"). */
    public static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(LocalDate.parse(t));
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Optional.of(LocalDate.parse(t, TYPED_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
