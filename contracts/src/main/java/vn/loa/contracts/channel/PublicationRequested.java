package vn.loa.contracts.channel;

import java.time.Instant;
import java.util.List;

/**
 * content-service asks one channel to publish one item. Topic {@code channel.<id>.requests}, key = item id.
 * {@code requestId} is stable across redeliveries and retries: a channel publishes a request at most once.
 */
public record PublicationRequested(
        String tenantId,
        String requestId,
        String itemId,
        String channel,
        String kind,
        String title,
        String summary,
        String bodyHtml,
        List<Attachment> attachments,
        Instant requestedAt) implements ChannelEvent {

    public PublicationRequested {
        attachments = List.copyOf(attachments);
    }

    @Override
    public String subject() {
        return itemId;
    }

    /** A file of the item, readable by the channel at {@code url} (through content-service). */
    public record Attachment(String id, String fileName, String mediaType, long size, String url) {
    }
}
