package vn.loa.gateway.routing.web;

import vn.loa.gateway.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.http.ResponseEntity;

/**
 * Where a route's circuit breaker sends a request when its service does not answer (down, too slow, or the
 * breaker is open): a Vietnamese 503 naming the part of Loa that is unavailable.
 */
@RestController
public class Fallbacks {

    private static final Map<String, String> PARTS = Map.ofEntries(
            Map.entry("plans", "Kế hoạch"),
            Map.entry("tasks", "Nhiệm vụ"),
            Map.entry("contents", "Tin bài và hoạt động"),
            Map.entry("reports", "Báo cáo và bảng theo dõi"),
            Map.entry("portal", "Trang thông tin điện tử"),
            Map.entry("radio", "Truyền thanh"),
            Map.entry("manual", "Xác nhận đăng tin trên kênh ngoài"),
            Map.entry("issuer", "Đăng nhập"),
            Map.entry("admin", "Quản trị"),
            Map.entry("notifications", "Thông báo, nhắc việc"));

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** What a browser on its way to the login page sees while the login server is down or restarting. */
    private static final String LOGIN_DOWN = """
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Đăng nhập tạm thời gián đoạn — Loa</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}
            a{display:inline-block;margin-top:1rem;padding:.5rem 1rem;background:#0b5cad;color:#fff;text-decoration:none;
            border-radius:4px}</style></head>
            <body data-testid="login-unavailable"><h1>Đăng nhập tạm thời gián đoạn</h1>
            <p>Máy chủ đăng nhập đang khởi động lại hoặc tạm thời không phản hồi. Dữ liệu của bạn không bị mất; những ai
            đã đăng nhập vẫn làm việc bình thường.</p>
            <p>Vui lòng thử lại sau ít phút.</p>
            <a href="/">Quay lại trang chủ Loa</a></body></html>
            """;

    @RequestMapping("/fallback/{route}")
    ResponseEntity<Object> unavailable(@PathVariable String route, ServerWebExchange exchange) {
        String part = PARTS.getOrDefault(route, "Dịch vụ");
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        if (route.equals("issuer") && exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(HTML)
                    .header(HttpHeaders.CONTENT_LANGUAGE, "vi").body(LOGIN_DOWN);
        }
        return Problems.entity(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Dịch vụ tạm thời gián đoạn",
                "Phần \"" + part + "\" của hệ thống tạm thời không phản hồi. Dữ liệu của bạn không bị mất; "
                        + "vui lòng thử lại sau ít phút.");
    }
}
