package vn.loa.channel;

import vn.loa.contracts.channel.PublicationRequested;

/**
 * A publication channel: the one bean a channel service writes. The channel library (auto-configured) does the rest:
 * it consumes {@code channel.<id>.requests}, calls {@link #publish} at most once per request id, reports
 * {@code PublicationSucceeded}/{@code PublicationFailed} through the outbox, calls {@link #retract} when
 * content-service retracts an item from this channel, and announces the channel on {@code channel.registry}.
 *
 * <p>Every call carries the tenant (the commune code): whatever the channel stores or serves must be keyed by it.
 */
public interface Channel {

    /** Who the channel is: id, Vietnamese name, kinds it accepts, whether it needs a URL. Must not change at run time. */
    ChannelInfo info();

    /**
     * Publishes one item. Called at most once per {@code request.requestId()} by a live instance (see
     * {@link #repeatable()} for the crash case), never for a kind that {@link ChannelInfo#acceptedKinds()} refuses.
     *
     * @return where the item is now (URL, external id, files the channel produced)
     * @throws PublicationRefused   the request can never succeed as it is (reported with {@code retryable=false})
     * @throws ChannelUnavailable   the channel cannot publish now; trying again later may work ({@code retryable=true})
     * @throws PublicationPending   accepted, answered later: no event now; the app completes the request through
     *                              {@link PendingPublications} (the manual channel, once an operator gives the URL)
     * @throws RuntimeException     anything else is reported as a retryable failure with a generic Vietnamese reason
     */
    Outcome publish(PublicationRequested request);

    /**
     * Takes an item of a tenant down from this channel. Must be idempotent: retracting what is not (or no longer)
     * published does nothing. The library calls it once per {@code ContentRetracted} event.
     */
    void retract(String tenantId, String itemId);

    /** Whether the channel can publish now; announced every heartbeat. */
    default boolean healthy() {
        return true;
    }

    /**
     * Whether calling {@link #publish} again for the same request leaves the same result as calling it once (e.g.
     * the channel keys what it stores by tenant and item). Only matters after an instance crashed in the middle of
     * a publication: a repeatable channel is called again; otherwise the request is reported failed (retryable,
     * "result unknown") so that a person checks the channel before retrying — the request is never published twice.
     */
    default boolean repeatable() {
        return false;
    }
}
