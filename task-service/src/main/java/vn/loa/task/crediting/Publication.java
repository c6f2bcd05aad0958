package vn.loa.task.crediting;

import java.time.Instant;
import java.util.List;

/**
 * One publication of an item as the ledger keeps it: the channel (null for an activity held), the instant, and what
 * the item was at that moment (its kind, the tasks it named).
 */
public record Publication(String channel, Instant at, String kind, List<String> taskIds) {

    public Publication {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }
}
