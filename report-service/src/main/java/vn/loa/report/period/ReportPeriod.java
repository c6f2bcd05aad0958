package vn.loa.report.period;

import vn.loa.platform.time.VnTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A reporting period: its label as written in the API ({@code 2025-Q3}), its kind, and its data cut-off window — the
 * local days {@code from}..{@code to}, both inclusive (Asia/Ho_Chi_Minh). Made by {@link ReportingWindows}, the one
 * place that knows the cut-off rule.
 */
public record ReportPeriod(String label, PeriodKind kind, int year, int index, LocalDate from, LocalDate to) {

    private static final String[] ROMAN = {"", "I", "II", "III", "IV"};

    public ReportPeriod {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
        }
    }

    /** The first instant of the window. */
    public Instant start() {
        return VnTime.startOf(from);
    }

    /** The first instant after the window (half-open end). */
    public Instant end() {
        return VnTime.startOf(to.plusDays(1));
    }

    public boolean contains(Instant instant) {
        return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The period in words, as the report's title says it: "quý III năm 2025", "6 tháng đầu năm 2025"… */
    public String inWords() {
        return switch (kind) {
            case MONTH -> "tháng " + index + " năm " + year;
            case QUARTER -> "quý " + ROMAN[index] + " năm " + year;
            case HALF_YEAR -> "6 tháng đầu năm " + year;
            case NINE_MONTHS -> "9 tháng đầu năm " + year;
            case YEAR -> "năm " + year;
            case CUSTOM -> "từ ngày " + VnTime.display(from) + " đến ngày " + VnTime.display(to);
        };
    }

    /** The window in words: "từ ngày 15/06/2025 đến ngày 14/09/2025". */
    public String windowInWords() {
        return "từ ngày " + VnTime.display(from) + " đến ngày " + VnTime.display(to);
    }
}
