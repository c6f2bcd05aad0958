package vn.loa.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and what they must say.
 *
 * @param issuer        the OpenID Connect issuer as browsers see it ({@code iss} must equal it): Keycloak behind this
 *                      gateway, e.g. {@code http://127.0.0.1:8080/auth/realms/loa}
 * @param internalIssuer where the gateway itself reaches the issuer (Keycloak's own port or service name); by
 *                      default the issuer
 * @param jwkSetUri     the issuer's signing keys; by default Keycloak's
 *                      {@code <internal issuer>/protocol/openid-connect/certs}
 * @param tokenUri      the issuer's token endpoint; by default Keycloak's
 *                      {@code <internal issuer>/protocol/openid-connect/token}
 * @param audience      what {@code aud} must contain
 * @param clientId      the public client the web app and {@code POST /api/auth/token} use
 * @param passwordGrant whether {@code POST /api/auth/token} (username + password) is open: the embedded default
 *                      and tests only, never a production profile
 */
@ConfigurationProperties("loa.auth")
public record AuthProperties(String issuer, String internalIssuer, String jwkSetUri, String tokenUri, String audience, String clientId,
        boolean passwordGrant) {

    public AuthProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("loa.auth.issuer is required (LOA_AUTH_ISSUER)");
        }
        issuer = withoutSlash(issuer);
        internalIssuer = blank(internalIssuer) ? issuer : withoutSlash(internalIssuer);
        jwkSetUri = blank(jwkSetUri) ? internalIssuer + "/protocol/openid-connect/certs" : jwkSetUri;
        tokenUri = blank(tokenUri) ? internalIssuer + "/protocol/openid-connect/token" : tokenUri;
        audience = blank(audience) ? "loa" : audience;
        clientId = blank(clientId) ? "loa-web" : clientId;
    }

    private static String withoutSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
