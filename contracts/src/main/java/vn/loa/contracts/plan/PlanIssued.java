package vn.loa.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A leader issued a plan: it is frozen and its tasks go live.
 *
 * @param signer the plan's signature block; null when the plan has none, and in events written before the field
 *               existed (an additive change: consumers treat it as possibly absent)
 */
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
        List<PlannedTask> tasks,
        PlanSigner signer) implements PlanEvent {

    public PlanIssued {
        tasks = List.copyOf(tasks);
    }

    /** A plan issued without a signature block (the shape of the event before {@code signer} was added). */
    public PlanIssued(String tenantId, String planId, int version, String number, String title, LocalDate periodFrom,
            LocalDate periodTo, LocalDate issuedOn, Instant issuedAt, String issuedBy, List<PlannedTask> tasks) {
        this(tenantId, planId, version, number, title, periodFrom, periodTo, issuedOn, issuedAt, issuedBy, tasks,
                null);
    }
}
