package vn.loa.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What stands around the gateway in its tests, on one loopback HTTP server: an OpenID Connect issuer (signing
 * keys at {@code /realms/loa/protocol/openid-connect/certs}, a token endpoint that knows one user) and the Loa
 * services (every other path answers 200 and records the headers it received).
 */
final class StandIns {

    static final StandIns INSTANCE = new StandIns();

    final HttpServer server;
    final RSAKey key;
    final RSAKey otherKey;
    /** Headers (lowercase names) of the last request a stand-in service received, by path. */
    final Map<String, Map<String, String>> received = new ConcurrentHashMap<>();
    /** How many requests each path under {@code /api/tasks/flaky} received; each answers 503 on its first. */
    final Map<String, java.util.concurrent.atomic.AtomicInteger> flakyCalls = new ConcurrentHashMap<>();

    private StandIns() {
        try {
            key = new RSAKeyGenerator(2048).keyID("loa-test").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("loa-test").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/loa/protocol/openid-connect/certs",
                    ex -> reply(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/realms/loa/protocol/openid-connect/token", this::token);
            server.createContext("/api/tasks/flaky", ex -> {
                ex.getRequestBody().readAllBytes();
                int call = flakyCalls.computeIfAbsent(ex.getRequestURI().getPath(),
                        k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                reply(ex, call == 1 ? 503 : 200, "{\"call\":" + call + "}");
            });
            server.createContext("/", ex -> {
                Map<String, String> headers = new ConcurrentHashMap<>();
                ex.getRequestHeaders().forEach((n, v) -> headers.put(n.toLowerCase(Locale.ROOT), String.join(",", v)));
                received.put(ex.getRequestURI().getPath(), headers);
                ex.getRequestBody().readAllBytes();
                reply(ex, 200, "{\"ok\":true}");
            });
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String issuer() {
        return base() + "/realms/loa";
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("loa.auth.issuer", this::issuer);
        registry.add("loa.auth.internal-issuer", this::issuer);
        for (String service : List.of("LOA_PLAN_URL", "LOA_TASK_URL", "LOA_CONTENT_URL", "LOA_REPORT_URL",
                "LOA_PORTAL_URL", "LOA_RADIO_URL", "LOA_MANUAL_URL")) {
            registry.add(service, this::base);
        }
    }

    /** A token as Keycloak issues it for the realm: tenant attribute, preferred_username, realm roles, audience. */
    String token(String user, String tenant, String... roles) {
        return sign(key, claims(user, tenant, roles).build());
    }

    JWTClaimsSet.Builder claims(String user, String tenant, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(List.of("loa", "account"))
                .subject("id-" + user)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("azp", "loa-web");
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return claims;
    }

    static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's password grant: only kim-thanh.editor / demo is known. */
    private void token(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (form.contains("grant_type=password") && form.contains("username=kim-thanh.editor")
                && form.contains("password=demo") && form.contains("client_id=loa-web")) {
            String token = token("kim-thanh.editor", "10804", "EDITOR");
            reply(ex, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":300,\"refresh_token\":\"r\","
                    + "\"token_type\":\"Bearer\"}");
        } else {
            reply(ex, 401, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
