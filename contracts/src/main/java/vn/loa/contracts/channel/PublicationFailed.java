package vn.loa.contracts.channel;

import java.time.Instant;

/** A channel could not publish an item; {@code retryable} says whether trying again may help. */
public record PublicationFailed(
        String tenantId,
        String requestId,
        String itemId,
        String channel,
        String reason,
        boolean retryable,
        Instant failedAt) implements ChannelEvent {

    @Override
    public String subject() {
        return itemId;
    }
}
