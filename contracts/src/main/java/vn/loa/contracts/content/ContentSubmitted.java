package vn.loa.contracts.content;

import java.time.Instant;

/**
 * An item was sent for a leader's approval: submitted from a draft or after it was returned, or sent back for
 * approval by an edit after it had been approved. The item waits from {@code submittedAt} until the next
 * {@link ContentApproved} or {@link ContentRejected} of the item with a later time: there is no other way out of the
 * approval queue (an item is never deleted).
 *
 * @param author the item's author (who wrote it), not necessarily who sent it
 */
public record ContentSubmitted(
        String tenantId,
        String itemId,
        String title,
        String author,
        Instant submittedAt) implements ContentEvent {
}
