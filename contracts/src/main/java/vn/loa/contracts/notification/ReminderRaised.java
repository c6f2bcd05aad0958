package vn.loa.contracts.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Something in a commune needs someone's attention. Raised once per (tenant, kind, subject, period): the
 * {@code reminderId} is derived from those four, so a rerun or a second instance raises the same id.
 *
 * @param about  id of what the reminder is about: a task, a content item, a report period
 * @param period the period it is about: a quota period ({@code 2025-12}), a report period ({@code 2025-Q4}) or a day
 * @param title  short heading, Vietnamese
 * @param text   the reminder itself with its figures, Vietnamese
 * @param link   where it is in the web app (a hash route, e.g. {@code #/nhiem-vu/task-1})
 * @param roles  the commune roles to address (LEADER, EDITOR, ADMIN)
 * @param dueOn  by when (the end of the quota period, the cut-off day), null when no date applies
 */
public record ReminderRaised(
        String tenantId,
        String reminderId,
        ReminderKind kind,
        String about,
        String period,
        String title,
        String text,
        String link,
        List<String> roles,
        LocalDate dueOn,
        Instant raisedAt) implements NotificationEvent {

    public ReminderRaised {
        roles = List.copyOf(roles);
    }

    @Override
    public String subject() {
        return reminderId;
    }
}
