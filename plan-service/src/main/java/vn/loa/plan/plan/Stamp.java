package vn.loa.plan.plan;

import java.time.Instant;

/** Who did something to a plan, and when. */
public record Stamp(String by, Instant at) {
}
