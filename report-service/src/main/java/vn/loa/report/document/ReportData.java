package vn.loa.report.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.loa.report.dashboard.CommuneDashboard.Commune;
import vn.loa.report.dashboard.CommuneDashboard.Count;
import vn.loa.report.dashboard.Engagement;

/**
 * The figures of one commune's report for one period — what the json format returns and what the docx and xlsx
 * print. Achievements count what was published (and not retracted) within the data cut-off window; targets sum the
 * quota buckets (calendar periods) that begin within the window.
 *
 * @param addressing "Kính gửi", "Nơi nhận" and the signature block as printed (the notes, else the defaults)
 * @param frozenAt   when the province accepted the report and its documents were frozen; null while it is live
 * @param engagement «Hiệu quả tuyên truyền»: what reached people in the window, per channel and the most-read items;
 *                   null in a report frozen before engagement was counted
 */
public record ReportData(
        Commune commune,
        Period period,
        LocalDate generatedOn,
        Totals totals,
        List<TaskResult> tasks,
        List<ChannelKind> publications,
        List<Count> byChannel,
        List<Count> byKind,
        List<ActivityRow> activities,
        Notes notes,
        Addressing addressing,
        String submissionState,
        String submissionLabel,
        Instant frozenAt,
        Engagement engagement) {

    public record Period(String label, String kind, String inWords, LocalDate from, LocalDate to,
            String windowInWords) {
    }

    public record Totals(int tasks, int tasksMet, int tasksWithTarget, long publications, int channels,
            long activities) {
    }

    /**
     * One task's line. {@code assessment}: "Đạt" / "Chưa đạt" (a target in the window), "Đã thực hiện" / "Chưa phát
     * sinh" (no target), or {@link #NOT_APPLICABLE} when every quota period beginning in the window had ended before
     * the plan was issued (ADR 0004) — neither met nor missed.
     */
    public record TaskResult(int no, String taskId, String planNumber, String title, String leadUnit, String quota,
            int target, int achieved, String assessment) {

        public static final String NOT_APPLICABLE = "Không áp dụng";

        /** Whether the task's quota did not apply in the window (the plan was issued after its periods ended). */
        public boolean notApplicable() {
            return NOT_APPLICABLE.equals(assessment);
        }
    }

    public record ChannelKind(String channel, String channelLabel, String kind, String kindLabel, long count) {
    }

    public record ActivityRow(LocalDate heldOn, String title, String kind, String kindLabel, String unit) {
    }

    public boolean empty() {
        return tasks.isEmpty() && publications.isEmpty() && activities.isEmpty();
    }
}
