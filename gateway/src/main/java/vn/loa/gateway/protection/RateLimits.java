package vn.loa.gateway.protection;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.loa.gateway.identity.Identity;
import vn.loa.gateway.problem.Problems;

/**
 * Rate limits on {@code /api/**}: per user and per tenant for signed-in callers, per client address for the login
 * endpoint (password guessing). Resilience4j rate limiters, one per key, in this gateway instance's memory (with
 * several gateway instances each applies its own limits; see docs/operations.md).
 */
public class RateLimits implements WebFilter {

    private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
    private final RateLimiterConfig perUser;
    private final RateLimiterConfig perTenant;
    private final RateLimiterConfig perLoginAddress;

    public RateLimits(RateLimitProperties limits) {
        this.perUser = config(limits.perUser(), limits.period());
        this.perTenant = config(limits.perTenant(), limits.period());
        this.perLoginAddress = config(limits.loginsPerAddress(), limits.period());
    }

    private static RateLimiterConfig config(int permits, Duration period) {
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (path.equals("/api/auth/token")) {
            InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
            String address = remote == null ? "?" : remote.getAddress().getHostAddress();
            return admit(exchange, chain, limiter("login:" + address, perLoginAddress));
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(p -> java.util.Optional.ofNullable(Identity.of(((JwtAuthenticationToken) p).getToken())))
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(identity -> {
                    if (identity.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    Identity who = identity.get();
                    if (!limiter("user:" + who.user(), perUser).acquirePermission()) {
                        return tooMany(exchange, limiter("user:" + who.user(), perUser));
                    }
                    return admit(exchange, chain, limiter("tenant:" + who.tenant(), perTenant));
                });
    }

    private RateLimiter limiter(String key, RateLimiterConfig config) {
        return registry.rateLimiter(key, config);
    }

    private static Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, RateLimiter limiter) {
        return limiter.acquirePermission() ? chain.filter(exchange) : tooMany(exchange, limiter);
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, RateLimiter limiter) {
        long seconds = Math.max(1, limiter.getRateLimiterConfig().getLimitRefreshPeriod().toSeconds());
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Quá nhiều yêu cầu",
                "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau " + seconds + " giây.");
    }
}
