package vn.loa.contracts.plan;

import java.util.List;

/**
 * One task of a plan's annex as issued: everything task-service needs to track it, so that it never calls
 * plan-service back. {@code productKinds} and {@code channels} are open vocabularies (strings), so a new kind or
 * channel is an additive change.
 */
public record PlannedTask(
        String taskId,
        int order,
        String title,
        String leadUnit,
        List<String> coordinatingUnits,
        List<String> productKinds,
        List<String> channels,
        Quota quota,
        Due due) {

    public PlannedTask {
        coordinatingUnits = List.copyOf(coordinatingUnits);
        productKinds = List.copyOf(productKinds);
        channels = List.copyOf(channels);
    }
}
