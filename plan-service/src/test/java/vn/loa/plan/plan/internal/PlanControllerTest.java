package vn.loa.plan.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import vn.loa.plan.importing.PlanImporter;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.plan.Fixtures;
import vn.loa.plan.plan.InMemoryPlanStore;
import vn.loa.plan.plan.Plans;
import vn.loa.platform.problem.ProblemAdvice;
import vn.loa.platform.tenancy.CallerWebMvc;
import vn.loa.platform.tenancy.CallerHeaders;

/** The API's answers to good and bad requests: Vietnamese messages per field, 400/403/404/409, tenants kept apart. */
// the plan's controllers (plans, document, import); administration and units have their own slices
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "vn\\.loa\\.plan\\.(admin|unit)\\..*"))
@Import({CallerWebMvc.class, ProblemAdvice.class, Plans.class, PlanImporter.class, PlanControllerTest.Slice.class})
class PlanControllerTest {

    @TestConfiguration
    static class Slice {
        @Bean
        InMemoryPlanStore store() {
            return new InMemoryPlanStore();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    static final String PLAN = """
            {"number": "21/KH-UBND", "title": "Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2025",
             "place": "Nguyễn Lương Bằng", "issuedOn": "2025-08-07",
             "period": {"from": "2025-08-01", "to": "2025-12-31"},
             "basis": ["Công văn số 2324/SKHCN-VP ngày 01/8/2025 của Sở Khoa học và Công nghệ"],
             "purposes": ["a) Xây dựng chính quyền phục vụ Nhân dân"], "requirements": [], "targets": [],
             "themes": [], "forms": [], "budget": "Kinh phí thường xuyên",
             "duties": [{"unit": "Phòng Văn hóa - Xã hội", "items": ["Theo dõi, hướng dẫn, đôn đốc"]}],
             "recipients": ["Sở KHCN (để b/c)", "Lưu: VT, VHXH"],
             "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "delegation": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                        "name": "Đoàn Văn Cát"}}""";

    static final String TASK = """
            {"title": "Biên soạn ít nhất 02 tin, bài về CCHC để phát trên hệ thống truyền thanh",
             "description": "…", "leadUnit": "Phòng Văn hóa - Xã hội",
             "coordinatingUnits": ["Các phòng, ban chuyên môn"], "productKinds": ["NEWS", "ARTICLE"],
             "channels": ["radio"], "audience": "Nhân dân", "scale": "Toàn xã",
             "quota": {"count": 2, "per": "QUARTER", "from": "2025-08", "to": "2025-12"},
             "due": {"date": "2025-12-31", "text": "Định kỳ hằng quý"}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    InMemoryPlanStore store;

    @Test
    void aDraftIsCreatedWithItsTasksAndRead() throws Exception {
        String id = create(editor("11242"));
        mvc.perform(post("/api/plans/" + id + "/tasks").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(TASK))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/plans/" + id + "/tasks/")))
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.order").value(1))
                .andExpect(jsonPath("$.quota.per").value("QUARTER"))
                .andExpect(jsonPath("$.quota.from").value("2025-08"));
        mvc.perform(get("/api/plans/" + id).headers(editor("11242")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.number").value("21/KH-UBND"))
                .andExpect(jsonPath("$.period.from").value("2025-08-01"))
                .andExpect(jsonPath("$.signer.name").value("Đoàn Văn Cát"))
                .andExpect(jsonPath("$.duties[0].unit").value("Phòng Văn hóa - Xã hội"))
                .andExpect(jsonPath("$.tasks[0].channels[0]").value("radio"))
                .andExpect(jsonPath("$.tasks[0].due.date").value("2025-12-31"));
        mvc.perform(get("/api/plans").headers(editor("11242")))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].taskCount").value(1));
    }

    @Test
    void everyPlanFieldGetsAVietnameseMessage() throws Exception {
        String bad = """
                {"number": "%s", "title": " ", "issuedOn": "1999-12-31",
                 "period": {"from": "2025-12-31", "to": "2025-08-01"}, "duties": [{"unit": "", "items": []}]}"""
                .formatted("x".repeat(51));
        mvc.perform(post("/api/plans").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"))
                .andExpect(field("title", "Tên kế hoạch là bắt buộc."))
                .andExpect(field("number", "Tối đa 50 ký tự (hiện có 51)."))
                .andExpect(field("issuedOn", "Ngày phải nằm trong khoảng 01/01/2000 – 31/12/2100."))
                .andExpect(field("period.to", "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu (31/12/2025)."))
                .andExpect(field("duties[0].unit", "Tên đơn vị là bắt buộc."));
    }

    @Test
    void everyTaskFieldGetsAVietnameseMessage() throws Exception {
        String id = create(editor("11242"));
        String bad = """
                {"title": "", "leadUnit": "Phòng Văn hóa - Xã hội", "channels": ["Zalo OA"],
                 "quota": {"count": 0, "per": "MONTH", "from": "2025-10", "to": "2025-09"},
                 "due": {"date": "2026-01-15"}}""";
        mvc.perform(post("/api/plans/" + id + "/tasks").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(field("title", "Tên nhiệm vụ là bắt buộc."))
                .andExpect(field("quota.count", "Số lượng của chỉ tiêu phải từ 1 trở lên."))
                .andExpect(field("quota.to", "Tháng kết thúc của chỉ tiêu phải bằng hoặc sau tháng bắt đầu (10/2025)."))
                .andExpect(jsonPath("$.errors[?(@.field == 'channels[0]')].message",
                        hasItem(containsString("Mã kênh \"Zalo OA\" không hợp lệ"))))
                .andExpect(field("due.date",
                        "Hạn hoàn thành phải nằm trong thời gian của kế hoạch (01/08/2025 – 31/12/2025)."));
        String outside = TASK.replace("\"from\": \"2025-08\"", "\"from\": \"2025-07\"");
        mvc.perform(post("/api/plans/" + id + "/tasks").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(outside))
                .andExpect(status().isBadRequest())
                .andExpect(field("quota.from",
                        "Tháng bắt đầu của chỉ tiêu phải nằm trong thời gian của kế hoạch (08/2025 – 12/2025)."));
    }

    @Test
    void valuesThatDoNotBindNameTheirFieldAndWhatTheyExpect() throws Exception {
        String id = create(editor("11242"));
        mvc.perform(post("/api/plans/" + id + "/tasks").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(TASK.replace("\"ARTICLE\"", "\"MEME\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("productKinds[1]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("NEWS, ARTICLE, PHOTO")));
        mvc.perform(post("/api/plans").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("\"2025-08-07\"", "\"07/08/2025\"")))
                .andExpect(status().isBadRequest())
                .andExpect(field("issuedOn", "cần ngày dạng YYYY-MM-DD, ví dụ 2025-12-31."));
    }

    @Test
    void aDueWrittenInWordsIsReadWhenNoDateIsGiven() throws Exception {
        String id = create(editor("11242"));
        String task = TASK.replace("{\"date\": \"2025-12-31\", \"text\": \"Định kỳ hằng quý\"}",
                "{\"text\": \"Chậm nhất 20 ngày kể từ ngày ban hành Kế hoạch\", \"referenceDate\": \"2025-08-07\"}");
        mvc.perform(post("/api/plans/" + id + "/tasks").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(task))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.due.date").value("2025-08-27"))
                .andExpect(jsonPath("$.due.text").value("Chậm nhất 20 ngày kể từ ngày ban hành Kế hoạch"));
    }

    @Test
    void onlyALeaderIssuesAndAnIssuedPlanIsFrozen() throws Exception {
        String id = createWithTask(editor("11242"));
        int published = store.published.size();
        mvc.perform(post("/api/plans/" + id + "/issue").headers(editor("11242")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("lãnh đạo")));
        mvc.perform(post("/api/plans/" + id + "/issue").headers(leader("11242")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(store.published).hasSize(published + 1).last().isInstanceOf(PlanIssued.class);

        mvc.perform(post("/api/plans/" + id + "/issue").headers(leader("11242")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/plans/" + id).headers(editor("11242")).contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("điều chỉnh")));
        mvc.perform(post("/api/plans/" + id + "/tasks").headers(editor("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(TASK))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/plans/" + id).headers(editor("11242"))).andExpect(status().isConflict());
        assertThat(store.published).as("nothing more was published").hasSize(published + 1);
    }

    @Test
    void aDraftMissingItsNumberIsNotIssued() throws Exception {
        String id = createWithTask(editor("11242"), PLAN.replace("\"number\": \"21/KH-UBND\",", ""));
        mvc.perform(post("/api/plans/" + id + "/issue").headers(leader("11242")))
                .andExpect(status().isBadRequest())
                .andExpect(field("number", "Cần có số ký hiệu (ví dụ 21/KH-UBND) trước khi ban hành."));
    }

    @Test
    void amendingTakesTheChangesAndAnswersWithTheNewVersion() throws Exception {
        String id = createWithTask(editor("11242"));
        String taskId = JsonPath.read(mvc.perform(post("/api/plans/" + id + "/issue").headers(leader("11242")))
                .andReturn().getResponse().getContentAsString(), "$.tasks[0].id");
        String amendment = """
                {"reason": "Bổ sung theo Công văn 99", "expectedVersion": 1,
                 "added": [%s], "changed": [{"taskId": "%s", "task": %s}]}"""
                .formatted(TASK, taskId, TASK.replace("\"count\": 2", "\"count\": 3"));
        mvc.perform(post("/api/plans/" + id + "/amend").headers(leader("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(amendment))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AMENDED"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.tasks[0].id").value(taskId))
                .andExpect(jsonPath("$.tasks[0].quota.count").value(3))
                .andExpect(jsonPath("$.tasks.length()").value(2));
        mvc.perform(post("/api/plans/" + id + "/amend").headers(leader("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content(amendment))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("phiên bản 2")));
        mvc.perform(post("/api/plans/" + id + "/amend").headers(leader("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"changed\": [{\"taskId\": \"%s\", \"task\": %s}]}"
                                .formatted(taskId, TASK.replace("\"count\": 2", "\"count\": 0"))))
                .andExpect(status().isBadRequest())
                .andExpect(field("reason", "Lý do điều chỉnh là bắt buộc."))
                .andExpect(field("changed[0].task.quota.count", "Số lượng của chỉ tiêu phải từ 1 trở lên."));
        mvc.perform(post("/api/plans/" + id + "/close").headers(leader("11242")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/plans/" + id + "/amend").headers(leader("11242")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"withdrawnTaskIds\": [\"%s\"]}".formatted(taskId)))
                .andExpect(status().isConflict());
    }

    @Test
    void anotherTenantsPlanIsNotFound() throws Exception {
        String id = create(editor("11242"));
        mvc.perform(get("/api/plans/" + id).headers(editor("10804"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Không tìm thấy kế hoạch."));
        mvc.perform(put("/api/plans/" + id).headers(editor("10804")).contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/plans/" + id + "/issue").headers(leader("10804"))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/plans/" + id).headers(editor("10804"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/plans").headers(editor("10804"))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/plans/no-such-plan").headers(editor("11242"))).andExpect(status().isNotFound());
    }

    @Test
    void aProvinceViewerReadsItsCommunesPlansAndWritesNothing() throws Exception {
        String id = create(editor("11242")); // Nguyễn Lương Bằng, Hải Phòng (31)
        mvc.perform(get("/api/plans/" + id).headers(viewer("31"))).andExpect(status().isOk());
        mvc.perform(get("/api/plans").headers(viewer("31"))).andExpect(jsonPath("$[?(@.id == '%s')]".formatted(id))
                .exists());
        mvc.perform(get("/api/plans/" + id).headers(viewer("01"))).andExpect(status().isNotFound()); // Hà Nội
        mvc.perform(post("/api/plans").headers(viewer("31")).contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/plans/" + id + "/issue").headers(viewer("31"))).andExpect(status().isForbidden());
    }

    @Test
    void withoutTheGatewaysHeadersNothingHappens() throws Exception {
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aDocxBecomesADraftWithWhatToCheck() throws Exception {
        mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "tien-minh-2026.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        Fixtures.docx("tien-minh-2026.docx"))).headers(editor("11791")))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/plans/")))
                .andExpect(jsonPath("$.plan.status").value("DRAFT"))
                .andExpect(jsonPath("$.plan.tenantId").value("11791"))
                .andExpect(jsonPath("$.plan.tasks.length()").value(5))
                .andExpect(jsonPath("$.plan.tasks[1].quota.count").value(2))
                .andExpect(jsonPath("$.plan.importNotes.length()").value(4))
                .andExpect(jsonPath("$.problems[?(@.field == 'number')].message",
                        hasItem(containsString("chưa có số"))));
    }

    @Test
    void thePlanIsDownloadedAsAWordFileThatImportsBackAndOnlyByThoseWhoMayReadIt() throws Exception {
        String id = createWithTask(editor("11242"));
        var response = mvc.perform(get("/api/plans/" + id + "/document").headers(editor("11242")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, startsWith("attachment;")))
                .andReturn().getResponse();
        assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2021-KH-UBND%20-%20X%C3%A3%20Nguy%E1%BB%85n");
        byte[] docx = response.getContentAsByteArray();
        mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "ke-hoach.docx", null, docx))
                        .headers(editor("11242")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plan.number").value("21/KH-UBND"))
                .andExpect(jsonPath("$.plan.signer.name").value("Đoàn Văn Cát"))
                .andExpect(jsonPath("$.plan.tasks.length()").value(1))
                .andExpect(jsonPath("$.plan.tasks[0].quota.per").value("QUARTER"))
                .andExpect(jsonPath("$.plan.tasks[0].quota.from").value("2025-08"))
                .andExpect(jsonPath("$.plan.tasks[0].due.date").value("2025-12-31"))
                .andExpect(jsonPath("$.plan.tasks[0].channels[0]").value("radio"));
        mvc.perform(get("/api/plans/" + id + "/document").headers(viewer("31"))).andExpect(status().isOk());
        mvc.perform(get("/api/plans/" + id + "/document").headers(editor("10804")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy kế hoạch."));
        mvc.perform(get("/api/plans/" + id + "/document").headers(viewer("01"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/plans/no-such-plan/document").headers(editor("11242"))).andExpect(status().isNotFound());
    }

    @Test
    void aFileThatIsNotADocxIsABadRequest() throws Exception {
        mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "ke-hoach.pdf",
                        "application/pdf", "%PDF-1.7 …".getBytes())).headers(editor("11791")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(field("file", "Tệp không phải văn bản Word (.docx)."));
        mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "x.docx", null,
                        Fixtures.docx("bach-mai-2025.docx"))).headers(viewer("01")))
                .andExpect(status().isForbidden());
    }

    private String create(HttpHeaders who) throws Exception {
        return create(who, PLAN);
    }

    private String create(HttpHeaders who, String plan) throws Exception {
        String body = mvc.perform(post("/api/plans").headers(who).contentType(MediaType.APPLICATION_JSON).content(plan))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, startsWith("/api/plans/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String createWithTask(HttpHeaders who) throws Exception {
        return createWithTask(who, PLAN);
    }

    private String createWithTask(HttpHeaders who, String plan) throws Exception {
        String id = create(who, plan);
        mvc.perform(post("/api/plans/" + id + "/tasks").headers(who).contentType(MediaType.APPLICATION_JSON).content(TASK))
                .andExpect(status().isCreated());
        return id;
    }

    private static org.springframework.test.web.servlet.ResultMatcher field(String name, String message) {
        return jsonPath("$.errors[?(@.field == '" + name + "')].message", hasItem(message));
    }

    static HttpHeaders editor(String tenant) {
        return caller(tenant, "editor-" + tenant, "EDITOR");
    }

    static HttpHeaders leader(String tenant) {
        return caller(tenant, "leader-" + tenant, "LEADER");
    }

    static HttpHeaders viewer(String province) {
        return caller(province, "viewer-" + province, "VIEWER");
    }

    static HttpHeaders caller(String tenant, String user, String roles) {
        HttpHeaders h = new HttpHeaders();
        h.add(CallerHeaders.TENANT, tenant);
        h.add(CallerHeaders.USER, user);
        h.add(CallerHeaders.ROLES, roles);
        return h;
    }
}
