package vn.loa.plan.admin.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in of the Keycloak endpoints administration calls (token by client credentials, users by tenant or
 * name, create, read, update, log out, delete, realm role mappings), answering as Keycloak 26 does, and refusing a
 * request without the token it issued. The real Keycloak is exercised by the e2e tests.
 */
final class KeycloakStandIn implements AutoCloseable {

    static final String SECRET = "stand-in-secret";
    static final List<String> REALM_ROLES = List.of("EDITOR", "LEADER", "ADMIN", "VIEWER", "SYSADMIN",
            "PROVINCE_ADMIN", "offline_access");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roles = new ConcurrentHashMap<>();
    private final Set<String> loggedOut = ConcurrentHashMap.newKeySet();
    private final String token = UUID.randomUUID().toString();
    private volatile boolean down;

    KeycloakStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/auth/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/auth";
    }

    void reset() {
        users.clear();
        roles.clear();
        loggedOut.clear();
        down = false;
    }

    /** While down, every request answers 503 as a Keycloak behind a proxy would. */
    void down(boolean down) {
        this.down = down;
    }

    String seed(String username, String tenant, String role, boolean enabled) {
        String id = UUID.randomUUID().toString();
        ObjectNode user = json.createObjectNode();
        user.put("id", id).put("username", username).put("enabled", enabled).put("firstName", "Cán bộ")
                .put("lastName", username).put("email", username + "@demo.loa.invalid");
        user.putObject("attributes").putArray("tenant").add(tenant);
        users.put(id, user);
        roles.put(id, new TreeSet<>(Set.of(role)));
        return id;
    }

    ObjectNode user(String username) {
        return users.values().stream().filter(u -> u.get("username").asString().equals(username)).findFirst()
                .orElse(null);
    }

    Set<String> rolesOf(String username) {
        return roles.get(user(username).get("id").asString());
    }

    boolean loggedOut(String username) {
        return loggedOut.contains(user(username).get("id").asString());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                send(exchange, 503, "{\"error\":\"unavailable\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/auth".length());
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("/realms/loa/protocol/openid-connect/token")) {
                Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
                if ("client_credentials".equals(form.get("grant_type")) && "loa-admin".equals(form.get("client_id"))
                        && SECRET.equals(form.get("client_secret"))) {
                    send(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":300}");
                } else {
                    send(exchange, 401, "{\"error\":\"unauthorized_client\"}");
                }
                return;
            }
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"HTTP 401 Unauthorized\"}");
                return;
            }
            String[] parts = path.replaceFirst("^/admin/realms/loa/users/?", "").split("/");
            if (!path.startsWith("/admin/realms/loa/users")) {
                send(exchange, 404, "{\"error\":\"not found\"}");
            } else if (parts[0].isEmpty()) {
                users(exchange, method, body);
            } else {
                user(exchange, method, parts, body);
            }
        }
    }

    private void users(HttpExchange exchange, String method, byte[] body) throws IOException {
        if (method.equals("GET")) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            List<JsonNode> found = new ArrayList<>();
            for (ObjectNode user : users.values()) {
                String q = query.get("q");
                String username = query.get("username");
                boolean matches = (q == null || ("tenant:" + user.get("attributes").get("tenant").get(0).asString())
                        .equals(q)) && (username == null || user.get("username").asString().equals(username));
                if (matches) {
                    found.add(user);
                }
            }
            send(exchange, 200, json.writeValueAsString(found));
            return;
        }
        JsonNode request = json.readTree(body);
        String username = request.get("username").asString();
        boolean taken = users.values().stream().anyMatch(u -> u.get("username").asString().equals(username)
                || u.get("email").asString().equals(request.path("email").asString()));
        if (taken) {
            send(exchange, 409, "{\"errorMessage\":\"User exists with same username\"}");
            return;
        }
        String id = UUID.randomUUID().toString();
        ObjectNode user = ((ObjectNode) request).deepCopy();
        user.put("id", id);
        user.remove("credentials");
        user.put("temporaryPassword", request.get("credentials").get(0).get("temporary").asBoolean());
        users.put(id, user);
        roles.put(id, new TreeSet<>());
        exchange.getResponseHeaders().add("Location", url() + "/admin/realms/loa/users/" + id);
        send(exchange, 201, "");
    }

    private void user(HttpExchange exchange, String method, String[] parts, byte[] body) throws IOException {
        ObjectNode user = users.get(parts[0]);
        if (user == null) {
            send(exchange, 404, "{\"error\":\"User not found\"}");
            return;
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
        switch (method + " " + rest) {
            case "GET " -> send(exchange, 200, json.writeValueAsString(user));
            case "PUT " -> {
                JsonNode update = json.readTree(body);
                if (!update.has("attributes")) { // as Keycloak with a declarative profile: attributes would be lost
                    send(exchange, 400, "{\"errorMessage\":\"missing attributes\"}");
                    return;
                }
                user.put("enabled", update.get("enabled").asBoolean());
                send(exchange, 204, "");
            }
            case "DELETE " -> {
                users.remove(parts[0]);
                send(exchange, 204, "");
            }
            case "POST logout" -> {
                loggedOut.add(parts[0]);
                send(exchange, 204, "");
            }
            case "GET role-mappings/realm" -> send(exchange, 200, roleList(roles.get(parts[0])));
            case "GET role-mappings/realm/available" -> {
                Set<String> available = new TreeSet<>(REALM_ROLES);
                available.removeAll(roles.get(parts[0]));
                send(exchange, 200, roleList(available));
            }
            case "POST role-mappings/realm" -> {
                for (JsonNode role : json.readTree(body)) {
                    if (!role.hasNonNull("id")) {
                        send(exchange, 400, "{\"errorMessage\":\"role without id\"}");
                        return;
                    }
                    roles.get(parts[0]).add(role.get("name").asString());
                }
                send(exchange, 204, "");
            }
            default -> send(exchange, 405, "{\"error\":\"HTTP 405 Method Not Allowed\"}");
        }
    }

    private String roleList(Set<String> names) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : names) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("id", "role-" + name);
            role.put("name", name);
            role.put("composite", false);
            list.add(role);
        }
        return json.writeValueAsString(list);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> form = new LinkedHashMap<>();
        if (raw == null) {
            return form;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 204) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
