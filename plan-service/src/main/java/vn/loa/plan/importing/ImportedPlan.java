package vn.loa.plan.importing;

import java.util.List;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.plan.ImportNote;
import vn.loa.plan.plan.PlanContent;

/** What the import read from a document: the plan's fields, its annex tasks, and what a person should check. */
public record ImportedPlan(PlanContent content, List<TaskDetails> tasks, List<ImportNote> notes) {

    public ImportedPlan {
        tasks = List.copyOf(tasks);
        notes = List.copyOf(notes);
    }
}
