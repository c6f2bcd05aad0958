package vn.loa.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a call through a service route may take before the gateway cuts it ({@code loa.gateway.time-limit}, 30 s:
 * a Word or PDF report takes seconds).
 */
@ConfigurationProperties("loa.gateway")
public record BreakerSettings(@DefaultValue("30s") Duration timeLimit) {

    public BreakerSettings {
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("loa.gateway.time-limit must be a positive duration: " + timeLimit);
        }
    }
}
