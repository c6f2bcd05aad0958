package vn.loa.plan.plan;

import java.util.List;

/** One amendment in a plan's history: the version it produced and the task ids it touched. */
public record Amendment(int version, String reason, List<String> added, List<String> changed,
        List<String> withdrawn, Stamp stamp) {

    public Amendment {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        withdrawn = List.copyOf(withdrawn);
    }
}
