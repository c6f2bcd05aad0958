package vn.loa.plan.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.platform.problem.Conflict;

/** The store's contract in memory, for web-slice tests: conditional writes, events kept in order. */
public class InMemoryPlanStore implements PlanStore {

    private final Map<String, Plan> plans = new LinkedHashMap<>();
    public final List<PlanEvent> published = new ArrayList<>();

    @Override
    public synchronized Optional<Plan> find(String id) {
        return Optional.ofNullable(plans.get(id));
    }

    @Override
    public synchronized List<Plan> list(Collection<String> tenantIds, int limit) {
        return plans.values().stream().filter(p -> tenantIds == null || tenantIds.contains(p.tenantId()))
                .sorted(Comparator.comparing((Plan p) -> p.created().at()).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized boolean existsWithNumber(String tenantId, String number) {
        return plans.values().stream().anyMatch(p -> p.tenantId().equals(tenantId)
                && number.equals(p.content().number()));
    }

    @Override
    public synchronized boolean insert(Plan plan) {
        return plans.putIfAbsent(plan.id(), plan) == null;
    }

    @Override
    public synchronized Plan write(Plan before, Plan after, List<? extends PlanEvent> events) {
        Plan current = plans.get(before.id());
        if (current == null || current.revision() != before.revision() || current.status() != before.status()) {
            throw new Conflict("Kế hoạch vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại.");
        }
        Plan written = after.atRevision(before.revision() + 1);
        plans.put(written.id(), written);
        published.addAll(events);
        return written;
    }

    @Override
    public synchronized void delete(Plan draft) {
        Plan current = plans.get(draft.id());
        if (current == null || current.revision() != draft.revision()) {
            throw new Conflict("Kế hoạch vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại.");
        }
        plans.remove(draft.id());
    }
}
