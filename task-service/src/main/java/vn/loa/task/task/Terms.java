package vn.loa.task.task;

import java.time.Instant;
import java.util.List;

/**
 * What a task accepts when an item names no task: its product kinds and channels, in force from {@code since}
 * (null: from the beginning). An amendment adds new terms instead of overwriting, so a publication is always judged
 * by the terms in force when it happened, whatever order the events arrive in.
 */
public record Terms(Instant since, List<String> productKinds, List<String> channels) {

    public Terms {
        productKinds = productKinds == null ? List.of() : List.copyOf(productKinds);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /**
     * Whether a publication of this kind on this channel matches. Activities have no channel: kind decides alone.
     */
    public boolean match(String kind, String channel) {
        return productKinds.contains(kind) && (channel == null || channels.contains(channel));
    }

    public boolean sameAs(Terms other) {
        return productKinds.equals(other.productKinds) && channels.equals(other.channels);
    }
}
