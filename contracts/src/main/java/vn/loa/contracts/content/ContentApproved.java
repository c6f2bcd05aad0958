package vn.loa.contracts.content;

import java.time.Instant;

/** A leader approved an item for publication. */
public record ContentApproved(
        String tenantId,
        String itemId,
        String kind,
        String title,
        String approvedBy,
        Instant approvedAt) implements ContentEvent {
}
