package vn.loa.plan.unit.internal;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.plan.InMemoryPlanStore;
import vn.loa.plan.plan.PlanContent;
import vn.loa.plan.plan.Plans;
import vn.loa.plan.unit.web.UnitController;
import vn.loa.platform.problem.ProblemAdvice;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CallerWebMvc;
import vn.loa.platform.tenancy.Role;

/**
 * /api/units: a commune's units are those it listed and those its plans name (duties, lead and coordinating units),
 * once per name; its staff add to the list; another commune's answer 404; bad input and a listed name again are
 * Vietnamese problems.
 */
@WebMvcTest(UnitController.class)
@Import({CallerWebMvc.class, ProblemAdvice.class, Units.class, Plans.class, UnitApiTest.Slice.class})
class UnitApiTest {

    static final String KIM_THANH = "10804";

    @TestConfiguration
    static class Slice {
        @Bean
        InMemoryPlanStore planStore() {
            return new InMemoryPlanStore();
        }

        @Bean
        InMemoryUnitStore unitStore() {
            return new InMemoryUnitStore();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Plans plans;

    @BeforeEach
    void kimThanhHasADraftNamingItsUnits() {
        JsonMapper json = JsonMapper.builder().build();
        PlanContent content = json.readValue("""
                {"number": "45/KH-UBND", "title": "Kế hoạch tuyên truyền CCHC năm 2026", "place": "Kim Thành",
                 "issuedOn": "2026-02-01", "period": {"from": "2026-01-01", "to": "2026-12-31"},
                 "duties": [{"unit": "1. Phòng Văn hóa - Xã hội", "items": ["Theo dõi, đôn đốc"]},
                            {"unit": "Ủy ban MTTQ Việt Nam xã", "items": ["Phối hợp tuyên truyền"]}]}""",
                PlanContent.class);
        TaskDetails task = json.readValue("""
                {"title": "Đăng tin CCHC", "leadUnit": "phòng văn hóa - xã hội",
                 "coordinatingUnits": ["Các thôn, tổ dân phố", "Trường THCS Kim Thành"], "productKinds": ["NEWS"],
                 "channels": ["portal"], "quota": {"count": 2, "per": "MONTH", "from": "2026-02", "to": "2026-12"}}""",
                TaskDetails.class);
        plans.createDraft(new Caller(KIM_THANH, "kim-thanh.editor", Set.of(Role.EDITOR)),
                "plan-" + System.nanoTime(), content, List.of(task), List.of());
    }

    @Test
    void theUnitsOfACommuneAreItsListAndWhatItsPlansNameOncePerName() throws Exception {
        mvc.perform(post("/api/units").headers(caller(KIM_THANH, "EDITOR")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Công an xã\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("KHAC"))
                .andExpect(jsonPath("$.source").value("LIST"));
        mvc.perform(get("/api/units").headers(caller(KIM_THANH, "LEADER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "Phòng Văn hóa - Xã hội", "Ủy ban MTTQ Việt Nam xã", "Các thôn, tổ dân phố",
                        "Trường THCS Kim Thành", "Công an xã")))
                .andExpect(jsonPath("$[?(@.name == 'Phòng Văn hóa - Xã hội')].kind").value(hasItem("PHONG_BAN")))
                .andExpect(jsonPath("$[?(@.name == 'Phòng Văn hóa - Xã hội')].kindLabel").value(hasItem("Phòng ban")))
                .andExpect(jsonPath("$[?(@.name == 'Trường THCS Kim Thành')].source").value(hasItem("PLAN")))
                .andExpect(jsonPath("$[?(@.name == 'Công an xã')].source").value(hasItem("LIST")));
        // Hải Phòng's reviewer reads them; Bạch Mai's staff and Hà Nội's reviewer do not
        mvc.perform(get("/api/units?tenant=" + KIM_THANH).headers(caller("31", "VIEWER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].name").value(hasItem("Công an xã")));
        refused(mvc.perform(get("/api/units?tenant=" + KIM_THANH).headers(caller("00292", "EDITOR"))), 404);
        refused(mvc.perform(get("/api/units?tenant=" + KIM_THANH).headers(caller("01", "VIEWER"))), 404);
        mvc.perform(get("/api/units").headers(caller("00292", "EDITOR")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].name").value(not(hasItem("Công an xã"))));
    }

    @Test
    void aListedNameAgainBadInputAndAnAccountOfNoCommuneAreVietnameseProblems() throws Exception {
        String unit = "{\"name\": \"Trạm Y tế xã\", \"kind\": \"KHAC\"}";
        mvc.perform(post("/api/units").headers(caller(KIM_THANH, "ADMIN")).contentType(MediaType.APPLICATION_JSON)
                .content(unit)).andExpect(status().isCreated());
        refused(mvc.perform(post("/api/units").headers(caller(KIM_THANH, "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"  trạm y tế  XÃ \"}")), 409);
        refused(mvc.perform(post("/api/units").headers(caller(KIM_THANH, "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"  \"}")), 400);
        refused(mvc.perform(post("/api/units").headers(caller(KIM_THANH, "EDITOR"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Ban Chỉ huy\", \"kind\": \"BO\"}")), 400);
        refused(mvc.perform(post("/api/units").headers(caller("31", "PROVINCE_ADMIN"))
                .contentType(MediaType.APPLICATION_JSON).content(unit)), 403);
        refused(mvc.perform(post("/api/units").headers(caller("31", "VIEWER"))
                .contentType(MediaType.APPLICATION_JSON).content(unit)), 403);
    }

    private static org.springframework.test.web.servlet.ResultActions refused(
            org.springframework.test.web.servlet.ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").isNotEmpty());
    }

    private static HttpHeaders caller(String tenant, String roles) {
        HttpHeaders h = new HttpHeaders();
        h.add("X-Loa-Tenant", tenant);
        h.add("X-Loa-User", "nguoi-dung");
        h.add("X-Loa-Roles", roles);
        return h;
    }
}
