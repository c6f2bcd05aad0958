package vn.loa.gateway.routing;

import vn.loa.gateway.problem.Problems;

import java.util.Map;
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

    @RequestMapping("/fallback/{route}")
    ResponseEntity<Object> unavailable(@PathVariable String route, ServerWebExchange exchange) {
        String part = PARTS.getOrDefault(route, "Dịch vụ");
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return Problems.entity(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Dịch vụ tạm thời gián đoạn",
                "Phần \"" + part + "\" của hệ thống tạm thời không phản hồi. Dữ liệu của bạn không bị mất; "
                        + "vui lòng thử lại sau ít phút.");
    }
}
