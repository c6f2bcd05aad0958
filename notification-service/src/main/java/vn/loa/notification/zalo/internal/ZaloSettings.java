package vn.loa.notification.zalo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Zalo Official Account API: its base address ({@code https://openapi.zalo.me} in production; the local stand-in
 * under {@code ./loa up}) and the OA's access token, sent in the {@code access_token} header.
 */
@ConfigurationProperties("loa.notification.zalo")
record ZaloSettings(@DefaultValue("true") boolean enabled, @DefaultValue("https://openapi.zalo.me") String baseUrl,
        String accessToken) {
}
