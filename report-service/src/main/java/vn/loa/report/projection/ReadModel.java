package vn.loa.report.projection;

import java.util.List;

/** The read models' collections: everything here is built from events only and can be dropped and rebuilt. */
public final class ReadModel {

    /** One document per task: its definition (versioned by plan version), credits, withdrawals, closings. */
    public static final String TASKS = "rm_tasks";
    /** One document per plan: number, title, period, closed. */
    public static final String PLANS = "rm_plans";
    /** One document per (item, channel) — channel "-" for an activity held: published, retracted, failed. */
    public static final String PUBLICATIONS = "rm_publications";
    /** One document per content item: approval (the editorial pipeline). */
    public static final String ITEMS = "rm_items";
    /** One document per channel: its display name from the registry. */
    public static final String CHANNELS = "rm_channels";

    public static final List<String> ALL = List.of(TASKS, PLANS, PUBLICATIONS, ITEMS, CHANNELS);

    /** The channel key of an activity held (no channel). */
    public static final String NO_CHANNEL = "-";

    private ReadModel() {
    }

    public static String publicationId(String itemId, String channel) {
        return itemId + "|" + (channel == null ? NO_CHANNEL : channel);
    }
}
