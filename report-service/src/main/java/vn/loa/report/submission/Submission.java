package vn.loa.report.submission;

import java.time.Instant;
import java.util.List;

/**
 * A commune's report for one period on its way up: its state and every step it took.
 *
 * @param frozenAt when the province accepted it and its documents were frozen; null before
 */
public record Submission(String commune, String period, SubmissionState state, String stateLabel, String reason,
        List<Step> history, Instant frozenAt) {

    public record Step(SubmissionState from, SubmissionState to, String by, Instant at, String reason) {
    }

    static Submission draft(String commune, String period) {
        return new Submission(commune, period, SubmissionState.DRAFT, SubmissionState.DRAFT.label(), null, List.of(),
                null);
    }

    /** When the commune last sent the report up; null if it never did. */
    public Instant submittedAt() {
        Instant at = null;
        for (Step s : history) {
            if (s.to() == SubmissionState.SUBMITTED) {
                at = s.at();
            }
        }
        return at;
    }
}
