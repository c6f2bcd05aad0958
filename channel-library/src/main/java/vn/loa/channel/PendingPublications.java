package vn.loa.channel;

import java.time.Instant;

/**
 * Completes requests that a channel parked with {@link PublicationPending}: exactly one result event per request,
 * written through the outbox in the single-document update that closes the library's record of the request (the
 * same guarantee as an answer from {@link Channel#publish}). Auto-configured; inject it where the later answer is
 * known (e.g. the operator's "confirm" endpoint of the manual channel).
 *
 * <p>Idempotent: only a {@code PENDING} request is completed; completing it again (by a retried call, a second
 * operator, another instance) sends nothing and returns what was recorded first, with {@link Completion#now()} false.
 * The caller compares the recorded result with what it asked for.
 */
public interface PendingPublications {

    /**
     * Answers a parked request with {@code PublicationSucceeded} ({@code outcome.publishedAt()} null = now).
     *
     * @param tenantId  the caller's tenant: a request of another tenant is {@link Completion.Status#UNKNOWN}
     */
    Completion succeed(String tenantId, String requestId, Outcome outcome);

    /** Answers a parked request with {@code PublicationFailed(reason, retryable)}. */
    Completion fail(String tenantId, String requestId, String reasonInVietnamese, boolean retryable);

    /**
     * What the library has recorded for a request after the call.
     *
     * @param status      the request's state
     * @param now         whether this call completed it (and so sent the event)
     * @param url         for {@code SUCCEEDED}: the recorded URL
     * @param publishedAt for {@code SUCCEEDED}: the recorded time
     * @param externalId  for {@code SUCCEEDED}: the recorded external id
     * @param reason      for {@code FAILED}: the recorded reason
     * @param retryable   for {@code FAILED}: whether it was reported retryable
     */
    record Completion(Status status, boolean now, String url, Instant publishedAt, String externalId, String reason,
            boolean retryable) {

        public enum Status {
            /** Answered with {@code PublicationSucceeded} (by this call if {@code now}, else earlier). */
            SUCCEEDED,
            /** Answered with {@code PublicationFailed} (by this call if {@code now}, else earlier). */
            FAILED,
            /** Being handled by the request consumer right now (not parked yet): try again in a moment. */
            IN_PROGRESS,
            /** No request with this id for this tenant on this app's channels. */
            UNKNOWN
        }

        public static Completion of(Status status) {
            return new Completion(status, false, null, null, null, null, false);
        }
    }
}
