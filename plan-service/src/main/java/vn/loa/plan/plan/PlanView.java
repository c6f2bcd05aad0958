package vn.loa.plan.plan;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.calendar.Period;

/** A plan as the API shows it: the document's fields flat (as posted), its tasks, its state and history. */
public record PlanView(
        String id,
        String tenantId,
        PlanStatus status,
        int version,
        @JsonUnwrapped PlanContent content,
        List<AnnexTask> tasks,
        List<ImportNote> importNotes,
        Stamp created,
        Stamp updated,
        Stamp issued,
        List<Amendment> amendments,
        Stamp closed) {

    public static PlanView of(Plan p) {
        return new PlanView(p.id(), p.tenantId(), p.status(), p.version(), p.content(), p.tasks(), p.importNotes(),
                p.created(), p.updated(), p.issued(), p.amendments(), p.closed());
    }

    /** One line of the list: enough to choose a plan. */
    public record Summary(String id, String tenantId, PlanStatus status, int version, String number, String title,
            LocalDate issuedOn, Period period, int taskCount, Stamp updated) {

        public static Summary of(Plan p) {
            return new Summary(p.id(), p.tenantId(), p.status(), p.version(), p.content().number(),
                    p.content().title(), p.content().issuedOn(), p.content().period(),
                    (int) p.tasks().stream().filter(AnnexTask::isActive).count(), p.updated());
        }
    }
}
