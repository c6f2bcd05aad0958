package vn.loa.notification.inbox;

import java.time.Instant;
import java.time.LocalDate;

/** One reminder in a person's notification centre. */
public record Notification(String id, String kind, String title, String text, String link, LocalDate dueOn,
        Instant deliveredAt, Instant readAt) {
}
