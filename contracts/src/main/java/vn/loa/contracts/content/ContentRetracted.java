package vn.loa.contracts.content;

import java.time.Instant;

/** An item was taken down from one channel (or an activity record withdrawn: {@code channel} null). */
public record ContentRetracted(
        String tenantId,
        String itemId,
        String channel,
        Instant retractedAt,
        String reason) implements ContentEvent {
}
