package vn.loa.gateway.problem;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * What the gateway refuses on its own, before any service — an address that no route, controller or file of the web
 * app answers (also a service's internal path, which is never routed), a method an address does not take, a body type it cannot read — gets the same Vietnamese problem as every
 * other refusal instead of Spring's default error JSON. Runs before Boot's error handler (order -1); a 5xx is left
 * to it.
 */
@Component
@Order(-2)
public class FrameworkRefusals implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!(ex instanceof ResponseStatusException refused) || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatus status = HttpStatus.resolve(refused.getStatusCode().value());
        if (status == null || !status.is4xxClientError()) {
            return Mono.error(ex);
        }
        return switch (status) {
            case NOT_FOUND -> Problems.write(exchange, status, "Không tìm thấy",
                    "Không có địa chỉ này trong Loa. Vui lòng kiểm tra lại đường dẫn.");
            case METHOD_NOT_ALLOWED -> Problems.write(exchange, status, "Thao tác không được hỗ trợ",
                    "Địa chỉ này không nhận yêu cầu " + exchange.getRequest().getMethod().name() + ".");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.write(exchange, status, "Kiểu dữ liệu không được hỗ trợ",
                    "Địa chỉ này không nhận dữ liệu kiểu đã gửi. Vui lòng gửi dữ liệu JSON.");
            case NOT_ACCEPTABLE -> Problems.write(exchange, status, "Không có định dạng phù hợp",
                    "Địa chỉ này không trả lời được theo định dạng yêu cầu (Accept).");
            default -> Problems.write(exchange, status, "Yêu cầu không hợp lệ",
                    "Yêu cầu không hợp lệ. Vui lòng kiểm tra lại đường dẫn và dữ liệu gửi lên.");
        };
    }
}
