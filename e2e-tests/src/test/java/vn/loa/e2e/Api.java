package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's API as a script sees it: tokens from {@code POST /api/auth/token} (password grant of the embedded
 * default), requests with the bearer token, JSON in and out. The gateway rate-limits (per user, tenant and login
 * address): a 429 is waited out as its Retry-After says, at most a few times, and counted in {@link #throttled}.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String PASSWORD = "demo";

    /** Letters only Vietnamese uses (and Đ): a detail with none of them is not Vietnamese. */
    static final Pattern VIETNAMESE = Pattern.compile(
            "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    public static volatile int throttled;
    /** Requests that got no answer in time and were sent once more (should stay 0; see README). */
    public static volatile int timedOut;

    private Api() {
    }

    /** One answer. */
    public record Response(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return "HTTP " + status + " [" + contentType + "] " + Stack.abbreviate(body);
        }
    }

    /**
     * A multipart/form-data body: text fields and files (name → file name and bytes), as a browser's form sends it.
     * As a {@link #call} body it is sent with its own Content-Type and boundary.
     */
    public record Multipart(Map<String, String> fields, Map<String, FilePart> files) {

        public record FilePart(String fileName, String mediaType, byte[] bytes) {
        }

        byte[] encode(String boundary) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
            fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
            files.forEach((name, file) -> {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.mediaType()
                        + "\r\n\r\n").getBytes(utf8));
                out.writeBytes(file.bytes());
                out.writeBytes("\r\n".getBytes(utf8));
            });
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "multipart " + fields.keySet() + " " + files.keySet();
        }
    }

    /** A user's access token (cached for the run; Keycloak's tokens live 15 minutes). */    /** A user's access token (cached for the run; Keycloak's tokens live 15 minutes). */
    public static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> {
            Response r = call("POST", "/api/auth/token", Map.of("username", u, "password", PASSWORD), null, Map.of());
            assertThat(r.status()).as("token for %s: %s", u, r).isEqualTo(200);
            JsonNode json = r.json();
            assertThat(json.path("token_type").asString()).isEqualTo("Bearer");
            return json.path("access_token").asString();
        });
    }

    public static Response get(String user, String path) {
        return call("GET", path, null, user == null ? null : token(user), Map.of());
    }

    public static Response post(String user, String path, Object body) {
        return call("POST", path, body, user == null ? null : token(user), Map.of());
    }

    /**
     * Any method, any body (a Map/record as JSON, a String as is, a {@link Multipart} as multipart/form-data), an
     * explicit token (or null), extra headers.
     */
    public static Response call(String method, String path, Object body, String token, Map<String, String> headers) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Stack.BASE + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json, application/problem+json, */*");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else if (body instanceof Multipart multipart) {
                String boundary = "loa-e2e-" + Long.toHexString(System.nanoTime());
                b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(multipart.encode(boundary)));
            } else {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                    b.header("Content-Type", "application/json");
                }
                b.method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> r;
            try {
                r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
            if (r.statusCode() == 429 && attempt < 5) {
                throttled++;
                long seconds = r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                LockSupport.parkNanos(Duration.ofSeconds(Math.max(1, seconds)).toNanos());
                continue;
            }
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().map());
        }
    }

    /** A refusal must be RFC 9457 problem+json with the status and a Vietnamese detail. */
    public static void assertVietnameseProblem(Response r, int status) {
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
