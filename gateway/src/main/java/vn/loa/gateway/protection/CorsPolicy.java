package vn.loa.gateway.protection;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS is closed by default: the web app is served by the gateway itself (same origin). An operator opens it for
 * named origins only, with {@code loa.gateway.cors.allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
public class CorsPolicy {

    @Bean
    CorsConfigurationSource corsConfigurationSource(
            @Value("${loa.gateway.cors.allowed-origins:}") List<String> allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Last-Event-ID", RequestIds.HEADER));
            config.setExposedHeaders(List.of(RequestIds.HEADER));
            config.setMaxAge(600L);
            source.registerCorsConfiguration("/**", config);
        }
        return source;
    }
}
