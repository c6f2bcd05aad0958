package vn.loa.channel.portal.page;

import java.time.Instant;
import java.util.List;

/**
 * One published item of one commune on its portal's CCHC column. {@code id} = {@code tenantId:itemId}, so an item
 * has one page per commune and publishing it again replaces the page. {@code retractedAt} set: the page is down.
 */
public record Page(String id, String tenantId, String itemId, String requestId, String kind, String title,
        String summary, String bodyHtml, List<Image> images, Instant publishedAt, Instant retractedAt) {

    public Page {
        images = images == null ? List.of() : List.copyOf(images);
    }

    public static String id(String tenantId, String itemId) {
        return tenantId + ":" + itemId;
    }

    public boolean live() {
        return retractedAt == null;
    }

    /** An image copied from the item's attachments into the portal's own GridFS. */
    public record Image(String fileId, String fileName, String mediaType, long size) {
    }
}
