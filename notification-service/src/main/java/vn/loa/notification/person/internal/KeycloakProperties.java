package vn.loa.notification.person.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notification-service reads a commune's people from Keycloak's Admin REST API: the same keys and the same client
 * ({@code loa-admin}, its secret from {@code LOA_ADMIN_CLIENT_SECRET}) as plan-service's administration
 * (docs/adr/0011); {@code cache} is how long one commune's list is kept.
 */
@ConfigurationProperties("loa.admin.keycloak")
record KeycloakProperties(String url, String realm, String clientId, String clientSecret, Duration timeout,
        Duration cache) {

    KeycloakProperties {
        realm = realm == null || realm.isBlank() ? "loa" : realm;
        clientId = clientId == null || clientId.isBlank() ? "loa-admin" : clientId;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        cache = cache == null ? Duration.ofMinutes(5) : cache;
    }
}
