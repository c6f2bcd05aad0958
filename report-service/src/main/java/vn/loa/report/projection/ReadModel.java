package vn.loa.report.projection;

import com.mongodb.client.model.Indexes;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The read models' collections: everything here is built from events only and can be dropped and rebuilt. */
public final class ReadModel {

    /** One document per task: its definition (versioned by plan version), closings. */
    public static final String TASKS = "rm_tasks";
    /**
     * One document per (task, credit): the credit and, once withdrawn, its withdrawal — so that no document grows with
     * a task's history, not even in one busy period. Id {@code <task id>|<credit id>}. Documents written before were
     * one per (task, quota period) holding many credits (ADR 0006; id {@code <task id>|<period>}); readers take both.
     */
    public static final String TASK_CREDITS = "rm_task_credits";
    /** One document per plan: number, title, period, closed. */
    public static final String PLANS = "rm_plans";
    /** One document per (item, channel) — channel "-" for an activity held: published, retracted, failed. */
    public static final String PUBLICATIONS = "rm_publications";
    /** One document per content item: last submission, approval and return (the editorial pipeline). */
    public static final String ITEMS = "rm_items";
    /** One document per channel: its display name from the registry. */
    public static final String CHANNELS = "rm_channels";

    /**
     * One document per (tenant, channel, item, commune day) of counted engagement: {@code w.<window key>} holds the
     * figures of each window that began that day (a {@code $set}: a window read twice is the same window). Id
     * {@code <tenant>|<channel>|<item or ->|<yyyy-MM-dd>}.
     */
    public static final String ENGAGEMENT_DAYS = "rm_engagement_days";
    /** One document per (tenant, channel, item): an operator's latest running totals (the latest {@code asOf}). */
    public static final String ENGAGEMENT_TOTALS = "rm_engagement_totals";

    public static final List<String> ALL = List.of(TASKS, TASK_CREDITS, PLANS, PUBLICATIONS, ITEMS, CHANNELS,
            ENGAGEMENT_DAYS, ENGAGEMENT_TOTALS);

    /** The channel key of an activity held (no channel). */
    public static final String NO_CHANNEL = "-";

    private ReadModel() {
    }

    /**
     * Every read model is read by tenant: an index on it. Publications are also read by tenant and first publication
     * (the province dashboard's month), engagement by tenant and day (the dashboards' last days).
     */
    public static void ensureIndexes(MongoTemplate mongo) {
        for (String collection : ALL) {
            switch (collection) {
                case CHANNELS -> {
                }
                case PUBLICATIONS -> mongo.getCollection(collection).createIndex(Indexes.compoundIndex(
                        Indexes.ascending("tenant"), Indexes.ascending("firstPublishedAt")));
                case ENGAGEMENT_DAYS, ENGAGEMENT_TOTALS -> mongo.getCollection(collection).createIndex(
                        Indexes.compoundIndex(Indexes.ascending("tenant"), Indexes.ascending("day")));
                default -> mongo.getCollection(collection).createIndex(Indexes.ascending("tenant"));
            }
        }
    }

    public static String taskCreditId(String taskId, String creditId) {
        return taskId + "|" + creditId;
    }

    public static String engagementDayId(String tenant, String channel, String itemId, String day) {
        return tenant + "|" + channel + "|" + (itemId == null ? NO_CHANNEL : itemId) + "|" + day;
    }

    public static String engagementTotalId(String tenant, String channel, String itemId) {
        return tenant + "|" + channel + "|" + (itemId == null ? NO_CHANNEL : itemId);
    }

    public static String publicationId(String itemId, String channel) {
        return itemId + "|" + (channel == null ? NO_CHANNEL : channel);
    }
}
