package vn.loa.report.reminder.internal;

import java.util.List;
import java.util.Map;
import vn.loa.report.projection.ItemRecord;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions.Returned;

/**
 * What the read models know of one commune that a reminder may be about.
 *
 * @param plans           its open plans by id
 * @param approved        its items ever approved (published or not; the approval may no longer stand)
 * @param currentReport   the state of the report being prepared now (its period holds today)
 * @param waiting         its items waiting for a leader's approval now
 */
public record Facts(String commune, Map<String, PlanRecord> plans, List<TaskRecord> tasks,
        List<PublicationRecord> failedPublications, List<ItemRecord> approved, SubmissionState currentReport,
        List<Returned> returned, List<ItemRecord> waiting) {

    /** Facts without items waiting for approval. */
    public Facts(String commune, Map<String, PlanRecord> plans, List<TaskRecord> tasks,
            List<PublicationRecord> failedPublications, List<ItemRecord> approved, SubmissionState currentReport,
            List<Returned> returned) {
        this(commune, plans, tasks, failedPublications, approved, currentReport, returned, List.of());
    }
}
