package vn.loa.content.item.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
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
import vn.loa.content.engagement.ChannelFigures;
import vn.loa.content.engagement.EngagementFigures;
import vn.loa.content.engagement.ManualEngagement;
import vn.loa.content.item.ContentDraft;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.ContentKind;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.Items;
import vn.loa.content.item.PublishingSettings;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.platform.problem.ProblemAdvice;
import vn.loa.platform.tenancy.CallerHeaders;
import vn.loa.platform.tenancy.CallerWebMvc;

/** POST /api/contents/{id}/engagement: an operator's reading, checked and forwarded; Vietnamese problems; tenancy. */
@WebMvcTest(controllers = EngagementController.class)
@Import({CallerWebMvc.class, ProblemAdvice.class, Editorial.class, EngagementControllerTest.Slice.class})
class EngagementControllerTest {

    static final Instant NOW = Instant.parse("2025-09-05T03:00:00Z"); // 10:00 on 05/09/2025 in Hà Nội

    @TestConfiguration
    @EnableConfigurationProperties(PublishingSettings.class)
    static class Slice {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    static final String KIM_THANH = "10804";

    @Autowired
    MockMvc http;

    @MockitoBean
    Items items;

    @MockitoBean
    ChannelRegistry channels;

    @MockitoBean
    ManualEngagement manual;

    @MockitoBean
    EngagementFigures figures;

    static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder r, String tenant, String roles) {
        return r.header(CallerHeaders.TENANT, tenant).header(CallerHeaders.USER, "u-van-hoa")
                .header(CallerHeaders.ROLES, roles);
    }

    @BeforeEach
    void anItemPostedOnFacebook() {
        ContentItem item = ContentItem.create("item-fb", KIM_THANH, "writer", new ContentDraft("Hướng dẫn nộp hồ sơ"
                + " trực tuyến", null, "<p>a</p>", ContentKind.NEWS, List.of(), List.of(), List.of("portal"), null),
                NOW.minusSeconds(86_400 * 3));
        item.submit("writer", NOW.minusSeconds(86_400 * 3));
        item.approve("leader", true, NOW.minusSeconds(86_400 * 3));
        item.recordOutside("facebook", "https://facebook.com/ubndxakimthanh/posts/1", Instant.parse(
                "2025-09-02T01:15:00Z"), "writer", NOW.minusSeconds(86_400 * 3));
        when(items.find("item-fb")).thenReturn(Optional.of(item));
        when(manual.record(anyString(), anyString(), anyString(), any(), anyLong(), anyLong(), anyLong(), any(),
                anyString())).thenAnswer(a -> new PublicationEngaged(a.getArgument(0), a.getArgument(1),
                        a.getArgument(2), a.getArgument(3), "manual:" + a.getArgument(8), EngagementBasis.RUNNING_TOTAL,
                        null, a.getArgument(7), new PublicationEngaged.Figures(0, 0, 0, 0, a.getArgument(4),
                                a.getArgument(5), a.getArgument(6))));
    }

    private MockHttpServletRequestBuilder reading(String tenant, String roles, String json) {
        return as(post("/api/contents/item-fb/engagement"), tenant, roles).contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    @Test
    void anEditorsReadingIsForwardedAsARunningTotal() throws Exception {
        http.perform(reading(KIM_THANH, "EDITOR",
                        "{\"channel\":\"facebook\",\"reach\":1250,\"reactions\":86,\"shares\":14,\"asOf\":\"04/09/2025\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.reach").value(1250))
                .andExpect(jsonPath("$.asOf").value("2025-09-04T23:59:59+07:00"));

        verify(manual).record(KIM_THANH, "item-fb", "facebook", null, 1250, 86, 14,
                Instant.parse("2025-09-04T16:59:59Z"), "u-van-hoa");
    }

    @Test
    void todayMeansNowAndNoDateMeansNow() throws Exception {
        http.perform(reading(KIM_THANH, "LEADER", "{\"channel\":\"facebook\",\"reach\":10,\"asOf\":\"2025-09-05\"}"))
                .andExpect(status().isAccepted());
        http.perform(reading(KIM_THANH, "ADMIN", "{\"channel\":\"facebook\",\"reach\":12}"))
                .andExpect(status().isAccepted());

        verify(manual).record(KIM_THANH, "item-fb", "facebook", null, 10, 0, 0, NOW, "u-van-hoa");
        verify(manual).record(KIM_THANH, "item-fb", "facebook", null, 12, 0, 0, NOW, "u-van-hoa");
    }

    @Test
    void wrongFiguresAnswerAVietnameseProblemWithEveryField() throws Exception {
        http.perform(reading(KIM_THANH, "EDITOR", "{\"reactions\":-3,\"shares\":2000000000,\"asOf\":\"31/02/2025\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("channel", "reach", "reactions", "shares", "asOf")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("Lượt tiếp cận là bắt buộc.")))
                .andExpect(jsonPath("$.errors[*].message",
                        hasItem("Lượt tương tác phải là số nguyên từ 0 đến 1.000.000.000.")));
        verify(manual, never()).record(any(), any(), any(), any(), anyLong(), anyLong(), anyLong(), any(), any());
    }

    @Test
    void aCountingChannelAChannelNotPostedOnAFutureOrEarlyReadingAreRefused() throws Exception {
        http.perform(reading(KIM_THANH, "EDITOR", "{\"channel\":\"portal\",\"reach\":5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("tự đếm lượt xem")));
        http.perform(reading(KIM_THANH, "EDITOR", "{\"channel\":\"zalo-oa\",\"reach\":5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Tin, bài chưa được đăng trên kênh «zalo-oa»."));
        http.perform(reading(KIM_THANH, "EDITOR", "{\"channel\":\"facebook\",\"reach\":5,\"asOf\":\"06/09/2025\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Thời điểm số liệu không được ở tương lai."));
        http.perform(reading(KIM_THANH, "EDITOR", "{\"channel\":\"facebook\",\"reach\":5,\"asOf\":\"01/09/2025\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("sau khi tin, bài được đăng (02/09/2025")));
        verify(manual, never()).record(any(), any(), any(), any(), anyLong(), anyLong(), anyLong(), any(), any());
    }

    @Test
    void anotherCommunesItemIsNotFoundAndAProvinceReviewerMayNotType() throws Exception {
        http.perform(reading("00004", "EDITOR", "{\"channel\":\"facebook\",\"reach\":5}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Không tìm thấy tin, bài."));
        http.perform(as(get("/api/contents/item-fb/engagement"), "00004", "EDITOR"))
                .andExpect(status().isNotFound());
        http.perform(reading("31", "VIEWER", "{\"channel\":\"facebook\",\"reach\":5}"))
                .andExpect(status().isForbidden());
        verify(manual, never()).record(any(), any(), any(), any(), anyLong(), anyLong(), anyLong(), any(), any());
    }

    @Test
    void theFiguresPerChannelAreRead() throws Exception {
        when(figures.of(KIM_THANH, "item-fb")).thenReturn(List.of(
                new ChannelFigures("facebook", 0, 0, 0, 0, 1250, 86, 14, "2025-09-04T23:59:59+07:00")));

        http.perform(as(get("/api/contents/item-fb/engagement"), KIM_THANH, "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].channel").value("facebook"))
                .andExpect(jsonPath("$[0].reach").value(1250));
    }
}
