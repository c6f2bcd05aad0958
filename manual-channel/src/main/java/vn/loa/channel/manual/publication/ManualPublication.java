package vn.loa.channel.manual.publication;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One publication request for an outside channel, as the operator handles it. {@code _id} is the request id
 * ({@code <itemId>:<channel>:<attempt>}); {@code tenantId} is on every document and in every query.
 */
@Document(ManualPublications.COLLECTION)
public record ManualPublication(
        @Id String requestId,
        String tenantId,
        String itemId,
        String channel,
        String channelName,
        String kind,
        String title,
        String summary,
        String bodyHtml,
        List<File> files,
        Instant requestedAt,
        Instant receivedAt,
        ManualStatus status,
        String url,
        Instant publishedAt,
        String confirmedBy,
        Instant confirmedAt,
        String reason,
        String failedBy,
        Instant failedAt,
        Instant retractedAt,
        /** Closed because the item was recorded as published elsewhere on this channel, not by an operator. */
        Boolean resolvedElsewhere,
        /** The operator's screenshot of the post, if one was sent with (or after) the confirmation. */
        Evidence evidence) {

    public ManualPublication {
        files = files == null ? List.of() : List.copyOf(files);
        resolvedElsewhere = Boolean.TRUE.equals(resolvedElsewhere);
    }

    /** What the screenshot is; its bytes are in {@link Screenshots}. */
    public record Evidence(String fileName, String mediaType, long size, String by, Instant at) {
    }

    /** A file of the item: the operator downloads it through content-service ({@code /api/contents/…}). */
    public record File(String attachmentId, String fileName, String mediaType, long size) {
    }
}
