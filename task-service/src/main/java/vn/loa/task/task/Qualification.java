package vn.loa.task.task;

import java.time.Instant;
import vn.loa.contracts.task.CreditBasis;

/** The publication an item is credited by: the earliest live publication that qualifies for the task. */
public record Qualification(String channel, Instant publishedAt, String kind, CreditBasis basis) {
}
