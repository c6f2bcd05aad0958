package vn.loa.gateway.protection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.gateway.access.RequestIds;

/** Request ids, size limit and rate limits of the gateway. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class ProtectionConfiguration {

    @Bean
    RequestIds requestIds() {
        return new RequestIds();
    }

    @Bean
    RequestSizeLimit requestSizeLimit(RateLimitProperties limits) {
        return new RequestSizeLimit(limits);
    }

    @Bean
    CachePolicy cachePolicy() {
        return new CachePolicy();
    }

    @Bean
    RateLimits rateLimits(RateLimitProperties limits) {
        return new RateLimits(limits);
    }
}
