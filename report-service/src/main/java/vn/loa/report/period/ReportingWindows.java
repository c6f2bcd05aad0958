package vn.loa.report.period;

import vn.loa.platform.time.VnTime;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.platform.problem.InvalidInput;

/**
 * THE data cut-off rule of periodic reports (Decree 09/2019/NĐ-CP, Art. 12, and the provinces' rules built on it).
 * Reports do not use calendar periods: data is cut off on the {@code cutOffDay} (14 by default), so a report ending
 * with month M covers the (cutOffDay+1)-th of the month before its first month to the cutOffDay-th of M:
 *
 * <pre>
 * monthly  2025-M08  15/07/2025 → 14/08/2025
 * quarter  2025-Q1   15/12/2024 → 14/03/2025     (Q2 15/03→14/06, Q3 15/06→14/09, Q4 15/09→14/12)
 * 6 months 2025-H1   15/12/2024 → 14/06/2025
 * 9 months 2025-9M   15/12/2024 → 14/09/2025
 * annual   2025      15/12/2024 → 14/12/2025
 * custom   2025-08-01..2025-09-30   the days given, both inclusive
 * </pre>
 *
 * A province whose rules cut off on another day configures it ({@code loa.report.cut-off-day.<province code>});
 * every kind then moves together. Quotas, by contrast, count calendar months and quarters (task-service's buckets):
 * the two are kept apart and named apart ("kỳ chỉ tiêu" vs "kỳ báo cáo").
 */
public final class ReportingWindows {

    public static final int DEFAULT_CUT_OFF_DAY = 14;
    /** A custom range may not span more than this many days. */
    public static final int MAX_CUSTOM_DAYS = 731;

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-M(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H(\\d)");
    private static final Pattern NINE = Pattern.compile("(\\d{4})-9M");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern CUSTOM = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    private static final String FORMATS = "Kỳ báo cáo viết theo một trong các dạng: 2025-M08 (tháng), 2025-Q3 (quý),"
            + " 2025-H1 (6 tháng), 2025-9M (9 tháng), 2025 (năm) hoặc 2025-08-01..2025-09-30 (khoảng ngày tùy chọn).";

    private final int defaultCutOffDay;
    private final Map<String, Integer> cutOffDayByProvince;

    public ReportingWindows() {
        this(DEFAULT_CUT_OFF_DAY, Map.of());
    }

    public ReportingWindows(int defaultCutOffDay, Map<String, Integer> cutOffDayByProvince) {
        checkDay(defaultCutOffDay);
        cutOffDayByProvince.values().forEach(ReportingWindows::checkDay);
        this.defaultCutOffDay = defaultCutOffDay;
        this.cutOffDayByProvince = Map.copyOf(cutOffDayByProvince);
    }

    /** The cut-off day of a province (its communes' reports); the default when it has no rule of its own. */
    public int cutOffDay(String provinceCode) {
        return provinceCode == null ? defaultCutOffDay : cutOffDayByProvince.getOrDefault(provinceCode, defaultCutOffDay);
    }

    /** Parses a period label with the default cut-off day. */
    public ReportPeriod parse(String label) {
        return parse(label, null);
    }

    /**
     * Parses a period label for a province's communes.
     *
     * @throws InvalidInput (400, Vietnamese) when the label is unknown or malformed
     */
    public ReportPeriod parse(String label, String provinceCode) {
        int day = cutOffDay(provinceCode);
        String l = label == null ? "" : label.strip();
        Matcher m;
        if ((m = MONTH.matcher(l)).matches()) {
            int year = year(m.group(1), l);
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw invalid(l, "Tháng phải từ 01 đến 12.");
            }
            return window(l, PeriodKind.MONTH, year, month, YearMonth.of(year, month), 1, day);
        }
        if ((m = QUARTER.matcher(l)).matches()) {
            int year = year(m.group(1), l);
            int q = Integer.parseInt(m.group(2));
            if (q < 1 || q > 4) {
                throw invalid(l, "Quý phải từ 1 đến 4.");
            }
            return window(l, PeriodKind.QUARTER, year, q, YearMonth.of(year, q * 3), 3, day);
        }
        if ((m = HALF.matcher(l)).matches()) {
            int year = year(m.group(1), l);
            if (!"1".equals(m.group(2))) {
                throw invalid(l, "Chế độ báo cáo chỉ có báo cáo 6 tháng đầu năm (H1); 6 tháng cuối năm nằm trong"
                        + " báo cáo năm.");
            }
            return window(l, PeriodKind.HALF_YEAR, year, 1, YearMonth.of(year, 6), 6, day);
        }
        if ((m = NINE.matcher(l)).matches()) {
            int year = year(m.group(1), l);
            return window(l, PeriodKind.NINE_MONTHS, year, 1, YearMonth.of(year, 9), 9, day);
        }
        if ((m = YEAR.matcher(l)).matches()) {
            int year = year(m.group(1), l);
            return window(l, PeriodKind.YEAR, year, 1, YearMonth.of(year, 12), 12, day);
        }
        if ((m = CUSTOM.matcher(l)).matches()) {
            LocalDate from = date(m.group(1), l);
            LocalDate to = date(m.group(2), l);
            if (to.isBefore(from)) {
                throw invalid(l, "Ngày kết thúc (" + VnTime.display(to) + ") phải sau hoặc bằng ngày bắt đầu ("
                        + VnTime.display(from) + ").");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_CUSTOM_DAYS) {
                throw invalid(l, "Khoảng ngày tùy chọn dài tối đa " + MAX_CUSTOM_DAYS + " ngày.");
            }
            year(Integer.toString(from.getYear()), l);
            year(Integer.toString(to.getYear()), l);
            return new ReportPeriod(l, PeriodKind.CUSTOM, to.getYear(), 0, from, to);
        }
        throw invalid(l, FORMATS);
    }

    /** The period of a kind whose window contains a day (e.g. the quarter being reported on today). */
    public ReportPeriod containing(PeriodKind kind, LocalDate day, String provinceCode) {
        int cutOff = cutOffDay(provinceCode);
        // the data of a day after the cut-off day belongs to the next month's report
        YearMonth month = YearMonth.from(day);
        if (day.getDayOfMonth() > cutOff) {
            month = month.plusMonths(1);
        }
        int year = month.getYear();
        String label = switch (kind) {
            case MONTH -> "%d-M%02d".formatted(year, month.getMonthValue());
            case QUARTER -> year + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> month.getMonthValue() <= 6 ? year + "-H1" : Integer.toString(year);
            case NINE_MONTHS -> month.getMonthValue() <= 9 ? year + "-9M" : Integer.toString(year);
            case YEAR -> Integer.toString(year);
            case CUSTOM -> throw new IllegalArgumentException("a custom range is not found by a day");
        };
        return parse(label, provinceCode);
    }

    /** The window ending on the cut-off day of {@code lastMonth} and spanning {@code months} months. */
    private static ReportPeriod window(String label, PeriodKind kind, int year, int index, YearMonth lastMonth,
            int months, int cutOffDay) {
        LocalDate to = lastMonth.atDay(cutOffDay);
        LocalDate from = lastMonth.minusMonths(months).atDay(cutOffDay).plusDays(1);
        return new ReportPeriod(label, kind, year, index, from, to);
    }

    private static int year(String digits, String label) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2100) {
            throw invalid(label, "Năm của kỳ báo cáo phải từ 2000 đến 2100.");
        }
        return year;
    }

    private static LocalDate date(String iso, String label) {
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeException e) {
            throw invalid(label, "Ngày " + iso + " không có thật.");
        }
    }

    private static InvalidInput invalid(String label, String why) {
        String message = "Kỳ báo cáo '" + label + "' không hợp lệ. " + why;
        return new InvalidInput("period", message);
    }

    private static void checkDay(int day) {
        if (day < 1 || day > 28) {
            throw new IllegalArgumentException("a cut-off day is between 1 and 28, not " + day);
        }
    }
}
