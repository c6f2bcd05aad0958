package vn.loa.report.submission;

import java.time.Instant;
import java.util.List;

/** A commune's report for one period on its way up: its state and every step it took. */
public record Submission(String commune, String period, SubmissionState state, String stateLabel, String reason,
        List<Step> history) {

    public record Step(SubmissionState from, SubmissionState to, String by, Instant at, String reason) {
    }

    static Submission draft(String commune, String period) {
        return new Submission(commune, period, SubmissionState.DRAFT, SubmissionState.DRAFT.label(), null, List.of());
    }
}
