package vn.loa.content.item;

/**
 * A file of an item. {@code source} is {@code null} for a file uploaded by the commune (bytes in GridFS, served by
 * content-service) and the channel id for a file a channel produced (e.g. the radio bulletin), whose {@code url}
 * points at that channel.
 */
public record Attachment(String id, String fileName, String mediaType, long size, String url, String source) {

    public boolean uploaded() {
        return source == null;
    }
}
