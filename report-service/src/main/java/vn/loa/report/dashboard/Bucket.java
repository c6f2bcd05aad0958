package vn.loa.report.dashboard;

import java.time.LocalDate;

/**
 * One calendar bucket of a task's quota ("kỳ chỉ tiêu": a month, quarter, half year, year or the whole plan), its
 * local days {@code from}..{@code to} inclusive, already clipped to the quota window — the same arithmetic as
 * task-service, which labels credits with these periods. {@code applicable} is false when the period had ended
 * before the plan was issued (ADR 0004): "Không áp dụng", never met nor missed, no target in a report.
 */
public record Bucket(String period, LocalDate from, LocalDate to, int target, boolean applicable) {

    /** A bucket that applies. */
    public Bucket(String period, LocalDate from, LocalDate to, int target) {
        this(period, from, to, target, true);
    }
}
