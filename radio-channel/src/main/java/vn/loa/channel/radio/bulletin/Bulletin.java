package vn.loa.channel.radio.bulletin;

import java.time.Instant;

/**
 * One item's audio bulletin in one commune's broadcast schedule. {@code id} = {@code tenantId:itemId} (publishing the
 * item again replaces its bulletin); {@code day} is the broadcast day (yyyy-MM-dd, Asia/Ho_Chi_Minh) whose playlist
 * lists it; {@code retractedAt} set: off the schedule.
 */
public record Bulletin(String id, String tenantId, String itemId, String requestId, String title, String day,
        Instant publishedAt, String audioFileId, String fileName, long size, int durationSeconds,
        Instant retractedAt) {

    public static String id(String tenantId, String itemId) {
        return tenantId + ":" + itemId;
    }

    public boolean live() {
        return retractedAt == null;
    }
}
