package vn.loa.contracts.content;

import java.time.Instant;
import java.util.List;

/**
 * An item was published on one channel at an instant, or an activity was held (then {@code channel} is null and
 * {@code publishedAt} is the start of the day it was held). One event per channel publication: this is what
 * task-service credits from.
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
        String url) implements ContentEvent {

    public ContentPublished {
        themes = List.copyOf(themes);
        taskIds = List.copyOf(taskIds);
    }
}
