package vn.loa.channel;

/**
 * Thrown by {@link Channel#publish} to say "accepted, the answer comes later": the channel cannot publish by itself
 * and waits for something outside the request (an operator who posts the item by hand and gives its URL). The library
 * then sends <b>no</b> answer: it parks the request as {@code PENDING} (a redelivery finds it parked and does
 * nothing) until the app completes it through {@link PendingPublications}, which sends the one
 * {@code PublicationSucceeded} or {@code PublicationFailed} through the outbox.
 *
 * <p>Not an error: it carries no stack trace. A channel that throws it should be {@link Channel#repeatable()} (record
 * the waiting request with an upsert keyed by the request id), so a crash before the request is parked is repaired
 * by calling {@code publish} again.
 */
public class PublicationPending extends RuntimeException {

    /** @param noteInVietnamese what the request waits for (kept on the library's record), e.g. "Chờ cán bộ xác nhận". */
    public PublicationPending(String noteInVietnamese) {
        super(noteInVietnamese, null, false, false);
    }
}
