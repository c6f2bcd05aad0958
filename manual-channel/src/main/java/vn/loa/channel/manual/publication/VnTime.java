package vn.loa.channel.manual.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Times as commune staff type and read them: Asia/Ho_Chi_Minh, "02/09/2025 08:15", or ISO-8601. */
final class VnTime {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private VnTime() {
    }

    /** "2025-09-02T08:15:00+07:00" (null stays null). */
    static String offset(Instant instant) {
        return instant == null ? null
                : instant.atZone(ZONE).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** ISO-8601 (with offset, or local in Asia/Ho_Chi_Minh) or dd/MM/yyyy [HH:mm[:ss]] (a bare date: its start). */
    static Optional<Instant> parse(String text) {
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
        try {
            return Optional.of(LocalDate.parse(t, TYPED_DATE).atStartOfDay(ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
