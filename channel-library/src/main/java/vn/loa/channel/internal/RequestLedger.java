package vn.loa.channel.internal;

/** The collections of the library, in the channel app's own database. */
final class RequestLedger {

    /** One record per {@code requestId}: the idempotency record of a publication, with its outbox. */
    static final String COLLECTION = "channel_requests";
    /** One record per retraction event and channel. */
    static final String RETRACTIONS = "channel_retractions";

    private RequestLedger() {
    }
}
