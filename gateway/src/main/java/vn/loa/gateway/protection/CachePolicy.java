package vn.loa.gateway.protection;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What a browser may keep: nothing of the API (a commune's data), versioned WebJars for a day, the web app's own
 * files revalidated on every load (so a new release is picked up at once, without downloading unchanged files).
 */
public class CachePolicy implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        String policy = path.startsWith("/api/") || path.startsWith("/auth/") ? "no-store"
                : path.startsWith("/webjars/") ? "public, max-age=86400"
                : path.startsWith("/p/") || path.startsWith("/radio/") ? null // the channel decides
                : "no-cache";
        if (policy != null) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL) || policy.equals("no-store")) {
                    headers.set(HttpHeaders.CACHE_CONTROL, policy);
                }
                headers.remove(HttpHeaders.PRAGMA);
                headers.remove(HttpHeaders.EXPIRES);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
