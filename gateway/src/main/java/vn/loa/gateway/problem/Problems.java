package vn.loa.gateway.problem;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.gateway.access.RequestIds;

/**
 * The gateway's own refusals (401, 403, 413, 429, 503), written as RFC 9457 problem+json with a Vietnamese title
 * and detail, like the services' problems. The one place that shapes them; each is counted in
 * {@code loa.gateway.refusals{status}}.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** For a controller: the problem as a response entity. */
    public static ResponseEntity<Object> entity(ServerWebExchange exchange, HttpStatus status, String title,
            String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, "vi").body(body(exchange, status, title, detail));
    }

    /** For a filter: writes the problem as the response. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] bytes = JSON.writeValueAsString(body(exchange, status, title, detail)).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, "vi");
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    private static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String title,
            String detail) {
        // Loa's own metric of the one door: every refusal it makes, by status (401, 403, 413, 429, 503…)
        Metrics.counter("loa.gateway.refusals", "status", Integer.toString(status.value())).increment();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        String requestId = RequestIds.of(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }
}
