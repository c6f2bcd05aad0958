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
 * it. A chunked body without a length passes here; each service also limits what it reads (multipart limits). And an
 * address (path and query) longer than {@value #MAX_ADDRESS} characters, which no Loa screen makes and the services
 * behind would refuse without a word: the gateway's server reads request lines up to 64 KB
 * ({@code server.netty.max-initial-line-length}) so that this refusal, in Vietnamese, is what the client gets; a
 * longer line is cut by the server itself (a bare 414).
 */
public class RequestSizeLimit implements WebFilter, Ordered {

    static final int MAX_ADDRESS = 4000;

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
        if (exchange.getRequest().getURI().getRawPath().length()
                + String.valueOf(exchange.getRequest().getURI().getRawQuery()).length() > MAX_ADDRESS) {
            return Problems.write(exchange, HttpStatus.URI_TOO_LONG, "Địa chỉ yêu cầu quá dài",
                    "Địa chỉ yêu cầu dài quá " + MAX_ADDRESS + " ký tự. Vui lòng kiểm tra lại đường dẫn và các "
                            + "tham số.");
        }
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            long megabytes = maxBytes / (1024 * 1024);
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Dữ liệu gửi lên quá lớn",
                    "Yêu cầu vượt quá dung lượng cho phép (" + megabytes + " MB). Vui lòng giảm kích thước tệp.");
        }
        return chain.filter(exchange);
    }
}
