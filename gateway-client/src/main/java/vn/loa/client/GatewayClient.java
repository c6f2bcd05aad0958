package vn.loa.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's API as a script calls it (the end-to-end tests, the benchmarks): a request to a path of the gateway
 * with a bearer token and a body — an object as JSON, a String as it is, a {@link Multipart} as a browser's form, a
 * {@link Form} URL-encoded — sent once and read whole as a {@link Reply}; a demo user's token from
 * {@code POST /api/auth/token}. HTTP/1.1, as the gateway's clients speak it. Each caller keeps its own policy for a 429,
 * a lost answer or an outage (the tests wait a 429 out, the fault suite sends again until its deadline).
 */
public final class GatewayClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;

    /** A client of the gateway at {@code base} ("http://127.0.0.1:8080"); a connection must open within the time. */
    public GatewayClient(String base, Duration connectTimeout) {
        this.base = base.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
    }

    public String base() {
        return base;
    }

    /** The JDK client underneath, for what a {@link Reply} does not cover (a burst sent asynchronously). */
    public HttpClient http() {
        return http;
    }

    /** One answer, read whole. */
    public record Reply(int status, String contentType, String body, HttpHeaders headers) {

        public static Reply of(HttpResponse<String> r) {
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** This answer when it is a success (2xx); otherwise an IllegalStateException naming {@code what} failed. */
        public Reply expect(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + abbreviate(body));
            }
            return this;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The seconds a 429 or 503 asks to wait (Retry-After), 1 when it does not say. */
        public long retryAfterSeconds() {
            return header("Retry-After").map(v -> {
                try {
                    return Math.max(0, Long.parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    return 1L;
                }
            }).orElse(1L);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " [" + contentType + "] " + abbreviate(body);
        }
    }

    /** A multipart/form-data body: text fields and files (name → file), as a browser's form sends it. */
    public record Multipart(Map<String, String> fields, Map<String, FilePart> files) {

        public record FilePart(String fileName, String mediaType, byte[] bytes) {
        }

        public byte[] encode(String boundary) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data;"
                    + " name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
            files.forEach((name, file) -> {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                        + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.mediaType()
                        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(file.bytes());
                out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            });
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return "multipart " + fields.keySet() + " " + files.keySet();
        }
    }

    /** An application/x-www-form-urlencoded body. */
    public record Form(Map<String, String> fields) {

        public String encode() {
            return fields.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
        }
    }

    /**
     * A request to {@code path} (or a whole URL): the bearer {@code token} when there is one, the {@code body} (none,
     * an object as JSON, a String as it is — JSON unless {@code headers} name a Content-Type —, a {@link Multipart}
     * or a {@link Form}) and the extra headers; to be answered within {@code timeout}.
     */
    public HttpRequest request(String method, String path, String token, Object body, Map<String, String> headers,
            Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(timeout);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        boolean typed = headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase);
        switch (body) {
            case null -> b.method(method, HttpRequest.BodyPublishers.noBody());
            case Multipart multipart -> {
                String boundary = "loa-" + Long.toHexString(System.nanoTime());
                b.header("Content-Type", "multipart/form-data; boundary=" + boundary);
                b.method(method, HttpRequest.BodyPublishers.ofByteArray(multipart.encode(boundary)));
            }
            case Form form -> {
                b.header("Content-Type", "application/x-www-form-urlencoded");
                b.method(method, HttpRequest.BodyPublishers.ofString(form.encode()));
            }
            default -> {
                if (!typed) {
                    b.header("Content-Type", "application/json");
                }
                b.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                        : JSON.writeValueAsString(body), StandardCharsets.UTF_8));
            }
        }
        return b.build();
    }

    /** Sends once and reads the answer whole. */
    public Reply send(HttpRequest request) throws IOException, InterruptedException {
        return Reply.of(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** A user's access token from the gateway ({@code POST /api/auth/token}, the embedded default's password grant). */
    public Reply tokenReply(String user, String password) throws IOException, InterruptedException {
        return send(request("POST", "/api/auth/token", null, Map.of("username", user, "password", password),
                Map.of(), Duration.ofSeconds(20)));
    }

    /** The access token of a {@link #tokenReply} that succeeded. */
    public static String accessToken(Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("no token: " + reply);
        }
        return reply.json().path("access_token").asString();
    }

    /** The text on one line, cut at 200 characters: for messages. */
    public static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
