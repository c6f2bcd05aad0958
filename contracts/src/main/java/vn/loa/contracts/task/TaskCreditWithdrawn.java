package vn.loa.contracts.task;

import java.time.Instant;

/**
 * A credit was taken back: the item was retracted everywhere it qualified, or a leader withdrew a wrong automatic
 * credit ({@code withdrawnBy} then names the leader).
 */
public record TaskCreditWithdrawn(
        String tenantId,
        String taskId,
        String planId,
        String creditId,
        String itemId,
        String period,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt,
        int periodCredited,
        int periodTarget,
        int totalCredited) implements TaskEvent {
}
