package vn.loa.contracts;

/** Tenant ids that are not communes. */
public final class Tenants {

    /** Facts about the platform itself (a channel registering), not about one commune. */
    public static final String PLATFORM = "platform";

    private Tenants() {
    }
}
