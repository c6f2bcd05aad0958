package vn.loa.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A leader issued a plan: it is frozen and its tasks go live. */
public record PlanIssued(
        String tenantId,
        String planId,
        int version,
        String number,
        String title,
        LocalDate periodFrom,
        LocalDate periodTo,
        LocalDate issuedOn,
        Instant issuedAt,
        String issuedBy,
        List<PlannedTask> tasks) implements PlanEvent {

    public PlanIssued {
        tasks = List.copyOf(tasks);
    }
}
