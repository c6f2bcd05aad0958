package vn.loa.plan.wording;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import vn.loa.contracts.plan.Due;
import vn.loa.plan.calendar.Period;

/**
 * Reads a task's due date from the plan's words, keeping the words: "Tháng 11/2026" is 30/11/2026, "Năm 2026"
 * 31/12/2026, "Quý III/2025" 30/09/2025, "Trong năm" the end of the plan's year, "Chậm nhất 20 ngày kể từ …" the
 * reference date plus 20 days (when the reference date is known). Recurring timeframes ("Định kỳ hằng tháng",
 * "Thường xuyên") have no date and need none. Anything else keeps its words, has no date and is a problem.
 */
public final class DueReader {

    /** What a timeframe may refer to: the plan's period ("Trong năm") and the day "kể từ" counts from. */
    public record Context(Period planPeriod, LocalDate referenceDate) {

        public static Context none() {
            return new Context(null, null);
        }
    }

    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(?:cham\\s+nhat|trong\\s+vong|trong\\s+thoi\\s+han|sau)\\s+(\\d{1,3})\\s+ngay\\s*(lam\\s+viec\\s*)?"
                    + "(?:ke\\s+tu|tinh\\s+tu)");
    private static final Pattern FULL_DATE = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})(?!\\d)"
                    + "|\\bngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})\\b");
    private static final Pattern QUARTER = Pattern.compile(
            "\\bquy\\s+(iv|iii|ii|i|[1-4])\\s*(?:/|nam\\b|\\s)\\s*(\\d{4})\\b");
    private static final Pattern HALF = Pattern.compile("\\b0?6\\s+thang\\s+(dau|cuoi)\\s+(?:nam\\s+)?(\\d{4})\\b");
    private static final Pattern MONTH = Pattern.compile(
            "(?<!tu\\s)\\bthang\\s+(\\d{1,2})\\s*(?:/|nam\\b)\\s*(\\d{4})\\b");
    private static final Pattern UNTIL_MONTH = Pattern.compile(
            "\\b(?:den|toi)\\s+(?:het\\s+)?thang\\s+(\\d{1,2})\\s*(?:/|nam\\b)\\s*(\\d{4})\\b");
    private static final Pattern YEARS = Pattern.compile("\\b(20\\d{2})\\s*-\\s*(20\\d{2})\\b");
    private static final Pattern YEAR = Pattern.compile("\\bnam\\s+(\\d{4})\\b");
    private static final Pattern IN_THE_YEAR = Pattern.compile("\\b(?:trong|ca)\\s+nam\\b(?!\\s*\\d)");
    private static final Pattern RECURRING = Pattern.compile(
            "\\b(?:hang|moi)\\s+(?:ngay|tuan|thang|quy|nam)\\b|\\bthuong\\s+xuyen\\b|\\blien\\s+tuc\\b");

    public Reading<Due> read(String text, Context context) {
        String original = Words.squeeze(text);
        if (original.isEmpty()) {
            return Reading.nothing();
        }
        String f = Words.fold(original);
        try {
            return readFolded(original, f, context);
        } catch (DateTimeException e) {
            return new Reading<>(new Due(null, original),
                    List.of("Ngày không hợp lệ trong \"" + original + "\": chưa đặt hạn."));
        }
    }

    private Reading<Due> readFolded(String original, String f, Context context) {
        Span relative = Span.first(RELATIVE, f);
        if (relative != null) {
            if (relative.has(2)) {
                return unread(original, "Hạn tính theo ngày làm việc " + relative.quote(original)
                        + ": hãy nhập ngày cụ thể.");
            }
            if (context.referenceDate() == null) {
                return unread(original, "Hạn " + relative.quote(original) + " tính từ một ngày chưa biết: "
                        + "hãy nhập ngày tham chiếu hoặc ngày cụ thể.");
            }
            return dated(context.referenceDate().plusDays(relative.number(1)), original);
        }
        List<Span> dates = Span.all(FULL_DATE, f);
        if (!dates.isEmpty()) {
            if (dates.size() > 1) {
                return unread(original, "Có nhiều ngày trong \"" + original + "\": hãy chọn một hạn.");
            }
            Span d = dates.get(0);
            return d.has(1)
                    ? dated(LocalDate.of(d.number(3), d.number(2), d.number(1)), original)
                    : dated(LocalDate.of(d.number(6), d.number(5), d.number(4)), original);
        }
        Span quarter = Span.first(QUARTER, f);
        if (quarter != null) {
            int q = switch (quarter.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            };
            return dated(YearMonth.of(quarter.number(2), q * 3).atEndOfMonth(), original);
        }
        Span half = Span.first(HALF, f);
        if (half != null) {
            return dated(YearMonth.of(half.number(2), half.group(1).equals("dau") ? 6 : 12).atEndOfMonth(), original);
        }
        Span until = Span.first(UNTIL_MONTH, f);
        if (until != null) {
            return dated(YearMonth.of(until.number(2), until.number(1)).atEndOfMonth(), original);
        }
        List<Span> months = Span.all(MONTH, f);
        if (!months.isEmpty()) {
            if (months.stream().map(s -> s.group(1) + "/" + s.group(2)).distinct().count() > 1) {
                return unread(original, "Có nhiều tháng trong \"" + original + "\": hãy chọn một hạn.");
            }
            return dated(YearMonth.of(months.get(0).number(2), months.get(0).number(1)).atEndOfMonth(), original);
        }
        Span years = Span.first(YEARS, f);
        if (years != null) {
            return dated(LocalDate.of(years.number(2), 12, 31), original);
        }
        List<Span> year = Span.all(YEAR, f);
        if (!year.isEmpty()) {
            if (year.stream().map(s -> s.group(1)).distinct().count() > 1) {
                return unread(original, "Có nhiều năm trong \"" + original + "\": hãy chọn một hạn.");
            }
            return dated(LocalDate.of(year.get(0).number(1), 12, 31), original);
        }
        if (Span.first(IN_THE_YEAR, f) != null) {
            Integer planYear = context.planPeriod() == null ? null : context.planPeriod().singleYear();
            if (planYear == null) {
                return unread(original, "\"" + original + "\" không ghi năm và thời gian kế hoạch không nằm trong "
                        + "một năm: hãy nhập hạn.");
            }
            return dated(LocalDate.of(planYear, 12, 31), original);
        }
        if (Span.first(RECURRING, f) != null) {
            return Reading.of(new Due(null, original)); // recurring: no single due date, and none is missing
        }
        return unread(original, "Không đọc được thời hạn \"" + original + "\": giữ nguyên văn, chưa có ngày.");
    }

    private static Reading<Due> dated(LocalDate date, String original) {
        return Reading.of(new Due(date, original));
    }

    private static Reading<Due> unread(String original, String problem) {
        return Reading.withProblem(new Due(null, original), problem);
    }
}
