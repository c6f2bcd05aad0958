package vn.loa.plan.plan;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.loa.contracts.plan.PlanEvent;

/** Where plans live: one document each. Every write is conditional, so that two requests cannot both win. */
public interface PlanStore {

    Optional<Plan> find(String id);

    /** Plans of these tenants (all tenants when null), newest first, at most {@code limit}. */
    List<Plan> list(Collection<String> tenantIds, int limit);

    boolean existsWithNumber(String tenantId, String number);

    /** Inserts a new plan; false when a plan with that id already exists. */
    boolean insert(Plan plan);

    /**
     * Replaces {@code before} by {@code after} together with its events (one atomic write), only if the document is
     * still at {@code before}'s revision and status; returns what was written. Throws
     * {@link vn.loa.platform.problem.Conflict} when someone else changed it first.
     */
    Plan write(Plan before, Plan after, List<? extends PlanEvent> events);

    /** Deletes a draft, only if it is still the same draft; throws {@code Conflict} otherwise. */
    void delete(Plan draft);
}
