package vn.loa.channel;

/**
 * Counts what reached people on a channel's public side (a portal page read, a bulletin played): once per visitor
 * per commune day, in memory on the request thread, sent as {@code PublicationEngaged} windows through the channel's
 * outbox. A visitor is never stored: see {@link Visitor} and docs/operations.md («Đếm lượt xem»).
 */
public interface Engagement {

    /** What is counted. */
    enum Figure {
        /** A public page of the item read. */
        VIEWS,
        /** The commune's Atom feed fetched (about no item). */
        FEED_FETCHES,
        /** The item's audio played (an inline GET). */
        PLAYS,
        /** The item's audio downloaded ({@code ?download}). */
        DOWNLOADS
    }

    /**
     * Counts one figure for a visitor, unless that visitor was already counted for the same figure, item and channel
     * today (commune time).
     *
     * @param itemId        the item, or null for a figure about no item (the feed)
     * @param publicationId the publication's request id, when known
     * @return whether it counted (false: seen today, or counting switched off)
     */
    boolean count(String tenantId, String channel, String itemId, String publicationId, Figure figure,
            Visitor visitor);
}
