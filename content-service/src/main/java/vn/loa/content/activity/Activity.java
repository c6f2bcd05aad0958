package vn.loa.content.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import vn.loa.content.item.Attachment;

/**
 * An activity recorded as held (a dialogue, a contest…): no channel. Status HELD, or WITHDRAWN when the record was
 * taken back.
 */
public record Activity(@Id String id, String tenantId, long revision, ActivityKind kind, String title,
        String summary, LocalDate heldOn, String place, Integer participants, List<String> themes,
        List<String> taskIds, String unit, String recordedBy, Instant recordedAt, String status,
        String withdrawnBy, Instant withdrawnAt, String withdrawalReason, List<Attachment> attachments) {

    public static final String HELD = "HELD";
    public static final String WITHDRAWN = "WITHDRAWN";

    public Activity {
        themes = themes == null ? List.of() : List.copyOf(themes);
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
