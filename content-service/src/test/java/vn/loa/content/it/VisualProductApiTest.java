package vn.loa.content.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import vn.loa.content.item.Items;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.platform.time.VnTime;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.TestBroker;

/**
 * The visual channel (issue 19): a pano, banners, leaflets… recorded on {@code truc-quan} without a URL, with the
 * product's kind, place, quantity, day and a photo; its rules as Vietnamese problems; the {@code ContentPublished} it
 * sends (the product's kind, {@code visual}); a waiting request on the channel resolved by it.
 */
class VisualProductApiTest extends IntegrationTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    List<LoaEvent> events(String id) {
        eventually().until(() -> drained(Items.COLLECTION, id));
        List<ConsumerRecord<String, byte[]>> records = broker.records(Topics.CONTENT_EVENTS, id);
        records.forEach(r -> assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty());
        return records.stream().map(broker::decode).toList();
    }

    static MockMultipartHttpServletRequestBuilder visual(String id, String product, String place, String quantity,
            String day, MockMultipartFile photo) {
        MockMultipartHttpServletRequestBuilder r = multipart("/api/contents/" + id + "/publications");
        if (photo != null) {
            r.file(photo);
        }
        if (product != null) {
            r.param("product", product);
        }
        if (place != null) {
            r.param("place", place);
        }
        if (quantity != null) {
            r.param("quantity", quantity);
        }
        if (day != null) {
            r.param("publishedOn", day);
        }
        return r;
    }

    static MockMultipartFile photo(String name, byte[] bytes) {
        return new MockMultipartFile("photo", name, "image/jpeg", bytes);
    }

    @Test
    void everyRuleAnswersInVietnameseAtOnceAndNothingIsRecorded() throws Exception {
        String id = approved(COMMUNE, List.of());
        // nothing at all: one problem per field, the photo included
        http.perform(as(visual(id, null, null, null, null, null), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Dữ liệu chưa hợp lệ ở 5 trường. Vui lòng kiểm tra lại."))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "product", "place", "quantity", "publishedOn", "photo")))
                .andExpect(jsonPath("$.errors[?(@.field == 'product')].message",
                        hasItem(containsString("Pano, băng rôn, khẩu hiệu"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'photo')].message",
                        hasItem(containsString("ảnh chụp sản phẩm làm minh chứng"))));
        String tomorrow = VnTime.display(LocalDate.now(VnTime.ZONE).plusDays(1));
        String tooOld = VnTime.display(LocalDate.now(VnTime.ZONE).minusYears(5).minusDays(1));
        http.perform(as(visual(id, "NEWS", "x".repeat(301), "0", tomorrow, photo("pano.jpg", JPEG)), COMMUNE, "w",
                        "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(4)))
                .andExpect(jsonPath("$.errors[?(@.field == 'product')].message",
                        hasItem(containsString("Loại sản phẩm 'NEWS' không phải sản phẩm trực quan"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'place')].message",
                        hasItem("Nơi đặt không được dài quá 300 ký tự.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'quantity')].message",
                        hasItem("Số lượng phải là số nguyên từ 1 đến 100.000.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'publishedOn')].message",
                        hasItem("Ngày thực hiện (" + tomorrow + ") không được ở tương lai.")));
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "hai", tooOld, photo("pano.jpg", JPEG)), COMMUNE,
                        "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'quantity')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'publishedOn')].message",
                        hasItem(containsString("quá xa"))));
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "2", "32/13/2025", photo("pano.jpg", JPEG)), COMMUNE,
                        "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publishedOn"))
                .andExpect(jsonPath("$.errors[0].message", containsString("dd/MM/yyyy")));
        // the photo: an image by its content, not a PDF, not an .exe named .jpg
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "2", "15/10/2025",
                        new MockMultipartFile("photo", "pano.pdf", "application/pdf", PDF)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photo"))
                .andExpect(jsonPath("$.detail", containsString("Ảnh minh chứng phải là ảnh JPEG, PNG, WebP hoặc GIF")));
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "2", "15/10/2025",
                        photo("pano.jpg", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0})), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photo"));
        // a URL-style outside publication on the visual channel is refused: it needs the evidence
        http.perform(as(json(post("/api/contents/" + id + "/publications"), """
                        {"channel": "truc-quan", "url": "https://x.vn/anh", "publishedAt": "15/10/2025"}"""),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"))
                .andExpect(jsonPath("$.detail", containsString("ảnh minh chứng")));
        // the form is for the visual channel only
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "2", "15/10/2025", photo("pano.jpg", JPEG))
                        .param("channel", "press"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        assertThat((List<?>) JsonPath.read(item(id, COMMUNE), "$.publications")).isEmpty();
        assertThat(itemStatus(id, COMMUNE)).isEqualTo("APPROVED");
    }

    @Test
    void whoMayRecordAndOnWhichItems() throws Exception {
        String draft = create(COMMUNE, List.of());
        http.perform(as(visual(draft, "BANNER", "Trụ sở UBND xã", "2", "15/10/2025", photo("pano.jpg", JPEG)),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("đã được lãnh đạo duyệt")));
        String id = approved(COMMUNE, List.of());
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "2", "15/10/2025", photo("pano.jpg", JPEG)),
                        NEIGHBOUR, "someone", "EDITOR,LEADER"))
                .andExpect(status().isNotFound());
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "2", "15/10/2025", photo("pano.jpg", JPEG)),
                        PROVINCE, "viewer-hp", "VIEWER"))
                .andExpect(status().isForbidden());
        http.perform(as(visual(id, "BANNER", "Trụ sở UBND xã", "2", "15/10/2025", photo("pano.jpg", JPEG)),
                        COMMUNE, "admin-1", "ADMIN"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRecordedPanoIsPublishedOnTheVisualChannelAsItsKindWithPlaceQuantityAndPhoto() throws Exception {
        String id = approved(COMMUNE, List.of());
        String answer = http.perform(as(visual(id, "banner", "  Trụ sở UBND xã; Điểm Bưu điện văn hóa xã ", "2",
                        "15/10/2025", photo("pano-tru-so.jpg", JPEG)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publications[0].channel").value("truc-quan"))
                .andExpect(jsonPath("$.publications[0].status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.publications[0].outside").value(true))
                .andExpect(jsonPath("$.publications[0].url").value(nullValue()))
                .andExpect(jsonPath("$.publications[0].publishedAt").value("2025-10-15T00:00:00+07:00"))
                .andExpect(jsonPath("$.publications[0].visual.product").value("BANNER"))
                .andExpect(jsonPath("$.publications[0].visual.productCode").value("banner"))
                .andExpect(jsonPath("$.publications[0].visual.productLabel").value("Pano, băng rôn, khẩu hiệu"))
                .andExpect(jsonPath("$.publications[0].visual.place").value("Trụ sở UBND xã; Điểm Bưu điện văn hóa xã"))
                .andExpect(jsonPath("$.publications[0].visual.quantity").value(2))
                .andExpect(jsonPath("$.publications[0].visual.publishedOn").value("2025-10-15"))
                .andExpect(jsonPath("$.publications[0].visual.recordedBy").value("w"))
                .andExpect(jsonPath("$.publications[0].visual.photo.fileName").value("pano-tru-so.jpg"))
                .andExpect(jsonPath("$.publications[0].visual.photo.mediaType").value("image/jpeg"))
                .andExpect(jsonPath("$.attachments", hasSize(0)))
                .andReturn().getResponse().getContentAsString();
        String photoUrl = JsonPath.read(answer, "$.publications[0].visual.photo.url");
        assertThat(photoUrl).startsWith("/api/contents/" + id + "/attachments/");
        http.perform(as(get(photoUrl), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(JPEG));
        http.perform(as(get(photoUrl), PROVINCE, "viewer-hp", "VIEWER")).andExpect(status().isOk());
        http.perform(as(get(photoUrl), NEIGHBOUR, "someone", "EDITOR")).andExpect(status().isNotFound());

        List<ContentPublished> published = events(id).stream().filter(e -> e instanceof ContentPublished)
                .map(e -> (ContentPublished) e).toList();
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p.channel()).isEqualTo("truc-quan");
            assertThat(p.kind()).as("the product's kind, what tasks match").isEqualTo("banner");
            assertThat(p.url()).isNull();
            assertThat(p.publishedAt()).isEqualTo(Instant.parse("2025-10-14T17:00:00Z"));
            assertThat(p.visual()).isEqualTo(new VisualProduct("Trụ sở UBND xã; Điểm Bưu điện văn hóa xã", 2));
            assertThat(p.taskIds()).containsExactly("task-7");
        });
        // one product per item: a second one is a 409 and sends nothing
        http.perform(as(visual(id, "LEAFLET", "Nhà văn hóa thôn", "500", "16/10/2025", photo("to-roi.jpg", JPEG)),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("đã có sản phẩm trực quan")));
        // retracted by a leader: the credit goes back like any publication's
        http.perform(as(json(post("/api/contents/" + id + "/retract"), "{\"reason\": \"Pano đã tháo\"}"), COMMUNE,
                        "leader-1", "LEADER"))
                .andExpect(status().isOk());
        eventually().until(() -> events(id).stream().anyMatch(e -> e instanceof ContentRetracted r
                && "truc-quan".equals(r.channel())));
    }

    @Test
    void aWaitingRequestOnTheVisualChannelIsResolvedByTheRecordOnce() throws Exception {
        register(VisualProduct.CHANNEL, List.of("banner", "poster", "leaflet", "notice", "handout"), true);
        String body = """
                {"title": "Tài liệu tuyên truyền CCHC tại Điểm Bưu điện văn hóa xã", "kind": "HANDOUT",
                 "channels": ["truc-quan"]}""";
        String id = JsonPath.read(http.perform(as(json(post("/api/contents"), body), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        http.perform(as(post("/api/contents/" + id + "/submit"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk());
        http.perform(as(post("/api/contents/" + id + "/approve"), COMMUNE, "leader-1", "LEADER"))
                .andExpect(status().isOk());
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHING"));
        eventually().until(() -> broker.records(Topics.channelRequests(VisualProduct.CHANNEL), id).size() == 1);
        PublicationRequested request = (PublicationRequested) broker.decode(
                broker.records(Topics.channelRequests(VisualProduct.CHANNEL), id).getFirst());

        http.perform(as(visual(id, "HANDOUT", "Điểm Bưu điện văn hóa xã", "50", "15/10/2025",
                        photo("tai-lieu.jpg", JPEG)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publications[0].requestId").value(request.requestId()))
                .andExpect(jsonPath("$.publications[0].visual.product").value("HANDOUT"));
        // the channel's own later answer to that request changes nothing
        broker.send(new PublicationSucceeded(COMMUNE, request.requestId(), id, VisualProduct.CHANNEL, null,
                Instant.parse("2025-10-20T00:00:00Z"), null, List.of()));
        // content-service has read that answer, and what it wrote (if anything) has left the outbox
        eventually().until(() -> broker.caughtUp(GROUP, Topics.PUBLICATION_EVENTS));
        eventually().until(() -> drained(Items.COLLECTION, id));
        List<ContentPublished> published = events(id).stream().filter(e -> e instanceof ContentPublished)
                .map(e -> (ContentPublished) e).toList();
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("handout");
            assertThat(p.visual().quantity()).isEqualTo(50);
        });
        http.perform(as(get("/api/contents/" + id), COMMUNE, "w", "EDITOR"))
                .andExpect(jsonPath("$.publications[0].publishedAt").value("2025-10-15T00:00:00+07:00"));
    }
}
