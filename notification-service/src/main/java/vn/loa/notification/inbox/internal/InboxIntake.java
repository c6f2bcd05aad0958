package vn.loa.notification.inbox.internal;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.contracts.notification.NotificationEvent;
import vn.loa.notification.person.People;
import vn.loa.notification.person.Recipient;

/** In the app: every reminder to each of its people who keep in-app notifications on (group notification-inbox). */
@Configuration(proxyBeanMethods = false)
class InboxIntake {

    @Bean
    Consumer<Message<NotificationEvent>> onReminderForInbox(People people, Inbox inbox) {
        return message -> {
            if (message.getPayload() instanceof ReminderRaised reminder) {
                for (Recipient r : people.of(reminder)) {
                    if (r.preferences().inApp()) {
                        inbox.deliver(reminder, r.username());
                    }
                }
            }
        };
    }
}
