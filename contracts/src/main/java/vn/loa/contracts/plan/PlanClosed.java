package vn.loa.contracts.plan;

import java.time.Instant;

/** A plan was closed: its tasks take no more credit. */
public record PlanClosed(String tenantId, String planId, int version, Instant closedAt, String closedBy)
        implements PlanEvent {
}
