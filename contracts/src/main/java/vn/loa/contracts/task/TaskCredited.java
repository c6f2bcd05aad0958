package vn.loa.contracts.task;

import java.time.Instant;

/**
 * A content item credited a task, in the period bucket of its first qualifying publication. The counts are the
 * bucket's and the task's after this credit.
 */
public record TaskCredited(
        String tenantId,
        String taskId,
        String planId,
        String creditId,
        String itemId,
        String kind,
        String channel,
        Instant publishedAt,
        String period,
        CreditBasis basis,
        int periodCredited,
        int periodTarget,
        int totalCredited) implements TaskEvent {
}
