package vn.loa.contracts.task;

import java.time.Instant;

/** A task's period bucket closed (its period ended), met or missed. Emitted once per bucket. */
public record TaskPeriodClosed(
        String tenantId,
        String taskId,
        String planId,
        String period,
        int target,
        int credited,
        PeriodOutcome outcome,
        Instant closedAt) implements TaskEvent {
}
