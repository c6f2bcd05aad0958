package vn.loa.contracts.channel;

/** How the figures of a {@link PublicationEngaged} are to be read. */
public enum EngagementBasis {
    /**
     * Counted by the channel inside the window {@code [from, to)}: windows add up (portal views, radio plays). A
     * window is sent once, so the same window read again is the same figures.
     */
    COUNTED_IN_WINDOW,
    /**
     * An operator's running total as of {@code to} (reach, reactions, shares read off a Facebook page): it replaces
     * the earlier totals of the same item and channel; the one with the latest {@code to} wins.
     */
    RUNNING_TOTAL
}
