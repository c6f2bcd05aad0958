package vn.loa.platform.tenancy;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Configuration;

/**
 * Where a service describes itself with springdoc, the {@link Caller} a controller method takes is no request
 * parameter: it comes from the gateway's identity headers, so it is left out of the OpenAPI document (else it shows up
 * as a required query parameter {@code caller}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
public class CallerInOpenApi {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }
}
