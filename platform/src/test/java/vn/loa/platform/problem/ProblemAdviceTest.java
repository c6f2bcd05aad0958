package vn.loa.platform.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.platform.PlatformAutoConfiguration;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CallerWebMvc;
import vn.loa.platform.tenancy.CallerHeaders;
import vn.loa.platform.tenancy.Role;

/** Every error leaves as problem+json with Vietnamese words, whatever raised it. */
@WebMvcTest(controllers = ProblemAdviceTest.Things.class)
@ContextConfiguration(classes = {ProblemAdviceTest.Things.class, ProblemAdvice.class, CallerWebMvc.class,
        ProblemAdviceTest.Web.class})
class ProblemAdviceTest {

    @SpringBootApplication(exclude = PlatformAutoConfiguration.class)
    static class Web {
    }

    record Thing(@NotBlank @Size(max = 10) String title, @Min(1) int count) {
    }

    @RestController
    static class Things {
        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing, Caller caller) {
            caller.require(Role.EDITOR);
            return thing;
        }

        @GetMapping("/things/{id}")
        Thing get(@PathVariable int id) {
            if (id == 409) {
                throw new Conflict("Kế hoạch đã ban hành, không thể sửa.");
            }
            if (id == 400) {
                throw new org.springframework.web.multipart.MultipartException("Failed to parse multipart servlet request",
                        new IllegalArgumentException("Invalid file name: evil.jpg\0.exe"));
            }
            if (id == 413) {
                throw new org.springframework.web.multipart.MaxUploadSizeExceededException(10L * 1024 * 1024);
            }
            if (id == 503) {
                throw new org.springframework.dao.DataAccessResourceFailureException("Timed out while waiting for a"
                        + " server that matches WritableServerSelector, localhost:27017");
            }
            if (id == 5031) {
                throw new com.mongodb.MongoSocketOpenException("Exception opening socket",
                        new com.mongodb.ServerAddress("127.0.0.1", 27017));
            }
            if (id == 5032) { // the stand-in or MongoDB refusing a write on a full disk, through Spring Data
                throw new org.springframework.data.mongodb.UncategorizedMongoDbException("Command failed",
                        commandFailed(14031, "OutOfDiskSpace"));
            }
            if (id == 5033) { // a primary shutting down, seen by code that uses the driver directly
                throw commandFailed(91, "ShutdownInProgress");
            }
            if (id == 5001) { // a database error that does not pass by itself
                throw commandFailed(2, "BadValue");
            }
            if (id == 500) {
                throw new IllegalStateException("internal detail that must not leak");
            }
            throw new NotFound("Không tìm thấy kế hoạch.");
        }
    }

    static com.mongodb.MongoCommandException commandFailed(int code, String name) {
        return new com.mongodb.MongoCommandException(new org.bson.BsonDocument("ok", new org.bson.BsonInt32(0))
                .append("code", new org.bson.BsonInt32(code)).append("codeName", new org.bson.BsonString(name))
                .append("errmsg", new org.bson.BsonString(name + " at 127.0.0.1:27017")),
                new com.mongodb.ServerAddress("127.0.0.1", 27017));
    }

    @Autowired
    MockMvc mvc;

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Test
    void fieldErrorsAreNamedInVietnamese() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).headers(editor())
                        .content("{\"title\": \"\", \"count\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("Trường này là bắt buộc."))
                .andExpect(jsonPath("$.errors[?(@.field == 'count')].message")
                        .value("Giá trị phải lớn hơn hoặc bằng 1."));
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).headers(editor()).content("{\"title\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("định dạng JSON")));
    }

    @Test
    void domainErrorsKeepTheirStatusAndMessage() throws Exception {
        mvc.perform(get("/things/1")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Không tìm thấy kế hoạch."));
        mvc.perform(get("/things/409")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Xung đột trạng thái"));
        mvc.perform(get("/things/abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void anUploadTheServerCannotReadIsABadRequestAndATooLargeOneIs413() throws Exception {
        mvc.perform(get("/things/400")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Không đọc được tệp")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("evil"))));
        mvc.perform(get("/things/413")).andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Dữ liệu quá lớn"));
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsA503ToTryAgainNotA500() throws Exception {
        for (String id : new String[] {"503", "5031"}) {
            mvc.perform(get("/things/" + id)).andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Retry-After", "5"))
                    .andExpect(jsonPath("$.title").value("Dịch vụ tạm thời gián đoạn"))
                    .andExpect(jsonPath("$.detail").value(
                            "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút."))
                    .andExpect(content().string(org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("27017"))));
        }
    }

    @Test
    void aFullDiskUnderTheDatabaseIsA503ThatSaysSo() throws Exception {
        mvc.perform(get("/things/5032")).andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Retry-After", "5"))
                .andExpect(jsonPath("$.title").value("Dịch vụ tạm thời gián đoạn"))
                .andExpect(jsonPath("$.detail").value("Máy chủ đã hết dung lượng lưu trữ nên tạm thời chưa lưu được"
                        + " dữ liệu. Vui lòng báo cán bộ quản trị hệ thống và thử lại sau."))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("OutOfDiskSpace"))));
        mvc.perform(get("/things/5033")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(
                        "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút."));
        mvc.perform(get("/things/5001")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("Lỗi hệ thống"))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("BadValue"))));
    }

    @Test
    void anUnexpectedErrorHidesItsDetails() throws Exception {
        mvc.perform(get("/things/500")).andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Lỗi hệ thống"))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("internal detail"))));
    }

    @Test
    void frameworkErrorsSpeakVietnameseToo() throws Exception {
        mvc.perform(delete("/things/1")).andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("Phương thức không được hỗ trợ"));
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).headers(editor()).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("application/json")));
    }

    @Test
    void aMissingCallerIsUnauthenticatedAndAWrongRoleForbidden() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"a\",\"count\":1}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Bạn cần đăng nhập để thực hiện thao tác này."));
        var viewer = new org.springframework.http.HttpHeaders();
        viewer.add(CallerHeaders.TENANT, "31");
        viewer.add(CallerHeaders.USER, "hai-phong.viewer");
        viewer.add(CallerHeaders.ROLES, "VIEWER");
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).headers(viewer)
                        .content("{\"title\":\"a\",\"count\":1}"))
                .andExpect(status().isForbidden());
    }

    private static org.springframework.http.HttpHeaders editor() {
        var h = new org.springframework.http.HttpHeaders();
        h.add(CallerHeaders.TENANT, "10804");
        h.add(CallerHeaders.USER, "kim-thanh.editor");
        h.add(CallerHeaders.ROLES, "EDITOR");
        return h;
    }
}
