package vn.loa.report.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * A task as the read model holds it. {@code title} is null while only credits have arrived (the plan event is still
 * on its way); {@link #credited(String)} counts the credits of a bucket that were not withdrawn.
 */
public record TaskRecord(String taskId, String tenant, String planId, Integer order, String title, String leadUnit,
        List<String> productKinds, List<String> channels, QuotaDef quota, LocalDate dueDate, String dueText,
        boolean withdrawn, List<CreditRecord> credits, Set<String> withdrawals, List<Closing> closings) {

    /** The quota as written in the plan; {@code from}/{@code to} null: the plan period applies. */
    public record QuotaDef(int count, String per, YearMonth from, YearMonth to) {
    }

    public record CreditRecord(String creditId, String itemId, String kind, String channel, Instant publishedAt,
            String period, String basis) {
    }

    public record Closing(String period, int target, int credited, String outcome) {
    }

    public boolean defined() {
        return title != null;
    }

    /** Credits still standing (not withdrawn). */
    public List<CreditRecord> standingCredits() {
        return credits.stream().filter(c -> !withdrawals.contains(c.creditId())).toList();
    }

    public int credited(String period) {
        return (int) standingCredits().stream().filter(c -> c.period().equals(period)).count();
    }

    public int totalCredited() {
        return standingCredits().size();
    }
}
