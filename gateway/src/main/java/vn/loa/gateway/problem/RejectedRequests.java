package vn.loa.gateway.problem;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.WebFilterChainProxy;

/**
 * A request the security firewall refuses before anything else (an encoded slash or a {@code ..} in the path, a
 * NUL, a forbidden method) gets the same Vietnamese problem as every other refusal instead of an empty 400.
 */
public class RejectedRequests implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof WebFilterChainProxy proxy) {
            proxy.setExchangeRejectedHandler((exchange, rejected) -> Problems.write(exchange,
                    HttpStatus.BAD_REQUEST, "Địa chỉ không hợp lệ",
                    "Địa chỉ yêu cầu chứa ký tự hoặc đoạn đường dẫn không được phép (ví dụ \"..\", \"%2F\" hoặc ký "
                            + "tự điều khiển). Vui lòng kiểm tra lại đường dẫn."));
        }
        return bean;
    }
}
