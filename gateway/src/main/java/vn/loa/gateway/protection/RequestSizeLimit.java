package vn.loa.gateway.protection;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import vn.loa.gateway.problem.Problems;

/**
 * Refuses a request whose declared body is larger than {@code loa.gateway.limits.max-request-size} before reading
 * it. A chunked body without a length passes here; each service also limits what it reads (multipart limits).
 */
public class RequestSizeLimit implements WebFilter, Ordered {

    private final long maxBytes;

    public RequestSizeLimit(RateLimitProperties limits) {
        this.maxBytes = limits.maxRequestSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            long megabytes = maxBytes / (1024 * 1024);
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Dữ liệu gửi lên quá lớn",
                    "Yêu cầu vượt quá dung lượng cho phép (" + megabytes + " MB). Vui lòng giảm kích thước tệp.");
        }
        return chain.filter(exchange);
    }
}
