package vn.loa.content.item;

import java.time.Instant;

/** One step of an item's history: who moved it from which status to which, when, and why. */
public record Transition(Instant at, String by, ContentStatus from, ContentStatus to, String why) {
}
