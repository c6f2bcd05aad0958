package vn.loa.task.quota;

import vn.loa.platform.time.VnTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.loa.contracts.plan.QuotaPeriod;

/**
 * Bucket arithmetic: splits a quota window into calendar periods of the commune's time zone. Each period is clipped
 * to the window ({@code {1, QUARTER}} over August–December gives "2025-Q3" = August–September and "2025-Q4"), and
 * {@code PLAN} is a single bucket for the whole window.
 */
public final class Periods {

    /** The label of the whole-plan bucket. */
    public static final String PLAN = "PLAN";

    private Periods() {
    }

    /** The buckets of a window given as local days, both inclusive. */
    public static List<Period> of(QuotaPeriod per, LocalDate firstDay, LocalDate lastDay) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("Window ends before it starts: " + firstDay + " > " + lastDay);
        }
        LocalDate endExclusive = lastDay.plusDays(1);
        if (per == QuotaPeriod.PLAN) {
            return List.of(period(PLAN, firstDay, endExclusive));
        }
        List<Period> periods = new ArrayList<>();
        LocalDate from = firstDay;
        while (from.isBefore(endExclusive)) {
            LocalDate next = startOf(per, from).plusMonths(months(per));
            LocalDate to = next.isBefore(endExclusive) ? next : endExclusive;
            periods.add(period(label(per, from), from, to));
            from = to;
        }
        return List.copyOf(periods);
    }

    /** The label of the calendar period a local day falls in; {@code "PLAN"} for the whole plan. */
    public static String label(QuotaPeriod per, LocalDate day) {
        return switch (per) {
            case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
            case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case HALF_YEAR -> day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> Integer.toString(day.getYear());
            case PLAN -> PLAN;
        };
    }

    /** The first day of the calendar period a day falls in. */
    static LocalDate startOf(QuotaPeriod per, LocalDate day) {
        int monthsIntoYear = day.getMonthValue() - 1;
        int span = months(per);
        return LocalDate.of(day.getYear(), monthsIntoYear / span * span + 1, 1);
    }

    private static int months(QuotaPeriod per) {
        return switch (per) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
            case PLAN -> throw new IllegalArgumentException("PLAN is not a calendar period");
        };
    }

    private static Period period(String label, LocalDate from, LocalDate toExclusive) {
        return new Period(label, VnTime.startOf(from), VnTime.startOf(toExclusive));
    }
}
