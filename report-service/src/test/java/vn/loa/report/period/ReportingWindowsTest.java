package vn.loa.report.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.loa.platform.problem.InvalidInput;

class ReportingWindowsTest {

    private final ReportingWindows windows = new ReportingWindows();

    @ParameterizedTest(name = "{0} → {2}..{3}")
    @CsvSource({
        // monthly: 15th of the month before → 14th of the month, across the year end
        "2025-M08, MONTH,       2025-07-15, 2025-08-14, tháng 8 năm 2025",
        "2025-M01, MONTH,       2024-12-15, 2025-01-14, tháng 1 năm 2025",
        "2025-M12, MONTH,       2025-11-15, 2025-12-14, tháng 12 năm 2025",
        "2024-M03, MONTH,       2024-02-15, 2024-03-14, tháng 3 năm 2024",
        // quarterly: Q1 starts the year before
        "2025-Q1,  QUARTER,     2024-12-15, 2025-03-14, quý I năm 2025",
        "2025-Q2,  QUARTER,     2025-03-15, 2025-06-14, quý II năm 2025",
        "2025-Q3,  QUARTER,     2025-06-15, 2025-09-14, quý III năm 2025",
        "2025-Q4,  QUARTER,     2025-09-15, 2025-12-14, quý IV năm 2025",
        "2026-Q1,  QUARTER,     2025-12-15, 2026-03-14, quý I năm 2026",
        // 6 months, 9 months, annual: from 15/12 of the year before
        "2025-H1,  HALF_YEAR,   2024-12-15, 2025-06-14, 6 tháng đầu năm 2025",
        "2025-9M,  NINE_MONTHS, 2024-12-15, 2025-09-14, 9 tháng đầu năm 2025",
        "2025,     YEAR,        2024-12-15, 2025-12-14, năm 2025",
        "2026,     YEAR,        2025-12-15, 2026-12-14, năm 2026",
        // custom range: the days given
        "2025-08-01..2025-09-30, CUSTOM, 2025-08-01, 2025-09-30, từ ngày 01/08/2025 đến ngày 30/09/2025",
        "2025-12-20..2026-01-05, CUSTOM, 2025-12-20, 2026-01-05, từ ngày 20/12/2025 đến ngày 05/01/2026"})
    void everyKindHasItsCutOffWindow(String label, PeriodKind kind, LocalDate from, LocalDate to, String words) {
        ReportPeriod p = windows.parse(label);
        assertThat(p.kind()).isEqualTo(kind);
        assertThat(p.from()).isEqualTo(from);
        assertThat(p.to()).isEqualTo(to);
        assertThat(p.inWords()).isEqualTo(words);
        assertThat(p.label()).isEqualTo(label);
    }

    @Test
    void consecutiveMonthsAndQuartersTileTheYearWithoutGapOrOverlap() {
        LocalDate expected = LocalDate.parse("2024-12-15");
        for (int m = 1; m <= 12; m++) {
            ReportPeriod p = windows.parse("2025-M%02d".formatted(m));
            assertThat(p.from()).isEqualTo(expected);
            expected = p.to().plusDays(1);
        }
        assertThat(expected.minusDays(1)).isEqualTo(windows.parse("2025").to());
        expected = windows.parse("2025").from();
        for (int q = 1; q <= 4; q++) {
            ReportPeriod p = windows.parse("2025-Q" + q);
            assertThat(p.from()).isEqualTo(expected);
            expected = p.to().plusDays(1);
        }
        assertThat(expected).isEqualTo(windows.parse("2026-Q1").from());
    }

    @Test
    void theWindowIsTakenInHanoiTime() {
        ReportPeriod annual = windows.parse("2025");
        // 14/12/2025 23:30 in Hà Nội is 16:30 UTC: still in; 15/12/2025 00:00 Hà Nội (17:00 UTC on the 14th) is out
        assertThat(annual.contains(Instant.parse("2025-12-14T16:30:00Z"))).isTrue();
        assertThat(annual.contains(Instant.parse("2025-12-14T17:00:00Z"))).isFalse();
        assertThat(annual.contains(Instant.parse("2024-12-14T17:00:00Z"))).isTrue();
        assertThat(annual.contains(Instant.parse("2024-12-14T16:59:59Z"))).isFalse();
        assertThat(annual.windowInWords()).isEqualTo("từ ngày 15/12/2024 đến ngày 14/12/2025");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2025-Q5", "2025-Q0", "2025-M13", "2025-M00", "2025-M8", "25-Q1", "2025-H2",
        "2025-H3", "1999", "2101-Q1", "2025-8M", "2025-09-31..2025-10-01", "2025-10-01..2025-09-30",
        "2023-01-01..2025-12-31", "Q3-2025", "2025-q3", "abc"})
    void malformedOrUnknownPeriodsAreRefusedInVietnamese(String label) {
        assertThatThrownBy(() -> windows.parse(label))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("Kỳ báo cáo '" + label + "' không hợp lệ.")
                .satisfies(e -> assertThat(((InvalidInput) e).fields()).extracting("field").containsExactly("period"));
    }

    @Test
    void aProvinceWithItsOwnCutOffDayMovesEveryKind() {
        ReportingWindows custom = new ReportingWindows(14, Map.of("56", 20));
        assertThat(custom.parse("2025-Q1", "56").from()).isEqualTo(LocalDate.parse("2024-12-21"));
        assertThat(custom.parse("2025-Q1", "56").to()).isEqualTo(LocalDate.parse("2025-03-20"));
        assertThat(custom.parse("2025", "56").to()).isEqualTo(LocalDate.parse("2025-12-20"));
        assertThat(custom.parse("2025-Q1", "31").to()).isEqualTo(LocalDate.parse("2025-03-14"));
        assertThatThrownBy(() -> new ReportingWindows(29, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{1} on {0}: {2}")
    @CsvSource({
        "2025-09-14, QUARTER, 2025-Q3",
        "2025-09-15, QUARTER, 2025-Q4",
        "2025-12-14, QUARTER, 2025-Q4",
        "2025-12-15, QUARTER, 2026-Q1",
        "2025-12-31, YEAR,    2026",
        "2025-12-14, YEAR,    2025",
        "2025-08-20, MONTH,   2025-M09",
        "2025-12-20, MONTH,   2026-M01"})
    void thePeriodOfADayFollowsTheCutOff(LocalDate day, PeriodKind kind, String label) {
        ReportPeriod p = windows.containing(kind, day, null);
        assertThat(p.label()).isEqualTo(label);
        assertThat(p.contains(day)).isTrue();
    }
}
