package vn.loa.task.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.QuotaPeriod;

/** Bucket arithmetic in the commune's time zone (UTC+7): a local midnight is 17:00Z the day before. */
class PeriodsTest {

    private static final LocalDate PLAN_FROM = LocalDate.of(2025, 8, 1);
    private static final LocalDate PLAN_TO = LocalDate.of(2025, 12, 31);

    @Test
    void aMonthlyQuotaFromAugustToDecemberHasFiveBucketsBetweenLocalMidnights() {
        List<Period> months = Periods.of(QuotaPeriod.MONTH, LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 31));

        assertThat(months).extracting(Period::label)
                .containsExactly("2025-08", "2025-09", "2025-10", "2025-11", "2025-12");
        assertThat(months.get(0).start()).isEqualTo(Instant.parse("2025-07-31T17:00:00Z"));
        assertThat(months.get(0).end()).isEqualTo(Instant.parse("2025-08-31T17:00:00Z"));
        assertThat(months.get(4).end()).isEqualTo(Instant.parse("2025-12-31T17:00:00Z"));
    }

    @Test
    void aPublicationAt2330OnTheLastDayOfAMonthLandsInThatMonth() {
        List<Period> months = Periods.of(QuotaPeriod.MONTH, PLAN_FROM, PLAN_TO);
        Instant lateOnAugust31 = Instant.parse("2025-08-31T16:30:00Z"); // 23:30 in Hà Nội
        Instant midnightSeptember1 = Instant.parse("2025-08-31T17:00:00Z");

        assertThat(bucketOf(months, lateOnAugust31)).isEqualTo("2025-08");
        assertThat(bucketOf(months, midnightSeptember1)).isEqualTo("2025-09");
        assertThat(bucketOf(months, Instant.parse("2025-08-31T16:59:59.999Z"))).isEqualTo("2025-08");
    }

    @Test
    void quartersAreCalendarQuartersClippedToTheWindow() {
        List<Period> quarters = Periods.of(QuotaPeriod.QUARTER, PLAN_FROM, PLAN_TO);

        assertThat(quarters).extracting(Period::label).containsExactly("2025-Q3", "2025-Q4");
        // Q3 runs from the window's start (1 August), not from 1 July
        assertThat(quarters.get(0).start()).isEqualTo(Instant.parse("2025-07-31T17:00:00Z"));
        assertThat(quarters.get(0).end()).isEqualTo(Instant.parse("2025-09-30T17:00:00Z"));
        assertThat(bucketOf(quarters, Instant.parse("2025-09-30T16:59:59Z"))).isEqualTo("2025-Q3");
        assertThat(bucketOf(quarters, Instant.parse("2025-09-30T17:00:00Z"))).isEqualTo("2025-Q4");
    }

    @Test
    void halfYearsSplitAtTheFirstOfJulyLocalTime() {
        List<Period> halves = Periods.of(QuotaPeriod.HALF_YEAR, LocalDate.of(2025, 3, 1), LocalDate.of(2026, 2, 28));

        assertThat(halves).extracting(Period::label).containsExactly("2025-H1", "2025-H2", "2026-H1");
        assertThat(bucketOf(halves, Instant.parse("2025-06-30T16:59:59Z"))).isEqualTo("2025-H1");
        assertThat(bucketOf(halves, Instant.parse("2025-06-30T17:00:00Z"))).isEqualTo("2025-H2");
        assertThat(halves.get(2).end()).isEqualTo(Instant.parse("2026-02-28T17:00:00Z"));
    }

    @Test
    void yearsSplitAtLocalNewYear() {
        List<Period> years = Periods.of(QuotaPeriod.YEAR, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 2, 28));

        assertThat(years).extracting(Period::label).containsExactly("2025", "2026");
        assertThat(bucketOf(years, Instant.parse("2025-12-31T16:30:00Z"))).isEqualTo("2025");
        assertThat(bucketOf(years, Instant.parse("2025-12-31T17:00:00Z"))).isEqualTo("2026");
    }

    @Test
    void aPlanQuotaIsOneBucketOverTheWholeWindow() {
        assertThat(Periods.of(QuotaPeriod.PLAN, PLAN_FROM, PLAN_TO)).containsExactly(new Period("PLAN",
                Instant.parse("2025-07-31T17:00:00Z"), Instant.parse("2025-12-31T17:00:00Z")));
    }

    @Test
    void aQuotaWithoutMonthsRunsOverThePlanPeriodAndOneWithMonthsOverThoseMonths() {
        assertThat(QuotaWindow.of(null, null, PLAN_FROM, PLAN_TO)).isEqualTo(new QuotaWindow(PLAN_FROM, PLAN_TO));
        assertThat(QuotaWindow.of(YearMonth.of(2025, 10), null, PLAN_FROM, PLAN_TO))
                .isEqualTo(new QuotaWindow(LocalDate.of(2025, 10, 1), PLAN_TO));
        assertThat(QuotaWindow.of(YearMonth.of(2025, 9), YearMonth.of(2025, 11), PLAN_FROM, PLAN_TO)
                .periods(QuotaPeriod.MONTH)).extracting(Period::label)
                .containsExactly("2025-09", "2025-10", "2025-11");
    }

    @Test
    void aWindowThatEndsBeforeItStartsHasNoBucket() {
        QuotaWindow afterThePlan = QuotaWindow.of(YearMonth.of(2026, 2), null, PLAN_FROM, PLAN_TO);

        assertThat(afterThePlan.isEmpty()).isTrue();
        assertThat(afterThePlan.periods(QuotaPeriod.MONTH)).isEmpty();
        assertThatThrownBy(() -> Periods.of(QuotaPeriod.MONTH, PLAN_TO, PLAN_FROM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void halfOfAPeriodIsGoneHalfWayThroughIt() {
        Period september = Periods.of(QuotaPeriod.MONTH, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30)).get(0);

        assertThat(september.elapsedAt(Instant.parse("2025-08-01T00:00:00Z"))).isZero();
        assertThat(september.elapsedAt(Instant.parse("2025-09-15T17:00:00Z"))).isEqualTo(0.5);
        assertThat(september.elapsedAt(Instant.parse("2025-10-15T00:00:00Z"))).isEqualTo(1.0);
    }

    private static String bucketOf(List<Period> periods, Instant at) {
        return periods.stream().filter(p -> p.contains(at)).map(Period::label).findFirst().orElse(null);
    }
}
