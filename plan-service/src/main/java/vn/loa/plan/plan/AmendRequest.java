package vn.loa.plan.plan;

import java.util.List;

/**
 * The changes a leader makes to an issued plan ({@code POST /api/plans/{id}/amend}): tasks added, tasks changed
 * (full new state; the id stays, and so do the credits earned), tasks withdrawn (their history stays).
 *
 * @param expectedVersion optional: the version the leader looked at; another version answers 409
 */
public record AmendRequest(String reason, List<TaskRequest> added, List<ChangedTask> changed,
        List<String> withdrawnTaskIds, Integer expectedVersion) {

    public AmendRequest {
        added = added == null ? List.of() : List.copyOf(added);
        changed = changed == null ? List.of() : List.copyOf(changed);
        withdrawnTaskIds = withdrawnTaskIds == null ? List.of() : List.copyOf(withdrawnTaskIds);
    }

    /** The new state of one existing task. */
    public record ChangedTask(String taskId, TaskRequest task) {
    }
}
