package vn.loa.report.projection;

import java.time.Instant;
import java.util.Set;

/** A content item's editorial state: approved (when and by whom) and the channels it was published on. */
public record ItemRecord(String itemId, String tenant, String kind, String title, Instant approvedAt,
        String approvedBy, Set<String> publishedOn) {
}
