package vn.loa.report.dashboard;

import java.time.LocalDate;

/**
 * One calendar bucket of a task's quota ("kỳ chỉ tiêu": a month, quarter, half year, year or the whole plan), its
 * local days {@code from}..{@code to} inclusive, already clipped to the quota window — the same arithmetic as
 * task-service, which labels credits with these periods.
 */
public record Bucket(String period, LocalDate from, LocalDate to, int target) {
}
