package vn.loa.contracts.content;

import java.time.Instant;

/**
 * A leader returned a submitted or approved (not yet published) item to its author with a reason: it no longer waits
 * for approval, and an approval it had no longer stands.
 */
public record ContentRejected(
        String tenantId,
        String itemId,
        String reason,
        Instant rejectedAt) implements ContentEvent {
}
