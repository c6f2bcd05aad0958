package vn.loa.gateway.protection;

import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import vn.loa.gateway.access.RequestIds;

/**
 * CORS is closed by default: the web app is served by the gateway itself (same origin). An operator opens it for
 * named origins only, with {@code loa.gateway.cors.allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CorsProperties.class)
public class CorsPolicy {

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = cors.allowedOrigins();
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
