package vn.loa.gateway.protection;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The origins allowed to call the gateway from another site ({@code loa.gateway.cors.allowed-origins}); none by
 * default (the web app is served by the gateway itself). Blank entries (an empty environment variable) are dropped; an
 * origin is a scheme and host ("https://cchc.example.vn"), never a wildcard.
 */
@ConfigurationProperties("loa.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (allowedOrigins.stream().anyMatch(o -> o.contains("*") || !o.matches("https?://[^/]+"))) {
            throw new IllegalArgumentException("loa.gateway.cors.allowed-origins takes origins such as"
                    + " https://cchc.example.vn, no wildcard and no path: " + allowedOrigins);
        }
    }
}
