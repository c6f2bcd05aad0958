package vn.loa.task.task;

import java.time.Instant;
import java.util.Objects;
import vn.loa.contracts.task.CreditBasis;

/**
 * One item counted for a task, and why: the qualifying publication (channel, instant, the item's kind) and whether
 * the item named the task ({@code EXPLICIT}) or matched it ({@code MATCHED}). A withdrawn credit stays in the history
 * with its {@link Withdrawal}.
 */
public record Credit(String creditId, String itemId, String kind, String channel, Instant publishedAt, String period,
        CreditBasis basis, Instant creditedAt, Withdrawal withdrawal) {

    public boolean active() {
        return withdrawal == null;
    }

    /** Whether this credit already records exactly this publication as its reason. */
    boolean restsOn(Qualification q) {
        return Objects.equals(q.channel(), channel) && q.publishedAt().equals(publishedAt)
                && q.kind().equals(kind) && q.basis() == basis;
    }

    Credit restingOn(Qualification q) {
        return new Credit(creditId, itemId, q.kind(), q.channel(), q.publishedAt(), period, q.basis(), creditedAt,
                null);
    }

    Credit withdrawn(Withdrawal w) {
        return new Credit(creditId, itemId, kind, channel, publishedAt, period, basis, creditedAt, w);
    }

    /** Who took a credit back, when and why; {@code by} is null when it was automatic (a retraction). */
    public record Withdrawal(Instant at, String by, String reason) {
    }
}
