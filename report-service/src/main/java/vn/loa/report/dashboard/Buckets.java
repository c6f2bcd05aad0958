package vn.loa.report.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.TaskRecord.QuotaDef;

/**
 * Calendar buckets of a quota, as task-service counts them: months, quarters, halves and years of the commune's
 * calendar, clipped to the quota window ({@code from}..{@code to} months, or the plan period when absent); {@code
 * PLAN} is one bucket for the whole window. A bucket whose last day is before the plan's issue date does not apply
 * (ADR 0004; the period the plan is issued in applies, whole). These are the quota periods; report windows are
 * {@code vn.loa.report.period.ReportingWindows}.
 */
public final class Buckets {

    private Buckets() {
    }

    public static List<Bucket> of(QuotaDef quota, PlanRecord plan) {
        if (quota == null) {
            return List.of();
        }
        LocalDate first = quota.from() != null ? quota.from().atDay(1) : plan == null ? null : plan.periodFrom();
        LocalDate last = quota.to() != null ? quota.to().atEndOfMonth() : plan == null ? null : plan.periodTo();
        if (first == null || last == null || last.isBefore(first)) {
            return List.of();
        }
        LocalDate issuedOn = plan == null ? null : plan.issuedOn();
        if ("PLAN".equals(quota.per())) {
            return List.of(new Bucket("PLAN", first, last, quota.count(), applies(last, issuedOn)));
        }
        int span = switch (quota.per()) {
            case "MONTH" -> 1;
            case "QUARTER" -> 3;
            case "HALF_YEAR" -> 6;
            case "YEAR" -> 12;
            default -> 0;
        };
        if (span == 0) {
            return List.of();
        }
        List<Bucket> out = new ArrayList<>();
        LocalDate from = first;
        while (!from.isAfter(last)) {
            LocalDate start = LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / span * span + 1, 1);
            LocalDate next = start.plusMonths(span);
            LocalDate to = next.minusDays(1).isAfter(last) ? last : next.minusDays(1);
            out.add(new Bucket(label(quota.per(), from), from, to, quota.count(), applies(to, issuedOn)));
            from = to.plusDays(1);
        }
        return out;
    }

    /** A period applies unless it ended before the plan was issued (issue date unknown: it applies). */
    static boolean applies(LocalDate lastDay, LocalDate issuedOn) {
        return issuedOn == null || !lastDay.isBefore(issuedOn);
    }

    static String label(String per, LocalDate day) {
        return switch (per) {
            case "MONTH" -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
            case "QUARTER" -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case "HALF_YEAR" -> day.getYear() + "-H" + (day.getMonthValue() <= 6 ? 1 : 2);
            case "YEAR" -> Integer.toString(day.getYear());
            default -> "PLAN";
        };
    }
}
