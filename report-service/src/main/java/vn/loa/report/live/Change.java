package vn.loa.report.live;

/**
 * What an applied event changed, for the live dashboards: the tenant (commune) whose dashboard moved, what moved
 * ({@code task}, {@code publication}, {@code pipeline}, {@code plan}, {@code submission}, {@code channel},
 * {@code engagement}), the id of
 * the thing and the event type that moved it.
 */
public record Change(String tenant, String area, String subject, String cause) {
}
