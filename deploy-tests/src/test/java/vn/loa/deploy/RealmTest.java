package vn.loa.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * The Keycloak realm docker compose imports (deploy/keycloak/loa-realm.json): what the gateway expects of tokens
 * (client, roles, the tenant and audience claims) and every demo user of issue 7 with a real tenant code — each
 * checked against the commune directory, and the communes against plan-service's demo plans.
 */
class RealmTest {

    private static final Map<String, String> COMMUNES = Map.of(
            "kim-thanh", "Kim Thành", "tien-minh", "Tiên Minh", "nguyen-luong-bang", "Nguyễn Lương Bằng",
            "bach-mai", "Bạch Mai", "ky-lac", "Kỳ Lạc");
    /** Province reviewers and the communes they must see. */
    private static final Map<String, List<String>> VIEWERS = Map.of(
            "hai-phong", List.of("kim-thanh", "tien-minh", "nguyen-luong-bang"),
            "ha-noi", List.of("bach-mai"),
            "ha-tinh", List.of("ky-lac"));

    private final JsonNode realm = JsonMapper.builder().build().readTree(Repo.read("deploy/keycloak/loa-realm.json"));
    private final CommuneDirectory directory = CommuneDirectory.instance();

    @Test
    void theRealmHasTheClientRolesAndClaimsTheGatewayExpects() {
        assertThat(realm.get("realm").asString()).isEqualTo("loa");
        Set<String> roles = new TreeSet<>();
        realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asString()));
        assertThat(roles).containsExactlyInAnyOrder("EDITOR", "LEADER", "ADMIN", "VIEWER", "SYSADMIN",
                "PROVINCE_ADMIN");

        JsonNode client = client("loa-web");
        assertThat(client.get("publicClient").asBoolean()).isTrue();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        Map<String, JsonNode> mappers = new LinkedHashMap<>();
        client.get("protocolMappers").forEach(m -> mappers.put(m.get("protocolMapper").asString(), m.get("config")));
        assertThat(mappers.get("oidc-usermodel-attribute-mapper").get("user.attribute").asString()).isEqualTo("tenant");
        assertThat(mappers.get("oidc-usermodel-attribute-mapper").get("claim.name").asString()).isEqualTo("tenant");
        assertThat(mappers.get("oidc-usermodel-attribute-mapper").get("access.token.claim").asString()).isEqualTo("true");
        assertThat(mappers.get("oidc-audience-mapper").get("included.custom.audience").asString()).isEqualTo("loa");

        // the gateway's defaults name the same client and audience
        String gateway = Repo.read("gateway/src/main/resources/application.yml");
        assertThat(gateway).contains("${LOA_AUTH_CLIENT_ID:loa-web}").contains("${LOA_AUTH_AUDIENCE:loa}");
    }

    @Test
    void everyDemoUserOfIssue7IsThereWithARealTenantAndOneRole() {
        Map<String, String[]> expected = new LinkedHashMap<>(); // username → {tenant, role}
        COMMUNES.forEach((slug, name) -> {
            String code = communeCode(name);
            expected.put(slug + ".editor", new String[] {code, "EDITOR"});
            expected.put(slug + ".leader", new String[] {code, "LEADER"});
            expected.put(slug + ".admin", new String[] {code, "ADMIN"});
        });
        VIEWERS.forEach((province, communes) -> {
            String code = directory.commune(communeCode(COMMUNES.get(communes.get(0)))).orElseThrow().provinceCode();
            for (String commune : communes) {
                assertThat(directory.inProvince(communeCode(COMMUNES.get(commune)), code))
                        .as(commune + " lies in " + province).isTrue();
            }
            expected.put(province + ".viewer", new String[] {code, "VIEWER"});
        });
        expected.put("admin", new String[] {"platform", "SYSADMIN"});
        expected.put("hai-phong.admin", new String[] {"31", "PROVINCE_ADMIN"}); // issue 20

        Map<String, JsonNode> users = new LinkedHashMap<>();
        people().forEach(u -> users.put(u.get("username").asString(), u));
        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((username, tenantAndRole) -> {
            JsonNode user = users.get(username);
            assertThat(user.get("attributes").get("tenant").get(0).asString()).as(username + " tenant")
                    .isEqualTo(tenantAndRole[0]);
            List<String> roles = new ArrayList<>();
            user.get("realmRoles").forEach(r -> roles.add(r.asString()));
            assertThat(roles).as(username + " roles").containsExactly(tenantAndRole[1]);
            // Keycloak refuses a password grant to a user without email and names ("Account is not fully set up")
            assertThat(user.get("email").asString()).as(username).contains("@");
            assertThat(user.get("firstName").asString()).as(username).isNotBlank();
            assertThat(user.get("lastName").asString()).as(username).isNotBlank();
            assertThat(user.get("enabled").asBoolean()).isTrue();
            JsonNode credential = user.get("credentials").get(0);
            assertThat(credential.get("value").asString()).as(username + " password").isEqualTo("demo");
            assertThat(credential.get("temporary").asBoolean()).isFalse();
        });
    }

    @Test
    void theDemoCommunesAreThoseOfPlanServicesDemoPlans() {
        Set<String> planTenants = new TreeSet<>();
        Pattern tenant = Pattern.compile("\"tenantId\"\\s*:\\s*\"(\\d{5})\"");
        try (var files = java.nio.file.Files.list(Repo.ROOT.resolve("plan-service/src/main/resources/demo"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Matcher m = tenant.matcher(java.nio.file.Files.readString(file));
                assertThat(m.find()).as(file + " names its tenant").isTrue();
                planTenants.add(m.group(1));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> realmCommunes = new TreeSet<>();
        people().forEach(u -> {
            String t = u.get("attributes").get("tenant").get(0).asString();
            if (directory.isCommune(t)) {
                realmCommunes.add(t);
            }
        });
        assertThat(realmCommunes).isEqualTo(planTenants);
    }

    /**
     * Loa's own administration client (issue 20, docs/adr/0011): confidential, a service account and nothing else,
     * whose account may manage, view and query users of the realm — no realm, client or role management — and whose
     * secret is not in the file but comes from the environment at import.
     */
    @Test
    void loasAdministrationClientHasOnlyTheRightsItNeeds() {
        JsonNode client = client("loa-admin");
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.get("secret").asString()).isEqualTo("${LOA_ADMIN_CLIENT_SECRET}");

        List<JsonNode> accounts = new ArrayList<>();
        realm.get("users").forEach(u -> {
            if (u.has("serviceAccountClientId")) {
                accounts.add(u);
            }
        });
        assertThat(accounts).hasSize(1);
        JsonNode account = accounts.get(0);
        assertThat(account.get("serviceAccountClientId").asString()).isEqualTo("loa-admin");
        assertThat(account.has("realmRoles")).as("no Loa role for the service account").isFalse();
        Map<String, List<String>> clientRoles = new LinkedHashMap<>();
        account.get("clientRoles").properties().forEach(e -> {
            List<String> names = new ArrayList<>();
            e.getValue().forEach(r -> names.add(r.asString()));
            clientRoles.put(e.getKey(), names);
        });
        assertThat(clientRoles).containsOnlyKeys("realm-management");
        assertThat(clientRoles.get("realm-management"))
                .containsExactlyInAnyOrder("manage-users", "view-users", "query-users");
    }

    /** The realm's people: every user but a client's service account. */
    private List<JsonNode> people() {
        List<JsonNode> people = new ArrayList<>();
        realm.get("users").forEach(u -> {
            if (!u.has("serviceAccountClientId")) {
                people.add(u);
            }
        });
        return people;
    }

    private String communeCode(String name) {
        List<String> codes = new ArrayList<>();
        for (String provinceCode : List.of("01", "31", "42")) {
            directory.province(provinceCode).orElseThrow().communes().stream()
                    .filter(c -> c.name().endsWith(" " + name)).forEach(c -> codes.add(c.code()));
        }
        assertThat(codes).as("exactly one commune named " + name + " in Hà Nội, Hải Phòng, Hà Tĩnh").hasSize(1);
        return codes.get(0);
    }

    private JsonNode client(String clientId) {
        for (JsonNode c : realm.get("clients")) {
            if (clientId.equals(c.get("clientId").asString())) {
                return c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }
}
