package vn.loa.plan.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.plan.annex.ProductKind;

/**
 * A task as the API receives it ({@code POST /api/plans/{id}/tasks}) and the demo files hold it. Quota and due
 * are plain here so that a wrong value gets a Vietnamese message on its field instead of failing to bind;
 * {@link PlanRules#task} turns a request into checked {@code TaskDetails}.
 */
public record TaskRequest(
        String title,
        String description,
        String leadUnit,
        List<String> coordinatingUnits,
        List<ProductKind> productKinds,
        List<String> channels,
        String audience,
        String scale,
        QuotaRequest quota,
        DueRequest due) {

    /** "At least {@code count} items per {@code per}, from month {@code from} to month {@code to}". */
    public record QuotaRequest(Integer count, QuotaPeriod per, YearMonth from, YearMonth to) {
    }

    /**
     * A due date and the plan's words for it. Without a date, the words are read ("Tháng 11/2026" → 30/11/2026);
     * {@code referenceDate} is the day a "Chậm nhất 20 ngày kể từ …" counts from.
     */
    public record DueRequest(LocalDate date, String text, LocalDate referenceDate) {
    }
}
