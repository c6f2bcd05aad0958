package vn.loa.task.quota;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import vn.loa.contracts.plan.QuotaPeriod;

/**
 * The local days a quota counts over, both inclusive: from the first day of its {@code from} month to the last day of
 * its {@code to} month; a missing month falls back to the plan period ("tối thiểu 02 tin/bài mỗi quý" with no months
 * runs over the whole plan). A window may be empty when the plan gives months outside its own period.
 */
public record QuotaWindow(LocalDate firstDay, LocalDate lastDay) {

    public static QuotaWindow of(YearMonth from, YearMonth to, LocalDate planFrom, LocalDate planTo) {
        return new QuotaWindow(from != null ? from.atDay(1) : planFrom, to != null ? to.atEndOfMonth() : planTo);
    }

    public boolean isEmpty() {
        return lastDay.isBefore(firstDay);
    }

    /** The buckets of this window; none for an empty window. */
    public List<Period> periods(QuotaPeriod per) {
        return isEmpty() ? List.of() : Periods.of(per, firstDay, lastDay);
    }
}
