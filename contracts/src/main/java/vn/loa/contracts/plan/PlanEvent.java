package vn.loa.contracts.plan;

import vn.loa.contracts.LoaEvent;

/** Events of a plan (Kế hoạch). Topic {@code plan.plan.events}, key = plan id. */
public sealed interface PlanEvent extends LoaEvent permits PlanIssued, PlanAmended, PlanClosed {

    String planId();

    /** The plan version this event produced: 1 when issued, +1 per amendment. */
    int version();

    @Override
    default String subject() {
        return planId();
    }
}
