package vn.loa.content.item.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.loa.content.channel.ChannelRegistry;
import vn.loa.content.item.ContentDraft;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.ContentKind;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.Items;
import vn.loa.content.item.PublishingSettings;
import vn.loa.platform.problem.ProblemAdvice;
import vn.loa.platform.tenancy.CallerWebMvc;
import vn.loa.platform.tenancy.CallerHeaders;

/** The API's problems for bad requests: Vietnamese problem+json with the fields at fault; 401/404 as promised. */
@WebMvcTest(controllers = ContentController.class)
@Import({CallerWebMvc.class, ProblemAdvice.class, Editorial.class, ContentControllerTest.Slice.class})
class ContentControllerTest {

    @TestConfiguration
    @EnableConfigurationProperties(PublishingSettings.class)
    static class Slice {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    static final String COMMUNE = "10507";

    @Autowired
    MockMvc http;

    @MockitoBean
    Items items;

    @MockitoBean
    ChannelRegistry channels;

    @MockitoBean
    vn.loa.content.engagement.EngagementFigures engagement;

    static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder r, String tenant, String roles) {
        return r.header(CallerHeaders.TENANT, tenant).header(CallerHeaders.USER, "u1")
                .header(CallerHeaders.ROLES, roles);
    }

    static ContentItem approvedItem() {
        ContentItem item = ContentItem.create("item-1", COMMUNE, "writer", new ContentDraft("Tin", null, "",
                ContentKind.NEWS, List.of(), List.of(), List.of("portal"), null), Instant.now());
        item.submit("writer", Instant.now());
        item.approve("leader", true, Instant.now());
        return item;
    }

    @Test
    void withoutTheGatewaysHeadersTheCallerIsUnauthenticated() throws Exception {
        http.perform(get("/api/contents/item-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Chưa đăng nhập"));
    }

    @Test
    void aNewItemWithoutTitleAndWithAnUnknownKindNamesBothFieldsInVietnamese() throws Exception {
        http.perform(as(post("/api/contents"), COMMUNE, "EDITOR").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"\", \"kind\": \"BAI_HAT\", \"channels\": [\"Cổng TT\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"))
                .andExpect(jsonPath("$.detail").value("Dữ liệu chưa hợp lệ ở 3 trường. Vui lòng kiểm tra lại."))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Vui lòng nhập tiêu đề.")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("Mã kênh 'Cổng TT' không hợp lệ"))))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        verify(items, never()).insert(any());
    }

    @Test
    void brokenJsonIsAVietnameseProblem() throws Exception {
        http.perform(as(post("/api/contents"), COMMUNE, "EDITOR").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("không đúng định dạng JSON")));
    }

    @Test
    void anUnknownItemAndAnotherCommunesItemAreBothNotFound() throws Exception {
        http.perform(as(get("/api/contents/nope"), COMMUNE, "EDITOR"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Không tìm thấy tin, bài."));
        when(items.find("item-1")).thenReturn(Optional.of(approvedItem()));
        http.perform(as(get("/api/contents/item-1"), "10525", "EDITOR,LEADER"))
                .andExpect(status().isNotFound());
        http.perform(as(get("/api/contents/item-1"), COMMUNE, "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.kind").value("NEWS"))
                .andExpect(jsonPath("$.kindCode").value("news"));
    }

    @Test
    void aPublicationTimeThatIsNotADateIsRefusedWithTheExpectedForm() throws Exception {
        when(items.find("item-1")).thenReturn(Optional.of(approvedItem()));
        http.perform(as(post("/api/contents/item-1/publish"), COMMUNE, "EDITOR").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"at\": \"sáng mai\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("at"))
                .andExpect(jsonPath("$.errors[0].message", containsString("dd/MM/yyyy HH:mm")));
        verify(items, never()).save(any());
    }

    @Test
    void anUnknownStatusFilterIsRefused() throws Exception {
        http.perform(as(get("/api/contents").param("status", "DONE"), COMMUNE, "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("Trạng thái 'DONE' không hợp lệ."));
    }
}
