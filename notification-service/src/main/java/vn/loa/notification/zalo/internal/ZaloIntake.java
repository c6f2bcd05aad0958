package vn.loa.notification.zalo.internal;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.contracts.notification.NotificationEvent;
import vn.loa.notification.delivery.Deliveries;
import vn.loa.notification.person.People;
import vn.loa.notification.person.Recipient;

/**
 * On Zalo: every reminder to each of its people who keep Zalo on and gave their Zalo user id (group
 * notification-zalo), once per person and reminder ({@link Deliveries}). Zalo refusing the token (expired, invalid)
 * is not retried — every retry would be refused the same way: one clear log line, the claim given back, and the
 * message straight to the dead letters with the reason, to be replayed once the token is renewed. Other failures are
 * retried, then dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZaloSettings.class)
class ZaloIntake {

    static final String WAY = "zalo";
    private static final Logger log = LoggerFactory.getLogger(ZaloIntake.class);

    @Bean
    Consumer<Message<NotificationEvent>> onReminderByZalo(People people, Deliveries deliveries,
            ZaloClient zalo, ZaloSettings settings) {
        return message -> {
            if (!settings.enabled() || !(message.getPayload() instanceof ReminderRaised r)) {
                return;
            }
            for (Recipient person : people.of(r)) {
                String userId = person.preferences().zaloUserId();
                if (!person.preferences().zalo() || userId == null
                        || !deliveries.claim(WAY, r.tenantId(), person.username(), r.reminderId())) {
                    continue;
                }
                try {
                    zalo.send(userId, "[Loa] " + r.title() + "\n" + r.text());
                } catch (ZaloClient.Refused refused) {
                    deliveries.release(WAY, r.tenantId(), person.username(), r.reminderId());
                    if (refused.tokenProblem()) {
                        log.error("Zalo OA refused the access token (error {}): renew loa.notification.zalo"
                                + ".access-token; reminder {} goes to the dead letters", refused.code(),
                                r.reminderId());
                        throw new UnreadableEvent(refused.getMessage());
                    }
                    throw refused;
                } catch (RuntimeException e) {
                    deliveries.release(WAY, r.tenantId(), person.username(), r.reminderId());
                    throw e;
                }
            }
        };
    }
}
