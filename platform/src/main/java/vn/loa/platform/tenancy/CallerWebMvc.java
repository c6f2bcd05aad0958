package vn.loa.platform.tenancy;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method take the {@link Caller} (from the gateway's headers): part of every service through the
 * platform's auto-configuration, and what a web slice test ({@code @WebMvcTest}) imports to get the same.
 */
@Configuration(proxyBeanMethods = false)
public class CallerWebMvc implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
