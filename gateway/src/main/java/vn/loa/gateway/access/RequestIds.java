package vn.loa.gateway.access;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request gets an id: the client's {@code X-Request-Id} when it is a sane token, else a new one. It goes to
 * the service (which logs it), back to the client, into the gateway's access log line and into every problem.
 */
public class RequestIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");
    private static final Logger ACCESS = LoggerFactory.getLogger("vn.loa.gateway.access");

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        exchange.getResponse().getHeaders().set(HEADER, id);
        long start = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> {
                    if (ACCESS.isInfoEnabled()) {
                        ACCESS.info("requestId={} {} {} -> {} in {} ms", id, request.getMethod(),
                                request.getPath().value(), exchange.getResponse().getStatusCode(),
                                (System.nanoTime() - start) / 1_000_000);
                    }
                });
    }
}
