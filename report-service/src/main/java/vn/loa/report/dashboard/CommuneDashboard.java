package vn.loa.report.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything a commune's dashboard shows, built from the read models on a given day. */
public record CommuneDashboard(
        Commune commune,
        TaskSummary taskSummary,
        List<TaskView> tasks,
        List<TaskRef> atRisk,
        List<TaskRef> missed,
        Publications publications,
        Pipeline pipeline,
        Activities activities,
        Engagement engagement) {

    /** Days the dashboards' engagement covers: the last 30 commune days, today included. */
    public static final int ENGAGEMENT_DAYS = 30;

    public record Commune(String code, String name, String provinceCode, String provinceName) {
    }

    public record TaskSummary(int total, int done, int onTrack, int atRisk, int behind, int overdue, int withdrawn,
            int unknown) {
    }

    /**
     * One task; {@code missedPeriods} the periods that ended without their target, {@code notApplicablePeriods} those
     * that had ended before the plan was issued ("Không áp dụng": never missed, ADR 0004).
     */
    public record TaskView(String taskId, String planId, String planNumber, Integer order, String title,
            String leadUnit, String quota, String status, String statusLabel, CurrentBucket current,
            int totalCredited, List<String> missedPeriods, List<String> notApplicablePeriods) {
    }

    /**
     * The bucket running today (else the next, else the last, among those that apply): target, credited, status
     * (UPCOMING, OPEN, MET, MISSED, NOT_APPLICABLE) with its Vietnamese label, days left.
     */
    public record CurrentBucket(String period, LocalDate from, LocalDate to, int target, int credited, String status,
            String statusLabel, boolean atRisk, long daysLeft) {
    }

    public record TaskRef(String taskId, String title, String status) {
    }

    /** A count under a key, with its Vietnamese label. */
    public record Count(String key, String label, long count) {
    }

    public record Publications(long total, List<Count> byChannel, List<Count> byKind, List<Count> byTheme,
            List<Count> byUnit, List<Count> byMonth) {
    }

    public record Pipeline(List<Waiting> approvedNotPublished, List<Failure> failed) {
    }

    public record Waiting(String itemId, String title, String kind, Instant approvedAt) {
    }

    public record Failure(String itemId, String title, String channel, String channelLabel, String reason,
            Boolean retryable, Instant failedAt) {
    }

    public record Activities(long total, List<Activity> recent) {
    }

    public record Activity(String itemId, String title, String kind, String kindLabel, LocalDate heldOn,
            String unit) {
    }
}
