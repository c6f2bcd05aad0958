package vn.loa.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in of the Zalo Official Account message API, for {@code ./loa up} and tests (no Zalo server is
 * reachable from here). It answers as Zalo does, in {@code {"error":…,"message":…,"data":…}} with HTTP 200:
 * <ul>
 * <li>{@code POST /v2.0/oa/message} with header {@code access_token}: a wrong or missing token answers error -216
 *     ("Access token is invalid"); a body without {@code recipient.user_id} or {@code message.text} answers -201;
 *     else error 0 with {@code data.message_id} and {@code data.user_id}, and the message is kept;</li>
 * <li>{@code GET /v2.0/oa/messages-received}: what it received, oldest first ({@code data} is a list of
 *     {@code {message_id, user_id, received_at, body}}, {@code body} the request as sent);
 *     {@code DELETE} the same path forgets them.</li>
 * </ul>
 * Run: {@code java -cp … vn.loa.devstack.ZaloStandIn <port> <access token>}; {@link #start} in tests.
 */
public final class ZaloStandIn implements AutoCloseable {

    private static final Pattern USER_ID = Pattern.compile("\"user_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"");

    private record Received(String messageId, String userId, Instant at, String body) {
    }

    private final HttpServer server;
    private final String token;
    private final List<Received> received = new ArrayList<>();

    private ZaloStandIn(HttpServer server, String token) {
        this.server = server;
        this.token = token;
    }

    public static ZaloStandIn start(String host, int port, String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        ZaloStandIn standIn = new ZaloStandIn(server, token);
        server.createContext("/v2.0/oa/message", standIn::message);
        server.createContext("/v2.0/oa/messages-received", standIn::messages);
        server.createContext("/health", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return standIn;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18089;
        String token = args.length > 1 ? args[1] : "loa-dev-zalo-token";
        start("127.0.0.1", port, token);
        // the stand-in runs on the JDK alone (./loa starts it with devstack's classes only): its standard output is
        // its log file, data/logs/zalo.log
        System.out.println("Zalo OA stand-in on http://127.0.0.1:" + port + " (POST /v2.0/oa/message, GET"
                + " /v2.0/oa/messages-received)");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many messages it accepted. */
    public synchronized int count() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void message(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 405, zalo(-32, "Method not allowed", "null"));
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!token.equals(exchange.getRequestHeaders().getFirst("access_token"))) {
            answer(exchange, 200, zalo(-216, "Access token is invalid", "null"));
            return;
        }
        Matcher user = USER_ID.matcher(body);
        if (!user.find() || !TEXT.matcher(body).find()) {
            answer(exchange, 200, zalo(-201, "Parameters are invalid", "null"));
            return;
        }
        Received r;
        synchronized (this) {
            r = new Received("msg-" + (received.size() + 1), user.group(1), Instant.now(), body);
            received.add(r);
        }
        answer(exchange, 200, zalo(0, "Success", "{\"message_id\":\"" + r.messageId() + "\",\"user_id\":\""
                + r.userId() + "\"}"));
    }

    private void messages(HttpExchange exchange) throws IOException {
        if ("DELETE".equals(exchange.getRequestMethod())) {
            synchronized (this) {
                received.clear();
            }
            answer(exchange, 200, zalo(0, "Success", "null"));
            return;
        }
        StringBuilder data = new StringBuilder("[");
        synchronized (this) {
            for (Received r : received) {
                if (data.length() > 1) {
                    data.append(',');
                }
                data.append("{\"message_id\":\"").append(r.messageId()).append("\",\"user_id\":\"").append(r.userId())
                        .append("\",\"received_at\":\"").append(r.at()).append("\",\"body\":").append(r.body())
                        .append('}');
            }
        }
        answer(exchange, 200, zalo(0, "Success", data.append(']').toString()));
    }

    private static String zalo(int error, String message, String data) {
        return "{\"error\":" + error + ",\"message\":\"" + message + "\",\"data\":" + data + "}";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
