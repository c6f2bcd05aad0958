package vn.loa.contracts.plan;

import java.time.YearMonth;
import java.util.Objects;

/**
 * "At least {@code count} items per {@code per}, from month {@code from} to month {@code to}" — e.g. "tối thiểu 01
 * tin/bài mỗi tháng từ tháng 8 đến tháng 12/2025" is {@code Quota(1, MONTH, 2025-08, 2025-12)}. {@code from} and
 * {@code to} may be null: the plan period then applies.
 */
public record Quota(int count, QuotaPeriod per, YearMonth from, YearMonth to) {

    public Quota {
        if (count < 1) {
            throw new IllegalArgumentException("A quota counts at least 1 item");
        }
        Objects.requireNonNull(per, "per");
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("Quota window starts after it ends: " + from + " > " + to);
        }
    }
}
