package vn.loa.contracts.plan;

import java.time.Instant;
import java.util.List;

/**
 * A leader amended an issued plan: the delta from the previous version. Credits already earned by a changed task
 * are kept; a withdrawn task stops counting but its history stays.
 */
public record PlanAmended(
        String tenantId,
        String planId,
        int version,
        List<PlannedTask> added,
        List<PlannedTask> changed,
        List<String> withdrawnTaskIds,
        String reason,
        Instant amendedAt,
        String amendedBy) implements PlanEvent {

    public PlanAmended {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        withdrawnTaskIds = List.copyOf(withdrawnTaskIds);
    }
}
