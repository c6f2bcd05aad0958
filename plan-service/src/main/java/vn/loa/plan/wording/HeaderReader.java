package vn.loa.plan.wording;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import vn.loa.plan.calendar.Period;

/**
 * Reads the lines at the head of an administrative document (Decree 30/2020 layout): "Số: 21/KH-UBND", "Nguyễn
 * Lương Bằng, ngày 07 tháng 8 năm 2025", and the period a plan's title names ("… năm 2026", "… 6 tháng cuối năm
 * 2025"). Tolerates what OCR does to them: "S6:21 /KH - UBND Nguyén Lirong Bang , ngay7 thing 8 ndm 2025".
 */
public final class HeaderReader {

    /** Where and when a document was signed, as far as the line says. */
    public record PlaceAndDate(String place, LocalDate date) {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "\\bs[o6]\\s*:\\s*([\\d.…]*)\\s*/\\s*([a-z]{1,8}(?:\\s*-\\s*[a-z0-9]{1,10}){0,3})\\b");
    /** "ngày 07 tháng 8 năm 2025"; OCR turns "tháng" into "thing" and "năm" into "ndm". */
    private static final Pattern DATE = Pattern.compile(
            "\\bngay\\s*(\\d{1,2})?\\s*th[a-z]{2,3}\\s*(\\d{1,2})\\s*n[a-z]{1,2}\\s*(\\d{4})\\b");

    private static final Pattern HALF_YEAR = Pattern.compile("\\b0?6\\s+thang\\s+(dau|cuoi)\\s+nam\\s+(\\d{4})\\b");
    private static final Pattern YEARS = Pattern.compile("\\bgiai\\s+doan\\s+(20\\d{2})\\s*-\\s*(20\\d{2})\\b");
    private static final Pattern YEAR = Pattern.compile("\\bnam\\s+(20\\d{2})\\b");

    /** The document number and symbol ("21/KH-UBND"), or null with a problem when the line has no number. */
    public Reading<String> number(String line) {
        String original = Words.clean(line);
        Span s = Span.first(NUMBER, Words.fold(original));
        if (s == null) {
            return Reading.nothing();
        }
        String symbol = s.original(original, 2).replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        String digits = s.group(1).replaceAll("[^\\d]", "");
        if (digits.isEmpty()) {
            return Reading.unread("Văn bản chưa có số (" + s.quote(original) + "): hãy nhập số ký hiệu.");
        }
        return Reading.of(digits + "/" + symbol);
    }

    /** The place and the date of a "…, ngày … tháng … năm …" line; the date is null (a problem) when incomplete. */
    public Reading<PlaceAndDate> placeAndDate(String line) {
        String original = Words.clean(line);
        String f = Words.fold(original);
        Span date = Span.first(DATE, f);
        if (date == null) {
            return Reading.nothing();
        }
        Span number = Span.first(NUMBER, f);
        int placeStart = number != null && number.end() <= date.start() ? number.end() : 0;
        String place = original.substring(placeStart, date.start()).replaceAll("[\\s,]+$", "").strip();
        place = place.isEmpty() ? null : place;
        if (!date.has(1)) {
            return Reading.withProblem(new PlaceAndDate(place, null),
                    "Ngày ban hành chưa đủ (" + date.quote(original) + "): hãy nhập ngày.");
        }
        try {
            return Reading.of(new PlaceAndDate(place, LocalDate.of(date.number(3), date.number(2), date.number(1))));
        } catch (DateTimeException e) {
            return Reading.withProblem(new PlaceAndDate(place, null),
                    "Ngày ban hành không hợp lệ (" + date.quote(original) + "): hãy nhập ngày.");
        }
    }

    /** The period a plan's title names: a year, a half year or "giai đoạn 2026 - 2030". */
    public Reading<Period> periodOfTitle(String title) {
        String original = Words.clean(title);
        String f = Words.fold(original);
        Span half = Span.first(HALF_YEAR, f);
        if (half != null) {
            int year = half.number(2);
            return Reading.of(half.group(1).equals("dau")
                    ? Period.months(YearMonth.of(year, 1), YearMonth.of(year, 6))
                    : Period.months(YearMonth.of(year, 7), YearMonth.of(year, 12)));
        }
        Span years = Span.first(YEARS, f);
        if (years != null && years.number(1) <= years.number(2)) {
            return Reading.of(new Period(LocalDate.of(years.number(1), 1, 1), LocalDate.of(years.number(2), 12, 31)));
        }
        var found = Span.all(YEAR, f).stream().map(s -> s.number(1)).distinct().toList();
        if (found.size() == 1) {
            return Reading.of(Period.year(found.get(0)));
        }
        return Reading.unread("Không xác định được thời gian thực hiện từ tên kế hoạch \"" + Words.squeeze(title)
                + "\": hãy nhập thời gian thực hiện.");
    }
}
