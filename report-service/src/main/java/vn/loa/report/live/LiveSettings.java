package vn.loa.report.live;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live dashboards' stream ({@code loa.report.live.*}); a wrong value stops the service at start with its name.
 *
 * @param emitterTimeout  how long one browser's stream stays open before it is asked to reconnect
 * @param sweepInterval   how often the log is looked through for changes another instance appended
 * @param retainPerTenant how many changes a tenant's log keeps for reconnecting browsers
 */
@ConfigurationProperties("loa.report.live")
@Validated
public record LiveSettings(
        @DefaultValue("PT30M") @DurationMin(millis = 1) Duration emitterTimeout,
        @DefaultValue("PT1S") @DurationMin(millis = 1) Duration sweepInterval,
        @DefaultValue("1000") @Min(1) int retainPerTenant) {
}
