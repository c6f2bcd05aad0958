package vn.loa.report.projection;

import java.time.Instant;
import java.util.List;

/**
 * One item on one channel (channel null: an activity held). Live when it was published and not retracted since its
 * last publication; failed when its last failure is later than any success.
 */
public record PublicationRecord(String itemId, String tenant, String channel, String kind, String title,
        List<String> themes, String unit, String url, Instant firstPublishedAt, Instant lastPublishedAt,
        Instant retractedAt, Instant lastSucceededAt, Instant lastFailedAt, String failReason, Boolean retryable) {

    public boolean live() {
        return firstPublishedAt != null && (retractedAt == null || lastPublishedAt.isAfter(retractedAt));
    }

    public boolean activity() {
        return channel == null;
    }

    public boolean failed() {
        if (lastFailedAt == null) {
            return false;
        }
        Instant success = latest(lastSucceededAt, lastPublishedAt);
        return success == null || lastFailedAt.isAfter(success);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
