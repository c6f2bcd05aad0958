package vn.loa.gateway.problem;

import java.net.ConnectException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A service that cannot be reached on a route without a circuit breaker (the live dashboard stream: a breaker's time
 * limit would cut the stream) gets the same Vietnamese 503 as the breakers' fallbacks, with Retry-After, instead of
 * Boot's bare 500: the service is restarting or down, and the request may be sent again. Seen in the fault suite:
 * every dashboard reconnecting while report-service restarted was answered 500.
 */
@Component
@Order(-2)
public class UnreachableServices implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted() || !unreachable(ex)) {
            return Mono.error(ex);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "10");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Dịch vụ tạm thời gián đoạn",
                "Một phần của hệ thống tạm thời không phản hồi. Dữ liệu của bạn không bị mất; vui lòng thử lại sau ít"
                        + " phút.");
    }

    /** Connection refused or timed out on the way to the service (Netty's exceptions extend ConnectException). */
    static boolean unreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
