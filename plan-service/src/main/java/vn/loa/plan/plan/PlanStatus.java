package vn.loa.plan.plan;

/**
 * DRAFT (editable, deletable) → ISSUED (frozen; tasks live) → AMENDED (revised by a leader, a new version) →
 * CLOSED (no more credit).
 */
public enum PlanStatus {
    DRAFT, ISSUED, AMENDED, CLOSED;

    /** Issued and not closed: the state an amendment or a close starts from. */
    public boolean isLive() {
        return this == ISSUED || this == AMENDED;
    }
}
