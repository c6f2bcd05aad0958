package vn.loa.report.live;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.notification.NotificationDelivered;
import vn.loa.contracts.notification.NotificationEvent;

/**
 * A person's bell changed ({@code NotificationDelivered} from notification-service): a change of area
 * {@code notification} on the commune's live stream, on which the web app fetches its unread count again. A duplicate
 * only makes the app fetch once more; nothing is stored.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationIntake {

    @Bean
    Consumer<Message<NotificationEvent>> onNotificationEvent(ChangeLog changes) {
        return message -> {
            if (message.getPayload() instanceof NotificationDelivered delivered) {
                changes.append(new Change(delivered.tenantId(), "notification", delivered.username(),
                        "NotificationDelivered"));
            }
        };
    }
}
