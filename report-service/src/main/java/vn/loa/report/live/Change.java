package vn.loa.report.live;

/**
 * What an applied event changed, for the live dashboards: the tenant (commune) whose dashboard moved, what moved
 * ({@code task}, {@code publication}, {@code pipeline}, {@code plan}, {@code submission}, {@code channel},
 * {@code engagement}), the id of the thing and the event type that moved it.
 *
 * <p>{@code repeat}: the event had already been applied to the read models (a redelivery). Its change is then
 * announced only if the log does not hold it yet — the earlier delivery may have updated the read model and failed (or
 * been killed) before its change was written, and the dashboards must still hear of it, once.
 */
public record Change(String tenant, String area, String subject, String cause, boolean repeat) {

    public Change(String tenant, String area, String subject, String cause) {
        this(tenant, area, subject, cause, false);
    }

    /** The same change, from an event already applied: written only if the log lacks it. */
    public Change again() {
        return new Change(tenant, area, subject, cause, true);
    }
}
