package vn.loa.contracts.notification;

import java.time.Instant;

/** An in-app notification was stored for a person (the live stream tells that person's app to fetch its bell). */
public record NotificationDelivered(
        String tenantId,
        String notificationId,
        String username,
        String reminderId,
        Instant deliveredAt) implements NotificationEvent {

    @Override
    public String subject() {
        return notificationId;
    }
}
