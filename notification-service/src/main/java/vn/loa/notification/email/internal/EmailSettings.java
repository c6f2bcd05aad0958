package vn.loa.notification.email.internal;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail reminders: the sender and the web app's address that the links in a message start with. The SMTP server is
 * Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}…).
 */
@Validated
@ConfigurationProperties("loa.notification.email")
record EmailSettings(@DefaultValue("true") boolean enabled,
        @DefaultValue("Loa <nhac-viec@loa.test>") @NotBlank String from,
        @DefaultValue("http://127.0.0.1:8080/") @NotBlank String appUrl) {
}
