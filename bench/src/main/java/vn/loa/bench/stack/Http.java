package vn.loa.bench.stack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.client.GatewayClient;
import vn.loa.client.GatewayClient.Reply;

/**
 * The benchmark's HTTP ({@link GatewayClient} with whole URLs: the gateway, a service, Keycloak): JSON in and out,
 * bearer tokens or the X-Loa headers a service trusts from the gateway.
 */
final class Http {

    static final JsonMapper JSON = GatewayClient.JSON;
    private final GatewayClient client = new GatewayClient("", Duration.ofSeconds(5));

    /** Who a request is from: a bearer token (through the gateway) or the headers the gateway would set. */
    record As(String bearer, String tenant, String user, String roles) {
        static As token(String token) {
            return new As(token, null, null, null);
        }

        static As headers(String tenant, String user, String roles) {
            return new As(null, tenant, user, roles);
        }

        Map<String, String> headers() {
            return bearer == null && tenant != null
                    ? Map.of("X-Loa-Tenant", tenant, "X-Loa-User", user, "X-Loa-Roles", roles) : Map.of();
        }
    }

    HttpClient client() {
        return client.http();
    }

    Reply get(String url, As as) {
        return send(client.request("GET", url, as.bearer(), null, as.headers(), Duration.ofSeconds(60)));
    }

    Reply post(String url, As as, Object body) {
        return send(postRequest(url, as, body));
    }

    HttpRequest postRequest(String url, As as, Object body) {
        return client.request("POST", url, as.bearer(), body, as.headers(), Duration.ofSeconds(60));
    }

    CompletableFuture<HttpResponse<Void>> postAsync(String url, As as) {
        return client().sendAsync(postRequest(url, as, null), HttpResponse.BodyHandlers.discarding());
    }

    Reply form(String url, Map<String, String> fields) {
        return send(client.request("POST", url, null, new GatewayClient.Form(fields), Map.of(),
                Duration.ofSeconds(30)));
    }

    Reply send(HttpRequest request) {
        try {
            return client.send(request);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
