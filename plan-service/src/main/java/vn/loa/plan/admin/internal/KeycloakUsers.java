package vn.loa.plan.admin.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.problem.NotFound;
import vn.loa.platform.tenancy.Role;

/**
 * The few calls of Keycloak's Admin REST API that administration needs, with Loa's own service-account client
 * (client credentials; the token is kept until shortly before it expires). Every I/O failure, 5xx, or refusal of
 * Loa's client becomes {@link KeycloakUnavailable}; the answers a person can cause (a taken user name) become the
 * platform's Vietnamese problems.
 */
@Component
class KeycloakUsers {

    private static final Logger log = LoggerFactory.getLogger(KeycloakUsers.class);
    private static final int MAX_USERS = 2000;

    /** A Keycloak account: its id, user name, names, email, whether it may log in, and its tenant attribute. */
    record Account(String id, String username, String firstName, String lastName, String email, boolean enabled,
            String tenant) {

        String fullName() {
            String first = firstName == null ? "" : firstName.trim();
            String last = lastName == null ? "" : lastName.trim();
            return (first + " " + last).trim();
        }
    }

    private record Answer(HttpStatusCode status, JsonNode body, String location) {
    }

    private final KeycloakProperties properties;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;
    private Instant tokenUntil = Instant.MIN;

    KeycloakUsers(KeycloakProperties properties) {
        this.properties = properties;
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** The accounts whose tenant attribute is exactly this code. */
    List<Account> ofTenant(String tenant) {
        URI uri = admin("/users").queryParam("q", "tenant:" + tenant).queryParam("briefRepresentation", "false")
                .queryParam("max", MAX_USERS).build().encode().toUri();
        Answer answer = call(HttpMethod.GET, uri, null);
        expectOk(answer, "list users");
        List<Account> accounts = new ArrayList<>();
        for (JsonNode user : answer.body()) {
            Account account = account(user);
            if (tenant.equals(account.tenant())) {
                accounts.add(account);
            }
        }
        return accounts;
    }

    /** The account with exactly this user name. */
    Optional<Account> byUsername(String username) {
        URI uri = admin("/users").queryParam("username", username).queryParam("exact", "true")
                .queryParam("briefRepresentation", "false").build().encode().toUri();
        Answer answer = call(HttpMethod.GET, uri, null);
        expectOk(answer, "find user");
        for (JsonNode user : answer.body()) {
            if (username.equalsIgnoreCase(user.path("username").asString(""))) {
                return Optional.of(account(user));
            }
        }
        return Optional.empty();
    }

    /** The Loa roles the account holds directly. */
    Set<Role> roles(String id) {
        Answer answer = call(HttpMethod.GET, admin("/users/{id}/role-mappings/realm").buildAndExpand(id).toUri(), null);
        if (answer.status().value() == 404) {
            throw new NotFound("Không tìm thấy tài khoản.");
        }
        expectOk(answer, "read roles");
        return loaRoles(answer.body());
    }

    /** Creates an enabled account; returns its id. A taken user name or email is a conflict. */
    String create(String username, String firstName, String lastName, String email, String tenant, String password,
            boolean temporary) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("firstName", firstName);
        user.put("lastName", lastName);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("attributes", Map.of("tenant", List.of(tenant)));
        user.put("credentials", List.of(Map.of("type", "password", "value", password, "temporary", temporary)));
        Answer answer = call(HttpMethod.POST, admin("/users").build().toUri(), user);
        if (answer.status().value() == 409) {
            throw new Conflict("Tên đăng nhập hoặc email này đã được dùng cho một tài khoản khác.");
        }
        if (answer.status().value() == 400) {
            log.info("Keycloak refused a new user: {}", answer.body());
            throw new InvalidInput("Keycloak không chấp nhận thông tin tài khoản (tên, email hoặc mật khẩu). "
                    + "Vui lòng kiểm tra lại.", List.of(new InvalidInput.FieldProblem("username",
                    "Thông tin tài khoản không hợp lệ.")));
        }
        expectStatus(answer, 201, "create user");
        String location = answer.location();
        if (location == null || !location.contains("/users/")) {
            throw new KeycloakUnavailable("Keycloak created a user without saying where");
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Gives the account these Loa realm roles. */
    void grant(String id, Set<Role> roles) {
        Answer available = call(HttpMethod.GET,
                admin("/users/{id}/role-mappings/realm/available").buildAndExpand(id).toUri(), null);
        expectOk(available, "read mappable roles");
        List<JsonNode> chosen = new ArrayList<>();
        Set<Role> missing = EnumSet.copyOf(roles);
        for (JsonNode role : available.body()) {
            for (Role wanted : roles) {
                if (wanted.name().equals(role.path("name").asString(""))) {
                    chosen.add(role);
                    missing.remove(wanted);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new KeycloakUnavailable("realm roles not mappable by Loa's client: " + missing);
        }
        Answer answer = call(HttpMethod.POST, admin("/users/{id}/role-mappings/realm").buildAndExpand(id).toUri(),
                chosen);
        expectStatus(answer, 204, "map roles");
    }

    /** Lets the account log in again, or not; a disabled account's sessions are ended. */
    void setEnabled(String id, boolean enabled) {
        URI uri = admin("/users/{id}").buildAndExpand(id).toUri();
        Answer current = call(HttpMethod.GET, uri, null);
        if (current.status().value() == 404) {
            return; // gone: nothing can log in with it
        }
        expectOk(current, "read user");
        if (current.body().path("enabled").asBoolean(false) != enabled) {
            Map<String, Object> user = json.convertValue(current.body(), Map.class);
            user.put("enabled", enabled);
            Answer answer = call(HttpMethod.PUT, uri, user);
            expectStatus(answer, 204, "update user");
        }
        if (!enabled) {
            Answer logout = call(HttpMethod.POST, admin("/users/{id}/logout").buildAndExpand(id).toUri(), null);
            expectStatus(logout, 204, "log out user");
        }
    }

    /** Removes an account (only one this feature has just created and could not finish). */
    void delete(String id) {
        call(HttpMethod.DELETE, admin("/users/{id}").buildAndExpand(id).toUri(), null);
    }

    private Account account(JsonNode user) {
        JsonNode tenant = user.path("attributes").path("tenant");
        return new Account(user.path("id").asString(), user.path("username").asString(),
                user.path("firstName").asString(null), user.path("lastName").asString(null),
                user.path("email").asString(null), user.path("enabled").asBoolean(false),
                tenant.isArray() && !tenant.isEmpty() ? tenant.get(0).asString() : null);
    }

    private static Set<Role> loaRoles(JsonNode roles) {
        Set<Role> found = EnumSet.noneOf(Role.class);
        for (JsonNode role : roles) {
            for (Role r : Role.values()) {
                if (r.name().equals(role.path("name").asString(""))) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    private UriComponentsBuilder admin(String path) {
        return UriComponentsBuilder.fromUriString(base() + "/admin/realms/" + properties.realm() + path);
    }

    private String base() {
        String url = properties.url();
        if (url == null || url.isBlank()) {
            throw new KeycloakUnavailable("loa.admin.keycloak.url is not set");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private Answer call(HttpMethod method, URI uri, Object body) {
        Answer answer = send(method, uri, body, token());
        if (answer.status().value() == 401) { // a token Keycloak no longer takes: once more with a new one
            synchronized (this) {
                tokenUntil = Instant.MIN;
            }
            answer = send(method, uri, body, token());
        }
        if (answer.status().is5xxServerError()) {
            throw new KeycloakUnavailable("Keycloak answered " + answer.status() + " to " + method + " " + uri);
        }
        if (answer.status().value() == 401 || answer.status().value() == 403) {
            log.error("Keycloak refused Loa's admin client ({}) on {} {}: its service account needs realm-management "
                    + "manage-users, view-users and query-users", answer.status(), method, uri.getPath());
            throw new KeycloakUnavailable("Loa's admin client may not " + method + " " + uri.getPath());
        }
        return answer;
    }

    private Answer send(HttpMethod method, URI uri, Object body, String bearer) {
        try {
            RestClient.RequestBodySpec request = http.method(method).uri(uri)
                    .header("Authorization", "Bearer " + bearer).accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
            }
            return request.exchange((req, res) -> new Answer(res.getStatusCode(), read(res.getBody().readAllBytes()),
                    res.getHeaders().getFirst("Location")));
        } catch (ResourceAccessException e) {
            throw new KeycloakUnavailable("Keycloak did not answer " + method + " " + uri.getPath(), e);
        }
    }

    private JsonNode read(byte[] bytes) {
        if (bytes.length == 0) {
            return json.nullNode();
        }
        try {
            return json.readTree(bytes);
        } catch (RuntimeException notJson) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenUntil)) {
            return token;
        }
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new KeycloakUnavailable("loa.admin.keycloak.client-secret is not set");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        URI uri = URI.create(base() + "/realms/" + properties.realm() + "/protocol/openid-connect/token");
        Answer answer;
        try {
            answer = http.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .exchange((req, res) -> new Answer(res.getStatusCode(), read(res.getBody().readAllBytes()), null));
        } catch (ResourceAccessException e) {
            throw new KeycloakUnavailable("Keycloak's token endpoint did not answer", e);
        }
        if (!answer.status().is2xxSuccessful() || !answer.body().hasNonNull("access_token")) {
            if (answer.status().is4xxClientError()) {
                log.error("Keycloak refused Loa's admin client {} a token ({}): check loa.admin.keycloak.client-id "
                        + "and client-secret (LOA_ADMIN_CLIENT_SECRET)", properties.clientId(), answer.status());
            }
            throw new KeycloakUnavailable("no token for Loa's admin client: " + answer.status());
        }
        token = answer.body().get("access_token").asString();
        long seconds = answer.body().path("expires_in").asLong(60);
        tokenUntil = Instant.now().plus(Duration.ofSeconds(Math.max(5, seconds - 30)));
        return token;
    }

    private static void expectOk(Answer answer, String what) {
        expectStatus(answer, 200, what);
    }

    private static void expectStatus(Answer answer, int status, String what) {
        if (answer.status().value() != status) {
            throw new KeycloakUnavailable("Keycloak answered " + answer.status() + " to " + what);
        }
    }
}
