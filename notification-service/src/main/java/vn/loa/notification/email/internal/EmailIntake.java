package vn.loa.notification.email.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.messaging.Message;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.contracts.notification.NotificationEvent;
import vn.loa.notification.delivery.Deliveries;
import vn.loa.notification.person.People;
import vn.loa.notification.person.Recipient;
import vn.loa.platform.time.VnTime;

/**
 * By e-mail: every reminder to each of its people who keep e-mail on and have an address (group notification-email),
 * once per person and reminder ({@link Deliveries}). A send that fails gives the claim back and fails the message:
 * retried, then dead-lettered with the SMTP server's reason.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailSettings.class)
class EmailIntake {

    static final String WAY = "email";
    private static final Logger log = LoggerFactory.getLogger(EmailIntake.class);

    @Bean
    Consumer<Message<NotificationEvent>> onReminderByEmail(People people, Deliveries deliveries,
            JavaMailSender mail, EmailSettings settings) {
        return message -> {
            if (!settings.enabled() || !(message.getPayload() instanceof ReminderRaised r)) {
                return;
            }
            for (Recipient person : people.of(r)) {
                if (!person.preferences().email() || person.email() == null || person.email().isBlank()
                        || !deliveries.claim(WAY, r.tenantId(), person.username(), r.reminderId())) {
                    continue;
                }
                try {
                    mail.send(compose(mail.createMimeMessage(), r, person, settings));
                } catch (MailException | MessagingException e) {
                    deliveries.release(WAY, r.tenantId(), person.username(), r.reminderId());
                    log.warn("E-mail reminder {} to {} not sent: {}", r.reminderId(), person.username(),
                            e.getMessage());
                    throw new IllegalStateException("SMTP refused the reminder " + r.reminderId() + ": "
                            + e.getMessage(), e);
                }
            }
        };
    }

    static MimeMessage compose(MimeMessage message, ReminderRaised r, Recipient person, EmailSettings settings)
            throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(person.email());
        helper.setSubject("[Loa] " + r.title());
        String base = settings.appUrl().endsWith("/") ? settings.appUrl() : settings.appUrl() + "/";
        StringBuilder body = new StringBuilder()
                .append("Kính gửi ").append(person.fullName()).append(",\n\n")
                .append(r.text()).append("\n");
        if (r.dueOn() != null) {
            body.append("Thời hạn: ").append(VnTime.display(r.dueOn())).append("\n");
        }
        body.append("\nXem chi tiết: ").append(base).append(r.link()).append("\n\n")
                .append("Thư này do Loa gửi tự động. Có thể tắt nhắc việc qua thư điện tử trong mục Thông báo của"
                        + " ứng dụng.\n");
        helper.setText(body.toString());
        return message;
    }
}
