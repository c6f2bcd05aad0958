package vn.loa.gateway.protection;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the one door.
 *
 * @param perUser          requests per period for one user
 * @param perTenant        requests per period for all users of one commune (or province) together
 * @param loginsPerAddress token requests per period from one client address
 * @param period           the period the permits refill
 * @param maxRequestSize   largest request body accepted (uploads included)
 */
@ConfigurationProperties("loa.gateway.limits")
public record RateLimitProperties(
        @DefaultValue("50") int perUser,
        @DefaultValue("200") int perTenant,
        @DefaultValue("10") int loginsPerAddress,
        @DefaultValue("1s") Duration period,
        @DefaultValue("25MB") DataSize maxRequestSize) {
}
