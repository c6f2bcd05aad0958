package vn.loa.content.item;

/** The state of one item on one channel. */
public enum PublicationStatus {
    /** Sent to the channel, no final answer yet (also while waiting to re-send after a retryable failure). */
    REQUESTED,
    SUCCEEDED,
    /** Failed for good (not retryable, or retryable attempts used up); can be retried by hand (a new attempt). */
    FAILED,
    /** Was published, then taken down. */
    RETRACTED,
    /** The item was retracted before the channel answered; a late success is taken down at once. */
    CANCELLED
}
