package vn.loa.plan.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;

/**
 * A commune's plan (Kế hoạch) and its annex of tasks: one MongoDB document, so that every change, with the events it
 * produces, is one atomic write. Immutable: each transition returns the next state (and its events), and the store
 * writes it only if the document is still in the state it was read in.
 *
 * @param version  the plan version task-service sees: 0 as a draft, 1 when issued, +1 per amendment
 * @param revision the document's write counter, for optimistic concurrency (every write, drafts included)
 */
@Document("plans")
public record Plan(
        @Id String id,
        String tenantId,
        PlanStatus status,
        int version,
        long revision,
        PlanContent content,
        List<AnnexTask> tasks,
        List<ImportNote> importNotes,
        Stamp created,
        Stamp updated,
        Stamp issued,
        List<Amendment> amendments,
        Stamp closed) {

    /** A transition's result: the next state and the events to publish with it. */
    public record Change(Plan plan, List<PlanEvent> events) {
    }

    public Plan {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        importNotes = importNotes == null ? List.of() : List.copyOf(importNotes);
        amendments = amendments == null ? List.of() : List.copyOf(amendments);
    }

    public static Plan draft(String id, String tenantId, PlanContent content, List<AnnexTask> tasks,
            List<ImportNote> importNotes, Stamp stamp) {
        if (tasks.size() > PlanRules.MAX_TASKS) {
            throw tooManyTasks();
        }
        return new Plan(id, tenantId, PlanStatus.DRAFT, 0, 0, content, numbered(tasks), importNotes, stamp, stamp,
                null, List.of(), null);
    }

    public Plan revise(PlanContent newContent, Stamp stamp) {
        requireDraft();
        return with(newContent, tasks, stamp);
    }

    public Plan addTask(String taskId, TaskDetails details, Stamp stamp) {
        requireDraft();
        if (tasks.size() >= PlanRules.MAX_TASKS) {
            throw tooManyTasks();
        }
        List<AnnexTask> next = new ArrayList<>(tasks);
        next.add(AnnexTask.of(taskId, tasks.size() + 1, details));
        return with(content, next, stamp);
    }

    public Plan changeTask(String taskId, TaskDetails details, Stamp stamp) {
        requireDraft();
        AnnexTask old = task(taskId);
        return with(content, tasks.stream().map(t -> t == old ? t.with(details) : t).toList(), stamp);
    }

    public Plan removeTask(String taskId, Stamp stamp) {
        requireDraft();
        AnnexTask old = task(taskId);
        return with(content, numbered(tasks.stream().filter(t -> t != old).toList()), stamp);
    }

    /** A leader issues the draft: version 1, every task goes live. */
    public Change issue(Stamp stamp) {
        requireDraft();
        PlanRules.check(new PlanRules().readyToIssue(content, tasks));
        List<AnnexTask> live = tasks.stream().map(t -> t.since(1)).toList();
        Plan next = new Plan(id, tenantId, PlanStatus.ISSUED, 1, revision, content, live, List.of(), created, stamp,
                stamp, amendments, null);
        PlanIssued event = new PlanIssued(tenantId, id, 1, content.number(), content.title(), content.period().from(),
                content.period().to(), content.issuedOn(), stamp.at(), stamp.by(),
                live.stream().map(AnnexTask::planned).toList(), Signer.planned(content.signer()));
        return new Change(next, List.of(event));
    }

    /**
     * A leader amends the issued plan: a new version with tasks added (new ids, at the end of the annex), changed
     * (same id and position) and withdrawn (kept, marked withdrawn). The details are checked by the caller.
     */
    public Change amend(String reason, List<TaskDetails> added, Map<String, TaskDetails> changed,
            List<String> withdrawn, Supplier<String> newTaskId, Stamp stamp) {
        requireLive("điều chỉnh");
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        changed.keySet().forEach(taskId -> requireActive(taskId, "changed", problems, touched));
        for (int i = 0; i < withdrawn.size(); i++) {
            requireActive(withdrawn.get(i), "withdrawnTaskIds[" + i + "]", problems, touched);
        }
        if (added.isEmpty() && changed.isEmpty() && withdrawn.isEmpty()) {
            problems.add(new InvalidInput.FieldProblem("", "Điều chỉnh cần có ít nhất một thay đổi nhiệm vụ."));
        }
        if (tasks.size() + added.size() > PlanRules.MAX_TASKS) {
            problems.add(new InvalidInput.FieldProblem("added", "Kế hoạch có tối đa " + PlanRules.MAX_TASKS
                    + " nhiệm vụ."));
        }
        PlanRules.check(problems);

        int nextVersion = version + 1;
        List<AnnexTask> next = new ArrayList<>();
        List<PlannedTask> changedTasks = new ArrayList<>();
        for (AnnexTask t : tasks) {
            if (changed.containsKey(t.id())) {
                AnnexTask c = t.with(changed.get(t.id()));
                next.add(c);
                changedTasks.add(c.planned());
            } else if (withdrawn.contains(t.id())) {
                next.add(t.withdrawnIn(nextVersion));
            } else {
                next.add(t);
            }
        }
        List<PlannedTask> addedTasks = new ArrayList<>();
        for (TaskDetails d : added) {
            AnnexTask a = AnnexTask.of(newTaskId.get(), next.size() + 1, d).since(nextVersion);
            next.add(a);
            addedTasks.add(a.planned());
        }
        List<Amendment> history = new ArrayList<>(amendments);
        history.add(new Amendment(nextVersion, reason, addedTasks.stream().map(PlannedTask::taskId).toList(),
                List.copyOf(changed.keySet()), withdrawn, stamp));
        Plan plan = new Plan(id, tenantId, PlanStatus.AMENDED, nextVersion, revision, content, next, importNotes,
                created, stamp, issued, history, null);
        PlanAmended event = new PlanAmended(tenantId, id, nextVersion, addedTasks, changedTasks,
                List.copyOf(withdrawn), reason, stamp.at(), stamp.by());
        return new Change(plan, List.of(event));
    }

    /** A leader closes the plan: its tasks take no more credit. */
    public Change close(Stamp stamp) {
        requireLive("đóng");
        Plan plan = new Plan(id, tenantId, PlanStatus.CLOSED, version, revision, content, tasks, importNotes, created,
                stamp, issued, amendments, stamp);
        return new Change(plan, List.of(new PlanClosed(tenantId, id, version, stamp.at(), stamp.by())));
    }

    public AnnexTask task(String taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new NotFound("Không tìm thấy nhiệm vụ trong kế hoạch."));
    }

    public void requireDraft() {
        if (status != PlanStatus.DRAFT) {
            throw new Conflict(status == PlanStatus.CLOSED
                    ? "Kế hoạch đã đóng, không thể sửa."
                    : "Kế hoạch đã ban hành, không thể sửa trực tiếp: hãy dùng chức năng điều chỉnh kế hoạch.");
        }
    }

    /** Throws {@link Conflict} unless the plan is issued (or amended) and not closed. */
    public void requireLive(String action) {
        if (!status.isLive()) {
            throw new Conflict(status == PlanStatus.DRAFT
                    ? "Kế hoạch chưa ban hành, không thể " + action + "."
                    : "Kế hoạch đã đóng, không thể " + action + ".");
        }
    }

    private void requireActive(String taskId, String field, List<InvalidInput.FieldProblem> problems,
            Set<String> touched) {
        boolean active = tasks.stream().anyMatch(t -> t.id().equals(taskId) && t.isActive());
        if (!active) {
            problems.add(new InvalidInput.FieldProblem(field, "Không có nhiệm vụ đang thực hiện với mã \"" + taskId
                    + "\" trong kế hoạch."));
        } else if (!touched.add(taskId)) {
            problems.add(new InvalidInput.FieldProblem(field, "Nhiệm vụ \"" + taskId
                    + "\" chỉ được sửa hoặc rút một lần trong một lần điều chỉnh."));
        }
    }

    private Plan with(PlanContent newContent, List<AnnexTask> newTasks, Stamp stamp) {
        return new Plan(id, tenantId, status, version, revision, newContent, newTasks, importNotes, created, stamp,
                issued, amendments, closed);
    }

    /** The same plan as the store will hold it after this write. */
    public Plan atRevision(long newRevision) {
        return new Plan(id, tenantId, status, version, newRevision, content, tasks, importNotes, created, updated,
                issued, amendments, closed);
    }

    private static List<AnnexTask> numbered(List<AnnexTask> tasks) {
        List<AnnexTask> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            out.add(tasks.get(i).at(i + 1));
        }
        return out;
    }

    private static InvalidInput tooManyTasks() {
        return new InvalidInput("tasks", "Kế hoạch có tối đa " + PlanRules.MAX_TASKS + " nhiệm vụ.");
    }
}
