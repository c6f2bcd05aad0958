package vn.loa.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the client sends (token, body, content type) and how it reads the answer, against a small local server. */
class GatewayClientTest {

    record Seen(String method, String path, String authorization, String contentType, String body) {
    }

    private HttpServer server;
    private GatewayClient client;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean token = exchange.getRequestURI().getPath().equals("/api/auth/token");
            byte[] answer = (token ? "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\"}" : "{\"ok\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(token ? 200 : 429, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        client = new GatewayClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anObjectGoesAsJsonWithTheBearerTokenAndTheAnswerIsReadWhole() throws Exception {
        GatewayClient.Reply r = client.send(client.request("POST", "/api/plans", "t-1", Map.of("title", "Kế hoạch"),
                Map.of(), Duration.ofSeconds(5)));
        assertThat(seen.getFirst()).isEqualTo(new Seen("POST", "/api/plans", "Bearer t-1", "application/json",
                "{\"title\":\"Kế hoạch\"}"));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.ok()).isFalse();
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().path("ok").asBoolean()).isTrue();
        assertThat(r.retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void aStringKeepsTheContentTypeItIsGivenAndNoBodyIsNoBody() throws Exception {
        client.send(client.request("POST", "/x", null, "a=1", Map.of("Content-Type", "text/plain"),
                Duration.ofSeconds(5)));
        client.send(client.request("GET", "/y", null, null, Map.of(), Duration.ofSeconds(5)));
        assertThat(seen).containsExactly(new Seen("POST", "/x", null, "text/plain", "a=1"),
                new Seen("GET", "/y", null, null, ""));
    }

    @Test
    void aFormAndAMultipartAreEncodedAsABrowserWould() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "password");
        fields.put("username", "kim-thanh.editor");
        fields.put("scope", "a b");
        client.send(client.request("POST", "/f", null, new GatewayClient.Form(fields), Map.of(),
                Duration.ofSeconds(5)));
        assertThat(seen.getLast().contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(seen.getLast().body()).isEqualTo("grant_type=password&username=kim-thanh.editor&scope=a+b");

        GatewayClient.Multipart form = new GatewayClient.Multipart(Map.of("channel", "truc-quan"),
                Map.of("photo", new GatewayClient.Multipart.FilePart("pano.jpg", "image/jpeg", new byte[] {'J'})));
        client.send(client.request("POST", "/m", "t-1", form, Map.of(), Duration.ofSeconds(5)));
        String boundary = seen.getLast().contentType().substring("multipart/form-data; boundary=".length());
        assertThat(seen.getLast().body()).isEqualTo("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"channel\"\r\n\r\ntruc-quan\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"pano.jpg\"\r\nContent-Type: image/jpeg"
                + "\r\n\r\nJ\r\n--" + boundary + "--\r\n");
    }

    @Test
    void aDemoUsersTokenComesFromTheGatewaysTokenEndpoint() throws Exception {
        GatewayClient.Reply r = client.tokenReply("kim-thanh.editor", "demo");
        assertThat(GatewayClient.accessToken(r)).isEqualTo("t-1");
        assertThat(seen.getFirst().body()).contains("\"username\":\"kim-thanh.editor\"", "\"password\":\"demo\"");
        assertThatThrownBy(() -> GatewayClient.accessToken(client.send(client.request("GET", "/z", null, null,
                Map.of(), Duration.ofSeconds(5))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 429");
    }
}
