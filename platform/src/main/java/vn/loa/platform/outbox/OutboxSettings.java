package vn.loa.platform.outbox;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay ({@code loa.outbox.*}); a wrong value stops the service at start with its name.
 *
 * @param collections   the collections whose documents carry pending events
 * @param pollInterval  how long the relay sleeps when nobody wakes it
 * @param sweepInterval how often it looks through whole collections for events nobody named
 * @param lease         how long a relay's claim on an event lasts
 */
@ConfigurationProperties("loa.outbox")
@Validated
public record OutboxSettings(
        @DefaultValue @NotNull List<String> collections,
        @DefaultValue("500ms") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue("5s") @DurationMin(millis = 1) Duration sweepInterval,
        @DefaultValue("30s") @DurationMin(millis = 1) Duration lease) {
}
