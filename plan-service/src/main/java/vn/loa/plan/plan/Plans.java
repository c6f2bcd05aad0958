package vn.loa.plan.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput.FieldProblem;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Forbidden;
import vn.loa.platform.tenancy.Role;

/**
 * The plans feature, as the controller, the import and the demo use it. Who may do what: a commune's own staff
 * (EDITOR, LEADER, ADMIN) draft; only its LEADER issues, amends and closes; a province VIEWER reads the plans of
 * its communes and writes nothing. Another tenant's plan is "not found", never "forbidden".
 */
@Service
public class Plans {

    private static final int LIST_LIMIT = 500;

    private final PlanStore store;
    private final Clock clock;
    private final PlanRules rules = new PlanRules();

    public Plans(PlanStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Plan create(Caller caller, PlanContent content) {
        return createDraft(caller, newId(), content, List.of(), List.of());
    }

    /**
     * A draft with its tasks at once (the import, the demo). {@code id} lets the demo use a fixed id, so that two
     * instances starting together create it once; returns null when a plan with that id exists already.
     */
    public Plan createDraft(Caller caller, String id, PlanContent content, List<TaskDetails> tasks,
            List<ImportNote> notes) {
        return createDraft(caller, id, content, tasks, notes, order -> newId());
    }

    /**
     * The same, with the tasks' ids given by their order (1, 2 …): the demo's fixed task ids, which the other
     * services' demo parts name (docs/adr/0009).
     */
    public Plan createDraft(Caller caller, String id, PlanContent content, List<TaskDetails> tasks,
            List<ImportNote> notes, java.util.function.IntFunction<String> taskId) {
        drafting(caller);
        List<FieldProblem> problems = new ArrayList<>(rules.content(content));
        List<AnnexTask> annex = new ArrayList<>();
        for (TaskDetails d : tasks) {
            annex.add(AnnexTask.of(taskId.apply(annex.size() + 1), annex.size() + 1, d));
        }
        problems.addAll(rules.tasks(annex, content.period()));
        PlanRules.check(problems);
        Plan plan = Plan.draft(id, caller.tenantId(), content, annex, notes, stamp(caller));
        return store.insert(plan) ? plan : null;
    }

    /** Plans the caller may read: its commune's, or (for a province VIEWER) its communes', or one commune's. */
    public List<Plan> list(Caller caller, String tenant) {
        if (tenant != null) {
            if (!caller.canRead(tenant)) {
                throw new NotFound("Không tìm thấy đơn vị hành chính này trong phạm vi được xem.");
            }
            return store.list(List.of(tenant), LIST_LIMIT);
        }
        if (caller.has(Role.SYSADMIN) && !caller.isCommune()) {
            return store.list(null, LIST_LIMIT);
        }
        var province = CommuneDirectory.instance().province(caller.tenantId());
        if (province.isPresent() && caller.has(Role.VIEWER)) {
            return store.list(province.get().communes().stream().map(CommuneDirectory.Commune::code).toList(),
                    LIST_LIMIT);
        }
        return store.list(List.of(caller.tenantId()), LIST_LIMIT);
    }

    public Plan get(Caller caller, String id) {
        return store.find(id).filter(p -> caller.canRead(p.tenantId())).orElseThrow(Plans::notFound);
    }

    public Plan revise(Caller caller, String id, PlanContent content) {
        drafting(caller);
        Plan plan = own(caller, id);
        plan.requireDraft();
        List<FieldProblem> problems = new ArrayList<>(rules.content(content));
        problems.addAll(rules.tasks(plan.tasks(), content.period()));
        PlanRules.check(problems);
        return store.write(plan, plan.revise(content, stamp(caller)), List.of());
    }

    public void delete(Caller caller, String id) {
        drafting(caller);
        Plan plan = own(caller, id);
        plan.requireDraft();
        store.delete(plan);
    }

    public AnnexTask task(Caller caller, String id, String taskId) {
        return get(caller, id).task(taskId);
    }

    public AnnexTask addTask(Caller caller, String id, TaskRequest request) {
        drafting(caller);
        Plan plan = own(caller, id);
        plan.requireDraft();
        TaskDetails details = checked(request, plan, "");
        String taskId = newId();
        return store.write(plan, plan.addTask(taskId, details, stamp(caller)), List.of()).task(taskId);
    }

    public AnnexTask changeTask(Caller caller, String id, String taskId, TaskRequest request) {
        drafting(caller);
        Plan plan = own(caller, id);
        plan.requireDraft();
        plan.task(taskId);
        TaskDetails details = checked(request, plan, "");
        return store.write(plan, plan.changeTask(taskId, details, stamp(caller)), List.of()).task(taskId);
    }

    public void removeTask(Caller caller, String id, String taskId) {
        drafting(caller);
        Plan plan = own(caller, id);
        plan.requireDraft();
        store.write(plan, plan.removeTask(taskId, stamp(caller)), List.of());
    }

    public Plan issue(Caller caller, String id) {
        leading(caller);
        Plan plan = own(caller, id);
        Plan.Change change = plan.issue(stamp(caller));
        return store.write(plan, change.plan(), change.events());
    }

    public Plan amend(Caller caller, String id, AmendRequest request) {
        leading(caller);
        Plan plan = own(caller, id);
        if (request.expectedVersion() != null && request.expectedVersion() != plan.version()) {
            throw new Conflict("Kế hoạch đã ở phiên bản " + plan.version() + " (không phải " + request.expectedVersion()
                    + "): hãy tải lại trước khi điều chỉnh.");
        }
        plan.requireLive("điều chỉnh");
        List<FieldProblem> problems = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "Lý do điều chỉnh là bắt buộc."));
        } else if (request.reason().length() > PlanRules.ITEM) {
            problems.add(new FieldProblem("reason", "Tối đa " + PlanRules.ITEM + " ký tự."));
        }
        List<TaskDetails> added = new ArrayList<>();
        for (int i = 0; i < request.added().size(); i++) {
            added.add(rules.task(request.added().get(i), plan.content().period(), "added[" + i + "].", problems));
        }
        Map<String, TaskDetails> changed = new LinkedHashMap<>();
        for (int i = 0; i < request.changed().size(); i++) {
            AmendRequest.ChangedTask c = request.changed().get(i);
            if (c == null || c.taskId() == null || c.taskId().isBlank()) {
                problems.add(new FieldProblem("changed[" + i + "].taskId", "Mã nhiệm vụ là bắt buộc."));
                continue;
            }
            if (changed.containsKey(c.taskId())) {
                problems.add(new FieldProblem("changed[" + i + "].taskId", "Nhiệm vụ này đã được sửa ở trên."));
                continue;
            }
            changed.put(c.taskId(), rules.task(c.task(), plan.content().period(), "changed[" + i + "].task.",
                    problems));
        }
        PlanRules.check(problems);
        Plan.Change change = plan.amend(request.reason(), added, changed, request.withdrawnTaskIds(), Plans::newId,
                stamp(caller));
        return store.write(plan, change.plan(), change.events());
    }

    public Plan close(Caller caller, String id) {
        leading(caller);
        Plan plan = own(caller, id);
        Plan.Change change = plan.close(stamp(caller));
        return store.write(plan, change.plan(), change.events());
    }

    /** Whether the tenant already has a plan with this number (the demo's "once" check). */
    public boolean hasNumber(String tenantId, String number) {
        return store.existsWithNumber(tenantId, number);
    }

    private TaskDetails checked(TaskRequest request, Plan plan, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        TaskDetails details = rules.task(request, plan.content().period(), prefix, problems);
        PlanRules.check(problems);
        return details;
    }

    private Plan own(Caller caller, String id) {
        return store.find(id).filter(p -> p.tenantId().equals(caller.tenantId())).orElseThrow(Plans::notFound);
    }

    /** Throws {@link Forbidden} unless the caller may draft plans of its own commune. */
    public void requireDrafting(Caller caller) {
        drafting(caller);
    }

    private static void drafting(Caller caller) {
        if (!caller.canWrite(caller.tenantId())) {
            throw new Forbidden("Chỉ cán bộ của xã, phường (biên tập viên, lãnh đạo, quản trị) mới được soạn kế hoạch.");
        }
    }

    private static void leading(Caller caller) {
        if (!caller.canWrite(caller.tenantId()) || !caller.has(Role.LEADER)) {
            throw new Forbidden("Chỉ lãnh đạo UBND xã, phường mới được ban hành, điều chỉnh hoặc đóng kế hoạch.");
        }
    }

    private Stamp stamp(Caller caller) {
        return new Stamp(caller.userId(), clock.instant());
    }

    private static NotFound notFound() {
        return new NotFound("Không tìm thấy kế hoạch.");
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
