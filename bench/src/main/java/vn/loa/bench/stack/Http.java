package vn.loa.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's HTTP: JSON in and out, bearer tokens or the X-Loa headers a service trusts from the gateway. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Reply expect(String what) {
            if (!ok()) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + body);
            }
            return this;
        }
    }

    /** Who a request is from: a bearer token (through the gateway) or the headers the gateway would set. */
    record As(String bearer, String tenant, String user, String roles) {
        static As token(String token) {
            return new As(token, null, null, null);
        }

        static As headers(String tenant, String user, String roles) {
            return new As(null, tenant, user, roles);
        }

        HttpRequest.Builder apply(HttpRequest.Builder b) {
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            } else if (tenant != null) {
                b.header("X-Loa-Tenant", tenant).header("X-Loa-User", user).header("X-Loa-Roles", roles);
            }
            return b;
        }
    }

    HttpClient client() {
        return client;
    }

    Reply get(String url, As as) {
        return send(as.apply(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET()).build());
    }

    Reply post(String url, As as, Object body) {
        return send(postRequest(url, as, body));
    }

    HttpRequest postRequest(String url, As as, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return as.apply(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(publisher)).build();
    }

    CompletableFuture<HttpResponse<Void>> postAsync(String url, As as) {
        return client.sendAsync(postRequest(url, as, null), HttpResponse.BodyHandlers.discarding());
    }

    Reply form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
