package vn.loa.report.projection;

import java.time.Instant;
import java.util.Set;

/**
 * A content item's editorial state: the last time it was submitted for approval (by whom it was written), approved
 * (by whom) and returned, and the channels it was published on. Each time is the latest of its kind, kept whatever
 * the order the events came in; what the item is waiting for is derived from them on reading.
 *
 * @param title the title of the item's latest approval or submission, whichever came last
 */
public record ItemRecord(String itemId, String tenant, String kind, String title, Instant approvedAt,
        String approvedBy, Set<String> publishedOn, Instant submittedAt, String author, Instant rejectedAt) {

    /** An item known only by its approval (and publications): never seen submitted nor returned. */
    public ItemRecord(String itemId, String tenant, String kind, String title, Instant approvedAt, String approvedBy,
            Set<String> publishedOn) {
        this(itemId, tenant, kind, title, approvedAt, approvedBy, publishedOn, null, null, null);
    }

    /**
     * Since when the item waits for a leader's approval: its last submission, when no approval nor return came after
     * it; null when it does not wait.
     */
    public Instant waitingSince() {
        if (submittedAt == null || !after(submittedAt, approvedAt) || !after(submittedAt, rejectedAt)) {
            return null;
        }
        return submittedAt;
    }

    /** Whether its last approval still stands: no later submission (an edit sent it back) nor return. */
    public boolean approvalStands() {
        return approvedAt != null && after(approvedAt, submittedAt) && after(approvedAt, rejectedAt);
    }

    private static boolean after(Instant t, Instant other) {
        return other == null || t.isAfter(other);
    }
}
