package vn.loa.plan.admin.internal;

/** Keycloak did not answer, or answered that Loa's client may not do what it needs (HTTP 503 for the caller). */
public class KeycloakUnavailable extends RuntimeException {

    KeycloakUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }

    KeycloakUnavailable(String reason) {
        super(reason);
    }
}
