package vn.loa.plan.annex;

import java.util.List;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.Quota;

/**
 * What a plan says about one task, as a user writes it (the API), the import reads it or the demo files hold it:
 * everything but its id, its position and its history.
 */
public record TaskDetails(
        String title,
        String description,
        String leadUnit,
        List<String> coordinatingUnits,
        List<ProductKind> productKinds,
        List<String> channels,
        String audience,
        String scale,
        Quota quota,
        Due due) {

    public TaskDetails {
        coordinatingUnits = coordinatingUnits == null ? List.of() : List.copyOf(coordinatingUnits);
        // a kind or a channel named twice counts once
        productKinds = productKinds == null ? List.of() : productKinds.stream().distinct().toList();
        channels = channels == null ? List.of() : channels.stream().distinct().toList();
        due = due == null || (due.date() == null && (due.text() == null || due.text().isBlank())) ? null : due;
    }
}
