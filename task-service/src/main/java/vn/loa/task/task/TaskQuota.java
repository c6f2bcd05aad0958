package vn.loa.task.task;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.task.quota.Period;
import vn.loa.task.quota.QuotaWindow;

/** A task's quota as stored: "at least {@code count} items per {@code per}", months as {@code "2025-08"} or null. */
public record TaskQuota(int count, QuotaPeriod per, String from, String to) {

    public static TaskQuota of(Quota quota) {
        if (quota == null) {
            return null;
        }
        return new TaskQuota(quota.count(), quota.per(), text(quota.from()), text(quota.to()));
    }

    /** The buckets of this quota over the plan period. */
    public List<Period> periods(LocalDate planFrom, LocalDate planTo) {
        return QuotaWindow.of(month(from), month(to), planFrom, planTo).periods(per);
    }

    private static String text(YearMonth month) {
        return month == null ? null : month.toString();
    }

    private static YearMonth month(String text) {
        return text == null ? null : YearMonth.parse(text);
    }
}
