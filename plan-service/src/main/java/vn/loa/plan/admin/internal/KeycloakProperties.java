package vn.loa.plan.admin.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How plan-service reaches Keycloak's Admin REST API: its base address (with {@code /auth}), the realm, and Loa's own
 * confidential client whose service account may only manage, view and query users (docs/adr/0011).
 */
@ConfigurationProperties("loa.admin.keycloak")
record KeycloakProperties(String url, String realm, String clientId, String clientSecret, Duration timeout) {

    KeycloakProperties {
        realm = realm == null || realm.isBlank() ? "loa" : realm;
        clientId = clientId == null || clientId.isBlank() ? "loa-admin" : clientId;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
