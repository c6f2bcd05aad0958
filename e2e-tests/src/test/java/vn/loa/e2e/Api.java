package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.client.GatewayClient;
import vn.loa.client.GatewayClient.Reply;

/**
 * The gateway's API as a script sees it ({@link GatewayClient}): tokens from {@code POST /api/auth/token} (password
 * grant of the embedded default), requests with the bearer token, JSON in and out. The gateway rate-limits (per user, tenant and login
 * address): a 429 is waited out as its Retry-After says, at most a few times, and counted in {@link #throttled}.
 */
public final class Api {

    public static final JsonMapper JSON = GatewayClient.JSON;
    public static final String PASSWORD = "demo";

    /** Letters only Vietnamese uses (and Đ): a detail with none of them is not Vietnamese. */
    static final Pattern VIETNAMESE = Pattern.compile(
            "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The gateway's client of the whole run. */
    static final GatewayClient GATEWAY = new GatewayClient(Stack.BASE, Duration.ofSeconds(5));
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    public static volatile int throttled;
    /** Requests that got no answer in time and were sent once more (should stay 0; see README). */
    public static volatile int timedOut;

    private Api() {
    }

    /** A user's access token (cached for the run; Keycloak's tokens live 15 minutes). */
    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> {
            Reply r = call("POST", "/api/auth/token", Map.of("username", u, "password", PASSWORD), null, Map.of());
            assertThat(r.status()).as("token for %s: %s", u, r).isEqualTo(200);
            JsonNode json = r.json();
            assertThat(json.path("token_type").asString()).isEqualTo("Bearer");
            return json.path("access_token").asString();
        });
    }

    public static Reply get(String user, String path) {
        return call("GET", path, null, user == null ? null : token(user), Map.of());
    }

    public static Reply post(String user, String path, Object body) {
        return call("POST", path, body, user == null ? null : token(user), Map.of());
    }

    /**
     * Any method, any body (a Map/record as JSON, a String as is, a {@link GatewayClient.Multipart} as
     * multipart/form-data), an explicit token (or null), extra headers.
     */
    public static Reply call(String method, String path, Object body, String token, Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.putIfAbsent("Accept", "application/json, application/problem+json, */*");
        for (int attempt = 0; ; attempt++) {
            Reply r;
            try {
                r = GATEWAY.send(GATEWAY.request(method, path, token, body, all, Duration.ofSeconds(20)));
            } catch (java.net.http.HttpTimeoutException e) {
                // Seen once in 3 full runs: the gateway logged its answer (401 in 18 ms) but the client received
                // nothing. Not understood yet (see e2e-tests/README.md): sent once more, counted and reported.
                if (attempt == 0) {
                    timedOut++;
                    System.err.println("WARN no answer within 20 s to " + method + " " + path + "; sending once more");
                    continue;
                }
                throw new UncheckedIOException(method + " " + path, e);
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (r.status() == 429 && attempt < 5) {
                throttled++;
                LockSupport.parkNanos(Duration.ofSeconds(Math.max(1, r.retryAfterSeconds())).toNanos());
                continue;
            }
            return r;
        }
    }

    /** A refusal must be RFC 9457 problem+json with the status and a Vietnamese detail. */
    public static void assertVietnameseProblem(Reply r, int status) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("status").asInt()).as("problem status in %s", r).isEqualTo(status);
        assertThat(p.path("title").asString()).as("problem title in %s", r).isNotBlank();
        String detail = p.path("detail").asString();
        assertThat(detail).as("problem detail in %s", r).isNotBlank();
        assertThat(VIETNAMESE.matcher(detail).find()).as("Vietnamese detail: \"%s\"", detail).isTrue();
    }
}
