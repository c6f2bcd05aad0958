package vn.loa.contracts.content;

import java.time.Instant;
import java.util.List;

/**
 * An item was published on one channel at an instant, or an activity was held (then {@code channel} is null and
 * {@code publishedAt} is the start of the day it was held). One event per channel publication: this is what
 * task-service credits from.
 *
 * @param kind   the item's kind, the activity's kind, or — for a visual product recorded on the {@code truc-quan}
 *               channel — the kind of the product put up ({@code banner}, {@code poster}, {@code leaflet},
 *               {@code notice}, {@code handout}): what task-service matches
 * @param visual where and how many, for a visual product recorded by a commune officer; null for any other
 *               publication, and in events written before the field existed (an additive change: consumers treat it
 *               as possibly absent)
 */
public record ContentPublished(
        String tenantId,
        String itemId,
        String kind,
        String title,
        List<String> themes,
        List<String> taskIds,
        String unit,
        String channel,
        Instant publishedAt,
        String url,
        VisualProduct visual) implements ContentEvent {

    public ContentPublished {
        themes = List.copyOf(themes);
        taskIds = List.copyOf(taskIds);
    }

    /** A publication that is not a visual product (the shape of the event before {@code visual} was added). */
    public ContentPublished(String tenantId, String itemId, String kind, String title, List<String> themes,
            List<String> taskIds, String unit, String channel, Instant publishedAt, String url) {
        this(tenantId, itemId, kind, title, themes, taskIds, unit, channel, publishedAt, url, null);
    }
}
