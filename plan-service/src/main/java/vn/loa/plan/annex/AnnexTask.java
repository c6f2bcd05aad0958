package vn.loa.plan.annex;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;

/**
 * One task of a plan's annex (Danh mục nhiệm vụ cụ thể / Phụ lục). Its id is stable for the life of the plan, across
 * amendments, because task-service keeps the credits under it; {@code order} is its row in the annex.
 *
 * @param sinceVersion       the plan version that brought the task (1 for the issued annex); null while a draft
 * @param withdrawnInVersion the amendment that withdrew it; null while active
 */
public record AnnexTask(
        String id,
        int order,
        String title,
        String description,
        String leadUnit,
        List<String> coordinatingUnits,
        List<ProductKind> productKinds,
        List<String> channels,
        String audience,
        String scale,
        Quota quota,
        Due due,
        TaskState state,
        Integer sinceVersion,
        Integer withdrawnInVersion) {

    public AnnexTask {
        coordinatingUnits = coordinatingUnits == null ? List.of() : List.copyOf(coordinatingUnits);
        productKinds = productKinds == null ? List.of() : List.copyOf(productKinds);
        channels = channels == null ? List.of() : List.copyOf(channels);
        state = state == null ? TaskState.ACTIVE : state;
    }

    public static AnnexTask of(String id, int order, TaskDetails d) {
        return new AnnexTask(id, order, d.title(), d.description(), d.leadUnit(), d.coordinatingUnits(),
                d.productKinds(), d.channels(), d.audience(), d.scale(), d.quota(), d.due(), TaskState.ACTIVE, null,
                null);
    }

    public TaskDetails details() {
        return new TaskDetails(title, description, leadUnit, coordinatingUnits, productKinds, channels, audience,
                scale, quota, due);
    }

    /** The same task with new details; id, position and history stay. */
    public AnnexTask with(TaskDetails d) {
        return new AnnexTask(id, order, d.title(), d.description(), d.leadUnit(), d.coordinatingUnits(),
                d.productKinds(), d.channels(), d.audience(), d.scale(), d.quota(), d.due(), state, sinceVersion,
                withdrawnInVersion);
    }

    public AnnexTask at(int newOrder) {
        return new AnnexTask(id, newOrder, title, description, leadUnit, coordinatingUnits, productKinds, channels,
                audience, scale, quota, due, state, sinceVersion, withdrawnInVersion);
    }

    public AnnexTask since(int version) {
        return new AnnexTask(id, order, title, description, leadUnit, coordinatingUnits, productKinds, channels,
                audience, scale, quota, due, state, version, withdrawnInVersion);
    }

    public AnnexTask withdrawnIn(int version) {
        return new AnnexTask(id, order, title, description, leadUnit, coordinatingUnits, productKinds, channels,
                audience, scale, quota, due, TaskState.WITHDRAWN, sinceVersion, version);
    }

    @JsonIgnore
    public boolean isActive() {
        return state == TaskState.ACTIVE;
    }

    /** The task as task-service needs it: kinds in the events' lowercase vocabulary. */
    public PlannedTask planned() {
        return new PlannedTask(id, order, title, leadUnit, coordinatingUnits,
                productKinds.stream().map(ProductKind::code).toList(), channels, quota, due);
    }
}
