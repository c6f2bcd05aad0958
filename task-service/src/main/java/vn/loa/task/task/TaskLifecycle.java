package vn.loa.task.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;

/**
 * Tasks follow their plan: issued with it, changed, added or withdrawn by its amendments, stopped when it closes.
 * Each method is idempotent (a plan version is applied once) and answers the ids of the tasks it concerns, so the
 * caller can settle their credits again — also on a redelivery, in case the first delivery stopped half-way.
 */
@Component
public class TaskLifecycle {

    private final Tasks tasks;
    private final Plans plans;

    public TaskLifecycle(Tasks tasks, Plans plans) {
        this.tasks = tasks;
        this.plans = plans;
    }

    public List<String> issued(PlanIssued plan) {
        plans.recordIssued(plan.tenantId(), plan.planId(), plan.periodFrom(), plan.periodTo(), plan.issuedOn());
        List<String> ids = new ArrayList<>();
        for (PlannedTask planned : plan.tasks()) {
            Task task = Task.issue(plan.tenantId(), plan.planId(), plan.version(), plan.periodFrom(), plan.periodTo(),
                    plan.issuedOn(), planned);
            tasks.insertIfAbsent(task);
            tasks.catalogue(task);
            ids.add(task.id());
        }
        return ids;
    }

    public List<String> amended(PlanAmended amendment) {
        // plan events share one key, so the issue is always read first; without it this event cannot be applied
        Plans.PlanPeriod period = plans.period(amendment.tenantId(), amendment.planId()).orElseThrow(
                () -> new IllegalStateException("Plan " + amendment.planId() + " amended before it was issued"));
        List<String> ids = new ArrayList<>();
        for (PlannedTask planned : amendment.added()) {
            ids.add(add(amendment, period, planned));
        }
        for (PlannedTask planned : amendment.changed()) {
            String id = Task.id(amendment.tenantId(), planned.taskId());
            Optional<Task> amended = tasks.changeWhole(id, t -> t.amend(amendment.version(), amendment.amendedAt(), planned));
            if (amended.isPresent()) {
                tasks.catalogue(amended.get()); // it may accept more kinds now
            } else {
                add(amendment, period, planned); // changed before we ever saw it: take it as it is now
            }
            ids.add(id);
        }
        for (String taskId : amendment.withdrawnTaskIds()) {
            String id = Task.id(amendment.tenantId(), taskId);
            tasks.change(id, t -> t.withdrawFromPlan(amendment.version(), amendment.amendedAt()));
            ids.add(id);
        }
        return ids;
    }

    public List<String> closed(PlanClosed closing) {
        List<String> ids = new ArrayList<>();
        for (Task task : tasks.ofPlan(closing.tenantId(), closing.planId())) {
            tasks.change(task.id(), t -> t.closePlan(closing.version(), closing.closedAt()));
            ids.add(task.id());
        }
        return ids;
    }

    private String add(PlanAmended amendment, Plans.PlanPeriod period, PlannedTask planned) {
        Task task = Task.issue(amendment.tenantId(), amendment.planId(), amendment.version(), period.from(),
                period.to(), period.issuedOn(), planned);
        tasks.insertIfAbsent(task);
        tasks.catalogue(task);
        return task.id();
    }
}
