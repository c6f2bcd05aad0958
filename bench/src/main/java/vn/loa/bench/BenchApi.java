package vn.loa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running stack's gateway as a benchmark calls it: JSON in and out, a bearer token, a 429 waited out as its
 * Retry-After says (at most 20 times, counted in {@link #throttled()}); and where a benchmark writes its results.
 */
final class BenchApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A status and a body. */
    record Answer(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final LongAdder throttled = new LongAdder();

    BenchApi(String base) {
        this.base = base;
    }

    Answer call(String method, String path, Object body, String token) {
        for (int attempt = 0; ; attempt++) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
                if (body != null) {
                    b.header("Content-Type", "application/json");
                }
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 429 && attempt < 20) {
                    throttled.increment();
                    Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
                    continue;
                }
                return new Answer(r.statusCode(), r.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A user's access token (the embedded default's password grant). */
    String token(String user, String password) {
        return ok(call("POST", "/api/auth/token", Map.of("username", user, "password", password), null), 200).json()
                .path("access_token").asString();
    }

    long throttled() {
        return throttled.sum();
    }

    static Answer ok(Answer a, int status) {
        if (a.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + a.status() + ": " + a.body());
        }
        return a;
    }

    /** {@code bench/results} from the repository's root ({@code bench.out} elsewhere), made if missing. */
    static Path resultsDirectory() throws IOException {
        Path dir = Path.of(System.getProperty("bench.out", Files.isDirectory(Path.of("bench")) ? "bench/results"
                : "results"));
        Files.createDirectories(dir);
        return dir;
    }
}
