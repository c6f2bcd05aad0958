package vn.loa.task.crediting;

import java.time.Instant;

/** The item was taken down from a channel (null: an activity record withdrawn) at an instant. */
public record Retraction(String channel, Instant at) {
}
