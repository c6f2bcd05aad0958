package vn.loa.contracts.notification;

import vn.loa.contracts.LoaEvent;

/**
 * Events of reminders and their delivery: {@link ReminderRaised} on {@code notification.reminder.events} (key =
 * reminder id; every way of delivering consumes it with its own group), {@link NotificationDelivered} on
 * {@code notification.inbox.events} (key = notification id).
 */
public sealed interface NotificationEvent extends LoaEvent permits ReminderRaised, NotificationDelivered {
}
