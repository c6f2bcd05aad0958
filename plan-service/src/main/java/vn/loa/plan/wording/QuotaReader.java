package vn.loa.plan.wording;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;

/**
 * Reads a quota from a task's own words: "tối thiểu 01 tin/bài trong 01 tháng … (từ tháng 8/2025 đến tháng
 * 12/2025)" is {@code {1, MONTH, 2025-08, 2025-12}}, "06 tin/bài" {@code {6, PLAN}}, "Quy mô: 02 cuộc" {@code {2,
 * PLAN}}, "ít nhất 02 tin, bài …" with "Định kỳ hằng quý" {@code {2, QUARTER}}.
 *
 * <p>The text given is everything written about one task (title, description, scale, timeframe), because the count
 * and its period are often in different columns. A count needs a product noun after it ("02 tin/bài", "02 cuộc"),
 * so dates, percentages and "20 ngày" never pass for one. When the text is ambiguous (two different counts, two
 * periods, "định kỳ" with no period, a period with no count) the quota stays empty and the reason is a problem.
 */
public final class QuotaReader {

    private static final String UNIT = "(?:tin\\s*[/,]\\s*bai|tin\\s+bai|bai\\s+viet|ban\\s+tin|phong\\s+su"
            + "|video(?:\\s+clip)?|clip|file\\s+am\\s+thanh|san\\s+pham|cuoc(?:\\s+(?:doi\\s+thoai|thi|toa\\s+dam"
            + "|hoi\\s+thi|hoi\\s+nghi|hop))?|buoi|hoi\\s+nghi|lop|chuyen\\s+muc|chuyen\\s+de|pano|bang\\s+ron"
            + "|ap\\s+phich|to\\s+roi|infographic|anh|tin|bai)";

    /** A number followed by a product noun; never part of a date or a document number. */
    private static final Pattern COUNT = Pattern.compile("(?<![\\d/.,-])(\\d{1,3})\\s*" + UNIT + "(?![a-z])");

    /** Recurrence words, per period. OCR may read "Định" as "Pinh". */
    private static final Map<QuotaPeriod, Pattern> RECURRENCE = new LinkedHashMap<>();

    static {
        RECURRENCE.put(QuotaPeriod.MONTH, Pattern.compile(
                "\\b(?:moi|hang)\\s+thang\\b|\\btrong\\s+(?:01|1|mot)\\s+thang\\b|/\\s*thang\\b"));
        RECURRENCE.put(QuotaPeriod.QUARTER, Pattern.compile(
                "\\b(?:moi|hang)\\s+quy\\b|\\btrong\\s+(?:01|1|mot)\\s+quy\\b|/\\s*quy\\b"));
        RECURRENCE.put(QuotaPeriod.HALF_YEAR, Pattern.compile(
                "\\b(?:moi|hang|[dp]inh\\s+ky)\\s+(?:0?6|sau)\\s+thang\\b|/\\s*0?6\\s+thang\\b|\\bnua\\s+nam\\b"));
        RECURRENCE.put(QuotaPeriod.YEAR, Pattern.compile("\\b(?:moi|hang)\\s+nam\\b|/\\s*nam\\b"));
    }

    private static final Pattern PERIODIC = Pattern.compile("\\b[dp]inh\\s+ky\\b");

    /** "từ tháng 8/2025 đến tháng 12/2025", "từ tháng 8 đến tháng 12/2025". */
    private static final Pattern WINDOW = Pattern.compile(
            "\\btu\\s+thang\\s+(\\d{1,2})(?:\\s*(?:/|nam)\\s*(\\d{4}))?\\s*(?:den|toi)\\s+(?:het\\s+)?thang\\s+"
                    + "(\\d{1,2})\\s*(?:/|nam)\\s*(\\d{4})");

    /** Whether the text names a count of products at all ("06 tin/bài", "02 cuộc"), read or not. */
    public boolean mentionsCount(String text) {
        return COUNT.matcher(Words.folded(text)).find();
    }

    public Reading<Quota> read(String text) {
        String original = Words.clean(text);
        String f = Words.fold(original);
        List<Span> counts = Span.all(COUNT, f);
        Map<QuotaPeriod, Span> periods = periodsIn(f);

        if (counts.isEmpty()) {
            if (!periods.isEmpty()) {
                return Reading.unread("Có chu kỳ " + periods.values().iterator().next().quote(original)
                        + " nhưng không ghi số lượng: chưa đặt chỉ tiêu, hãy nhập nếu nhiệm vụ có chỉ tiêu.");
            }
            return Reading.nothing();
        }
        if (counts.stream().map(s -> s.number(1)).distinct().count() > 1) {
            return Reading.unread("Có nhiều số lượng khác nhau (" + quoteAll(counts, original)
                    + "): chưa đặt chỉ tiêu, hãy chọn một.");
        }
        Span count = counts.get(0);
        if (count.number(1) < 1) {
            return Reading.unread("Số lượng " + count.quote(original) + " phải từ 1 trở lên: chưa đặt chỉ tiêu.");
        }
        if (periods.size() > 1) {
            return Reading.unread("Có nhiều chu kỳ khác nhau (" + quoteAll(List.copyOf(periods.values()), original)
                    + ") cho " + count.quote(original) + ": chưa đặt chỉ tiêu, hãy chọn một.");
        }
        QuotaPeriod per;
        if (periods.isEmpty()) {
            Span periodic = Span.first(PERIODIC, f);
            if (periodic != null) {
                return Reading.unread("Có số lượng " + count.quote(original) + " nhưng " + periodic.quote(original)
                        + " không nói rõ chu kỳ (tháng, quý, năm): chưa đặt chỉ tiêu.");
            }
            per = QuotaPeriod.PLAN; // a count with no recurrence is for the whole plan: "06 tin/bài", "02 cuộc"
        } else {
            per = periods.keySet().iterator().next();
        }

        Span window = Span.first(WINDOW, f);
        if (window == null) {
            return Reading.of(new Quota(count.number(1), per, null, null));
        }
        int fromMonth = window.number(1);
        int toMonth = window.number(3);
        int toYear = window.number(4);
        int fromYear = window.has(2) ? window.number(2) : fromMonth <= toMonth ? toYear : toYear - 1;
        if (!isMonth(fromMonth) || !isMonth(toMonth)) {
            return Reading.unread("Tháng không hợp lệ trong " + window.quote(original) + ": chưa đặt chỉ tiêu.");
        }
        YearMonth from = YearMonth.of(fromYear, fromMonth);
        YearMonth to = YearMonth.of(toYear, toMonth);
        if (from.isAfter(to)) {
            return Reading.unread("Thời gian " + window.quote(original) + " bắt đầu sau khi kết thúc: "
                    + "chưa đặt chỉ tiêu.");
        }
        return Reading.of(new Quota(count.number(1), per, from, to));
    }

    private static boolean isMonth(int m) {
        return m >= 1 && m <= 12;
    }

    private static Map<QuotaPeriod, Span> periodsIn(String folded) {
        Map<QuotaPeriod, Span> found = new LinkedHashMap<>();
        RECURRENCE.forEach((period, pattern) -> {
            Span s = Span.first(pattern, folded);
            if (s != null) {
                found.put(period, s);
            }
        });
        return found;
    }

    private static String quoteAll(List<Span> spans, String original) {
        return String.join("; ", spans.stream().map(s -> s.quote(original)).toList());
    }
}
