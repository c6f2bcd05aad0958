package vn.loa.plan.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import vn.loa.plan.admin.web.AdminController;
import vn.loa.platform.problem.ProblemAdvice;
import vn.loa.platform.tenancy.CallerWebMvc;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * /api/admin end to end inside plan-service, against a local stand-in of Keycloak's Admin REST API: activating a
 * commune, its first administrator, that administrator's editor and leader, and every refusal as a Vietnamese
 * problem (400/403/404/409/503).
 */
@WebMvcTest(AdminController.class)
@Import({CallerWebMvc.class, ProblemAdvice.class, Administration.class, KeycloakUsers.class, AdminConfiguration.class,
        AdminApiTest.Slice.class})
class AdminApiTest {

    private static final KeycloakStandIn KEYCLOAK = start();
    private static final String KIM_THANH = "10804";
    /** A commune of Hải Phòng that is not one of the five seed communes. */
    private static final String NEW_COMMUNE = CommuneDirectory.instance().province("31").orElseThrow().communes()
            .stream().map(CommuneDirectory.Commune::code)
            .filter(c -> !DemoCommunes.SEEDS.contains(c)).findFirst().orElseThrow();

    @TestConfiguration
    static class Slice {
        @Bean
        InMemoryCommuneRegistry registry() {
            return new InMemoryCommuneRegistry();
        }
    }

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("loa.admin.keycloak.url", KEYCLOAK::url);
        registry.add("loa.admin.keycloak.client-secret", () -> KeycloakStandIn.SECRET);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    InMemoryCommuneRegistry registry;

    @BeforeEach
    void seedCommunes() {
        KEYCLOAK.reset();
        registry.clear();
        DemoCommunes.SEEDS.forEach(registry::activeUnlessKnown);
        KEYCLOAK.seed("kim-thanh.admin", KIM_THANH, "ADMIN", true);
        KEYCLOAK.seed("kim-thanh.editor", KIM_THANH, "EDITOR", true);
        KEYCLOAK.seed("hai-phong.viewer", "31", "VIEWER", true);
    }

    @AfterAll
    static void stop() {
        KEYCLOAK.close();
    }

    @Test
    void theSystemAdministratorActivatesACommuneAndItsAdministratorAddsAnEditorAndALeader() throws Exception {
        as(get("/api/admin/communes?province=31"), "platform", "admin", "SYSADMIN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(114)))
                .andExpect(jsonPath("$[?(@.code == '" + KIM_THANH + "')].active").value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.code == '" + NEW_COMMUNE + "')].active").value(hasItem(false)));

        as(post("/api/admin/communes/" + NEW_COMMUNE + "/activate"), "platform", "admin", "SYSADMIN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        as(get("/api/admin/provinces"), "31", "hai-phong.admin", "PROVINCE_ADMIN")
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value("31"))
                .andExpect(jsonPath("$[0].communes").value(114))
                .andExpect(jsonPath("$[0].active").value(4)); // Kim Thành, Tiên Minh, Nguyễn Lương Bằng + the new one
        as(get("/api/admin/provinces"), "platform", "admin", "SYSADMIN").andExpect(jsonPath("$", hasSize(34)));
        as(get("/api/admin/communes/" + NEW_COMMUNE), NEW_COMMUNE, "moi.admin", "ADMIN")
                .andExpect(jsonPath("$.active").value(true)).andExpect(jsonPath("$.provinceCode").value("31"));
        as(get("/api/admin/communes"), "31", "hai-phong.admin", "PROVINCE_ADMIN")
                .andExpect(jsonPath("$[?(@.code == '" + NEW_COMMUNE + "')].active").value(hasItem(true)));

        as(post("/api/admin/communes/" + NEW_COMMUNE + "/users").content(person("moi.admin", "ADMIN")),
                "platform", "admin", "SYSADMIN")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fullName").value("Nguyễn Văn An"))
                .andExpect(jsonPath("$.roles[0]").value("ADMIN"));
        assertThat(KEYCLOAK.user("moi.admin").get("attributes").get("tenant").get(0).asString())
                .isEqualTo(NEW_COMMUNE);
        assertThat(KEYCLOAK.user("moi.admin").get("temporaryPassword").asBoolean()).isTrue();
        assertThat(KEYCLOAK.user("moi.admin").get("firstName").asString()).isEqualTo("Nguyễn Văn");
        assertThat(KEYCLOAK.user("moi.admin").get("lastName").asString()).isEqualTo("An");
        assertThat(KEYCLOAK.rolesOf("moi.admin")).containsExactly("ADMIN");

        as(post("/api/admin/communes/" + NEW_COMMUNE + "/users").content(person("moi.editor", "EDITOR")),
                NEW_COMMUNE, "moi.admin", "ADMIN").andExpect(status().isCreated());
        as(post("/api/admin/communes/" + NEW_COMMUNE + "/users").content(person("moi.leader", "LEADER")),
                NEW_COMMUNE, "moi.admin", "ADMIN").andExpect(status().isCreated());
        as(get("/api/admin/communes/" + NEW_COMMUNE + "/users"), NEW_COMMUNE, "moi.admin", "ADMIN")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(org.hamcrest.Matchers.contains(
                        "moi.admin", "moi.editor", "moi.leader")))
                .andExpect(jsonPath("$[?(@.username == 'moi.leader')].roles[0]").value(hasItem("LEADER")));
        assertThat(KEYCLOAK.rolesOf("moi.editor")).containsExactly("EDITOR");
    }

    @Test
    void aProvinceIsActivatedWholeWithItsProgressOneLinePerCommune() throws Exception {
        activate(NEW_COMMUNE);
        // refused before anything starts: a commune's administrator, another province's administrator, no such province
        refused(as(post("/api/admin/provinces/31/activate"), KIM_THANH, "kim-thanh.admin", "ADMIN"), 403);
        refused(as(post("/api/admin/provinces/01/activate"), "31", "hai-phong.admin", "PROVINCE_ADMIN"), 404);
        refused(as(post("/api/admin/provinces/99/activate"), "platform", "admin", "SYSADMIN"), 404);
        assertThat(registry.active(CommuneDirectory.instance().province("01").orElseThrow().communes().stream()
                .map(CommuneDirectory.Commune::code).toList())).as("nothing of Hà Nội switched on by the refusals")
                .containsExactly("00292");

        MvcResult started = as(post("/api/admin/provinces/31/activate"), "31", "hai-phong.admin", "PROVINCE_ADMIN")
                .andExpect(request().asyncStarted()).andReturn();
        String body = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<tools.jackson.databind.JsonNode> lines = body.lines()
                .map(l -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(l)).toList();
        assertThat(lines).hasSize(115); // one per commune of Hải Phòng, then the counts
        for (int i = 0; i < 114; i++) {
            assertThat(lines.get(i).path("done").asInt()).isEqualTo(i + 1);
            assertThat(lines.get(i).path("total").asInt()).isEqualTo(114);
        }
        assertThat(lines.stream().limit(114).filter(l -> !l.path("activatedNow").asBoolean())
                .map(l -> l.path("code").asString()))
                .as("the four active before: three seed communes and the one activated above")
                .containsExactlyInAnyOrder(KIM_THANH, "11791", "11242", NEW_COMMUNE);
        tools.jackson.databind.JsonNode last = lines.getLast();
        assertThat(last.path("finished").asBoolean()).isTrue();
        assertThat(last.path("activatedCount").asInt()).isEqualTo(110);
        assertThat(last.path("alreadyActiveCount").asInt()).isEqualTo(4);
        as(get("/api/admin/provinces"), "31", "hai-phong.admin", "PROVINCE_ADMIN")
                .andExpect(jsonPath("$[0].active").value(114));

        // again: nothing left to do, every line says so
        String again = mvc.perform(asyncDispatch(as(post("/api/admin/provinces/31/activate"), "platform", "admin",
                "SYSADMIN").andReturn())).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(again.lines().toList().getLast()).contains("\"activatedCount\":0", "\"alreadyActiveCount\":114");
    }

    @Test
    void aCommuneAdministratorCannotTouchAnotherCommuneNorGrantProvinceOrSystemRoles() throws Exception {
        activate(NEW_COMMUNE);
        refused(as(get("/api/admin/communes/" + NEW_COMMUNE + "/users"), KIM_THANH, "kim-thanh.admin", "ADMIN"),
                404);
        refused(as(post("/api/admin/communes/" + NEW_COMMUNE + "/users").content(person("x.editor", "EDITOR")),
                KIM_THANH, "kim-thanh.admin", "ADMIN"), 404);
        refused(as(post("/api/admin/communes/" + KIM_THANH + "/users").content(person("x.pa", "PROVINCE_ADMIN")),
                KIM_THANH, "kim-thanh.admin", "ADMIN"), 403);
        refused(as(post("/api/admin/communes/" + KIM_THANH + "/users").content(person("x.sys", "SYSADMIN")),
                "platform", "admin", "SYSADMIN"), 403);
        refused(as(post("/api/admin/communes/" + KIM_THANH + "/users").content(person("x.viewer", "VIEWER")),
                KIM_THANH, "kim-thanh.admin", "ADMIN"), 400);
        refused(as(post("/api/admin/communes/" + KIM_THANH + "/activate"), KIM_THANH, "kim-thanh.admin", "ADMIN"),
                403);
        refused(as(get("/api/admin/communes/" + KIM_THANH + "/users"), KIM_THANH, "kim-thanh.editor", "EDITOR"),
                403);
        refused(as(get("/api/admin/communes?province=31"), "31", "hai-phong.viewer", "VIEWER"), 403);
        refused(as(get("/api/admin/provinces"), KIM_THANH, "kim-thanh.admin", "ADMIN"), 403);
        refused(as(get("/api/admin/communes/" + NEW_COMMUNE), KIM_THANH, "kim-thanh.admin", "ADMIN"), 404);
        refused(as(get("/api/admin/communes?province=01"), "31", "hai-phong.admin", "PROVINCE_ADMIN"), 404);
        refused(as(post("/api/admin/communes/00292/deactivate"), "31", "hai-phong.admin", "PROVINCE_ADMIN"), 404);
        refused(as(delete("/api/admin/communes/" + KIM_THANH + "/users/kim-thanh.admin"), KIM_THANH,
                "kim-thanh.admin", "ADMIN"), 409);
        refused(as(delete("/api/admin/communes/" + NEW_COMMUNE + "/users/kim-thanh.editor"), "platform", "admin",
                "SYSADMIN"), 404);
        assertThat(KEYCLOAK.user("x.editor")).isNull();
        assertThat(KEYCLOAK.user("x.pa")).isNull();
        assertThat(KEYCLOAK.user("kim-thanh.admin").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void badInputATakenNameAndAnInactiveCommuneAreVietnameseProblems() throws Exception {
        as(post("/api/admin/communes/" + KIM_THANH + "/users").content("""
                {"username": "A", "fullName": "An", "email": "khong-phai-email", "roles": ["EDITOR"],
                 "password": "ngan"}"""), KIM_THANH, "kim-thanh.admin", "ADMIN")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "username", "fullName", "email", "password")));
        refused(as(post("/api/admin/communes/" + KIM_THANH + "/users").content(person("x", "CHU_TICH")),
                KIM_THANH, "kim-thanh.admin", "ADMIN"), 400);
        refused(as(post("/api/admin/communes/" + KIM_THANH + "/users").content(person("kim-thanh.editor", "EDITOR")),
                KIM_THANH, "kim-thanh.admin", "ADMIN"), 409);
        refused(as(post("/api/admin/communes/" + NEW_COMMUNE + "/users").content(person("moi.admin", "ADMIN")),
                "platform", "admin", "SYSADMIN"), 409);
        refused(as(post("/api/admin/communes/99999/activate"), "platform", "admin", "SYSADMIN"), 404);
        refused(as(get("/api/admin/communes"), "platform", "admin", "SYSADMIN"), 400);
    }

    @Test
    void deactivatingDisablesEveryLoginAndActivatingBringsBackExactlyThose() throws Exception {
        activate(NEW_COMMUNE);
        for (String role : List.of("ADMIN", "EDITOR", "LEADER")) {
            as(post("/api/admin/communes/" + NEW_COMMUNE + "/users").content(person("moi." + role.toLowerCase(), role)),
                    "platform", "admin", "SYSADMIN").andExpect(status().isCreated());
        }
        as(delete("/api/admin/communes/" + NEW_COMMUNE + "/users/moi.leader"), NEW_COMMUNE, "moi.admin", "ADMIN")
                .andExpect(status().isNoContent());
        assertThat(KEYCLOAK.user("moi.leader").get("enabled").asBoolean()).isFalse();
        assertThat(KEYCLOAK.loggedOut("moi.leader")).isTrue();

        as(post("/api/admin/communes/" + NEW_COMMUNE + "/deactivate"), "31", "hai-phong.admin", "PROVINCE_ADMIN")
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        assertThat(KEYCLOAK.user("moi.admin").get("enabled").asBoolean()).isFalse();
        assertThat(KEYCLOAK.user("moi.editor").get("enabled").asBoolean()).isFalse();
        assertThat(KEYCLOAK.loggedOut("moi.editor")).isTrue();
        assertThat(KEYCLOAK.user("kim-thanh.editor").get("enabled").asBoolean()).isTrue();
        refused(as(post("/api/admin/communes/" + NEW_COMMUNE + "/users").content(person("moi.khac", "EDITOR")),
                "platform", "admin", "SYSADMIN"), 409);

        as(post("/api/admin/communes/" + NEW_COMMUNE + "/activate"), "31", "hai-phong.admin", "PROVINCE_ADMIN")
                .andExpect(status().isOk());
        assertThat(KEYCLOAK.user("moi.admin").get("enabled").asBoolean()).isTrue();
        assertThat(KEYCLOAK.user("moi.editor").get("enabled").asBoolean()).isTrue();
        assertThat(KEYCLOAK.user("moi.leader").get("enabled").asBoolean()).as("disabled on purpose").isFalse();
        assertThat(registry.suspendedOf(NEW_COMMUNE)).isEmpty();
    }

    @Test
    void provinceAccountsAreTheProvinceAdministratorsToManageButOnlyTheSystemAdministratorMakesOne()
            throws Exception {
        as(post("/api/admin/provinces/31/users").content(person("hai-phong.viewer2", "VIEWER")), "31",
                "hai-phong.admin", "PROVINCE_ADMIN").andExpect(status().isCreated());
        assertThat(KEYCLOAK.rolesOf("hai-phong.viewer2")).isEqualTo(Set.of("VIEWER"));
        refused(as(post("/api/admin/provinces/31/users").content(person("hai-phong.pa2", "PROVINCE_ADMIN")), "31",
                "hai-phong.admin", "PROVINCE_ADMIN"), 403);
        refused(as(post("/api/admin/provinces/01/users").content(person("ha-noi.viewer2", "VIEWER")), "31",
                "hai-phong.admin", "PROVINCE_ADMIN"), 404);
        as(post("/api/admin/provinces/31/users").content(person("hai-phong.pa2", "PROVINCE_ADMIN")), "platform",
                "admin", "SYSADMIN").andExpect(status().isCreated());
        as(get("/api/admin/provinces/31/users"), "31", "hai-phong.admin", "PROVINCE_ADMIN")
                .andExpect(jsonPath("$[*].username").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "hai-phong.viewer", "hai-phong.viewer2", "hai-phong.pa2")));
        refused(as(delete("/api/admin/provinces/31/users/hai-phong.pa2"), "31", "hai-phong.admin",
                "PROVINCE_ADMIN"), 403);
    }

    @Test
    void keycloakOutOfReachIsAVietnamese503AndNothingChanges() throws Exception {
        KEYCLOAK.down(true);
        refused(as(get("/api/admin/communes/" + KIM_THANH + "/users"), KIM_THANH, "kim-thanh.admin", "ADMIN"), 503)
                .andExpect(jsonPath("$.detail").value(containsString("Keycloak")));
        refused(as(post("/api/admin/communes/" + KIM_THANH + "/users").content(person("moi.x", "EDITOR")),
                KIM_THANH, "kim-thanh.admin", "ADMIN"), 503);
        KEYCLOAK.down(false);
        assertThat(KEYCLOAK.user("moi.x")).isNull();
    }

    private void activate(String code) throws Exception {
        as(post("/api/admin/communes/" + code + "/activate"), "platform", "admin", "SYSADMIN")
                .andExpect(status().isOk());
    }

    private ResultActions as(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String tenant, String user, String roles) throws Exception {
        HttpHeaders h = new HttpHeaders();
        h.add("X-Loa-Tenant", tenant);
        h.add("X-Loa-User", user);
        h.add("X-Loa-Roles", roles);
        return mvc.perform(request.headers(h).contentType(MediaType.APPLICATION_JSON));
    }

    /** A refusal: this status, as a problem with a Vietnamese title. */
    private static ResultActions refused(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.matchesPattern(
                        ".*[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ].*")));
    }

    private static String person(String username, String role) {
        return """
                {"username": "%s", "fullName": "Nguyễn Văn An", "email": "%s@vi-du.vn", "roles": ["%s"],
                 "password": "MatKhau@2026"}""".formatted(username, username, role);
    }

    private static KeycloakStandIn start() {
        try {
            return new KeycloakStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
