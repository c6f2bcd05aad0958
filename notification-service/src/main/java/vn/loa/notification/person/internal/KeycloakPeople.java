package vn.loa.notification.person.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import vn.loa.platform.tenancy.Role;

/**
 * A commune's people from Keycloak's Admin REST API with Loa's own service-account client, the same calls as
 * plan-service's administration (users by their {@code tenant} attribute, then each one's realm roles); a commune's
 * list is kept {@code loa.admin.keycloak.cache} (5 minutes). Keycloak not answering is an exception: the delivery is
 * retried, then dead-lettered.
 */
@Component
@EnableConfigurationProperties(KeycloakProperties.class)
class KeycloakPeople implements PersonDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakPeople.class);
    private static final int MAX_USERS = 2000;

    private record Cached(List<Person> people, Instant until) {
    }

    private final KeycloakProperties properties;
    private final RestClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private String token;
    private Instant tokenUntil = Instant.MIN;

    KeycloakPeople(KeycloakProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.timeout());
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public List<Person> people(String tenant) {
        Cached cached = cache.get(tenant);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.people();
        }
        List<Person> people = read(tenant);
        cache.put(tenant, new Cached(people, clock.instant().plus(properties.cache())));
        return people;
    }

    private List<Person> read(String tenant) {
        URI uri = admin("/users").queryParam("q", "tenant:" + tenant).queryParam("briefRepresentation", "false")
                .queryParam("max", MAX_USERS).build().encode().toUri();
        List<Person> out = new ArrayList<>();
        for (JsonNode user : get(uri)) {
            JsonNode t = user.path("attributes").path("tenant");
            boolean ofTenant = t.isArray() && !t.isEmpty() && tenant.equals(t.get(0).asString());
            if (!ofTenant || !user.path("enabled").asBoolean(false)) {
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonNode role : get(admin("/users/{id}/role-mappings/realm")
                    .buildAndExpand(user.path("id").asString()).toUri())) {
                for (Role r : Role.values()) {
                    if (r.name().equals(role.path("name").asString(""))) {
                        roles.add(r);
                    }
                }
            }
            String name = (user.path("firstName").asString("") + " " + user.path("lastName").asString("")).strip();
            out.add(new Person(user.path("username").asString(), name.isEmpty() ? user.path("username").asString()
                    : name, user.path("email").asString(null), roles));
        }
        return List.copyOf(out);
    }

    private JsonNode get(URI uri) {
        try {
            return http.get().uri(uri).header("Authorization", "Bearer " + token()).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            synchronized (this) {
                tokenUntil = Instant.MIN; // a refused token is not kept
            }
            throw new IllegalStateException("Keycloak did not list the people (" + uri.getPath() + "): "
                    + e.getMessage(), e);
        }
    }

    private UriComponentsBuilder admin(String path) {
        return UriComponentsBuilder.fromUriString(base() + "/admin/realms/" + properties.realm() + path);
    }

    private String base() {
        String url = properties.url();
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("loa.admin.keycloak.url is not set");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private synchronized String token() {
        if (token != null && Instant.now().isBefore(tokenUntil)) {
            return token;
        }
        if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
            throw new IllegalStateException("loa.admin.keycloak.client-secret is not set (LOA_ADMIN_CLIENT_SECRET)");
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", properties.clientId());
        form.add("client_secret", properties.clientSecret());
        JsonNode answer;
        try {
            answer = http.method(HttpMethod.POST)
                    .uri(URI.create(base() + "/realms/" + properties.realm() + "/protocol/openid-connect/token"))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            log.error("Keycloak refused Loa's admin client {} a token: check loa.admin.keycloak.client-id and"
                    + " client-secret (LOA_ADMIN_CLIENT_SECRET)", properties.clientId());
            throw new IllegalStateException("no token for Loa's admin client", e);
        }
        token = answer.path("access_token").asString();
        long seconds = answer.path("expires_in").asLong(60);
        tokenUntil = Instant.now().plus(Duration.ofSeconds(Math.max(5, seconds - 30)));
        return token;
    }
}
