package vn.loa.contracts.channel;

import java.time.Instant;

/** A channel published an item. Topic {@code channel.publication.events}, key = item id. */
public record PublicationSucceeded(
        String tenantId,
        String requestId,
        String itemId,
        String channel,
        String url,
        Instant publishedAt,
        String externalId) implements ChannelEvent {

    @Override
    public String subject() {
        return itemId;
    }
}
