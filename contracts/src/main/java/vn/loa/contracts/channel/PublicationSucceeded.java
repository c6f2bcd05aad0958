package vn.loa.contracts.channel;

import java.time.Instant;
import java.util.List;

import vn.loa.contracts.channel.PublicationRequested.Attachment;

/**
 * A channel published an item. Topic {@code channel.publication.events}, key = item id. {@code files} are files the
 * channel produced for the item (e.g. the radio bulletin's audio), which content-service adds to the item's
 * attachments; empty when none.
 */
public record PublicationSucceeded(
        String tenantId,
        String requestId,
        String itemId,
        String channel,
        String url,
        Instant publishedAt,
        String externalId,
        List<Attachment> files) implements ChannelEvent {

    public PublicationSucceeded {
        files = files == null ? List.of() : List.copyOf(files);
    }

    @Override
    public String subject() {
        return itemId;
    }
}
