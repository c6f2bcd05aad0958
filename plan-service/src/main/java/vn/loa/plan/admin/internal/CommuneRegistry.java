package vn.loa.plan.admin.internal;

import java.util.Collection;
import java.util.Set;

/**
 * Which communes are active on this deployment, and which accounts a deactivation disabled (so that activating again
 * enables exactly those). Kept in plan-service's database, collection {@code communes} (docs/adr/0011).
 */
interface CommuneRegistry {

    /** The codes among these that are active. */
    Set<String> active(Collection<String> codes);

    boolean isActive(String code);

    /** Records the commune active (by whom); returns the accounts its last deactivation disabled. */
    Set<String> activate(String code, String by);

    /** Records the commune inactive (by whom). */
    void deactivate(String code, String by);

    /** Remembers accounts a deactivation disabled. */
    void suspended(String code, Collection<String> accountIds);

    /** Forgets accounts: enabled again, or disabled on purpose by an administrator. */
    void released(String code, Collection<String> accountIds);

    /** Records the commune active unless it has a state already (the demo's seed communes). */
    void activeUnlessKnown(String code);
}
