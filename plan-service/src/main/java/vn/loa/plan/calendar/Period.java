package vn.loa.plan.calendar;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The days a plan covers, both ends included: "01/08/2025 – 31/12/2025", or a whole year. Quotas count in calendar
 * months and quarters inside it (Asia/Ho_Chi_Minh); reporting windows are another matter (task-service).
 */
public record Period(LocalDate from, LocalDate to) {

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period months(YearMonth first, YearMonth last) {
        return new Period(first.atDay(1), last.atEndOfMonth());
    }

    /** Whether both ends are known and in order. */
    @JsonIgnore
    public boolean isComplete() {
        return from != null && to != null && !from.isAfter(to);
    }

    public boolean contains(LocalDate day) {
        return isComplete() && !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean contains(YearMonth month) {
        return isComplete() && !month.isBefore(YearMonth.from(from)) && !month.isAfter(YearMonth.from(to));
    }

    /** The single calendar year the period lies in, or null when it spans several (or is incomplete). */
    public Integer singleYear() {
        return isComplete() && from.getYear() == to.getYear() ? from.getYear() : null;
    }
}
