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
 * @param approved        its approved items (published or not)
 * @param currentReport   the state of the report being prepared now (its period holds today)
 */
public record Facts(String commune, Map<String, PlanRecord> plans, List<TaskRecord> tasks,
        List<PublicationRecord> failedPublications, List<ItemRecord> approved, SubmissionState currentReport,
        List<Returned> returned) {
}
