package vn.loa.content.channel;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a channel's last healthy announcement keeps it offered ({@code loa.content.channels.fresh}, 90 s; channels
 * announce every 30 s).
 */
@ConfigurationProperties("loa.content.channels")
@Validated
public record RegistrySettings(@DefaultValue("90s") @NotNull Duration fresh) {
}
