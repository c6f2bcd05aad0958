package vn.loa.channel.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A channel app's settings ({@code loa.channel.*}); a wrong value stops the app at start with its name.
 *
 * @param lease     how long a claimed request stays the claimer's
 * @param heartbeat how often the channel tells the registry it is there
 */
@ConfigurationProperties("loa.channel")
@Validated
public record ChannelSettings(
        @DefaultValue("PT2M") @DurationMin(millis = 1) Duration lease,
        @DefaultValue("PT30S") @DurationMin(millis = 1) Duration heartbeat,
        @DefaultValue @Valid Engagement engagement) {

    /**
     * Portal views and radio plays: counted unless {@code enabled} is false, at most {@code maxVisitorsPerDay}
     * distinct visitors remembered a day, sent in windows of {@code window} through the outbox.
     */
    public record Engagement(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500000") @Min(1) int maxVisitorsPerDay,
            @DefaultValue("PT10S") @DurationMin(millis = 1) Duration window) {
    }
}
