package vn.loa.channel.manual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.core.ConditionFactory;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.testsupport.TestBroker;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.LoaInfrastructure;

/** The manual channels as they run: requests in through the broker, the operator's API over HTTP, answers out. */
@SpringBootTest(classes = ManualChannelApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"loa.outbox.poll-interval=200ms", "loa.channel.heartbeat=PT1H"})
@AutoConfigureMockMvc
@DirtiesContext // closed after the class: ThirdChannelProofTest runs its own manual-channel in the same consumer group
class ManualChannelTest {

    static final String KIM_THANH = "10804";
    static final String BA_DINH = "00004";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "manual-channel-it");
    }

    @Autowired
    MockMvc http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually();
    }

    private static PublicationRequested request(String tenant, String item, String channel, String kind) {
        return new PublicationRequested(tenant, item + ":" + channel + ":1", item, channel, kind,
                "Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến", "Tóm tắt", "<p>Nội dung <strong>chính</strong></p>",
                List.of(new PublicationRequested.Attachment("a1", "anh.png", "image/png", 1234,
                        "http://127.0.0.1:8083/internal/files/" + tenant + "/" + item + "/a1")),
                Instant.parse("2025-09-02T01:00:00Z"));
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder r, String tenant, String user,
            String roles) {
        return r.header("X-Loa-Tenant", tenant).header("X-Loa-User", user).header("X-Loa-Roles", roles);
    }

    private ResultActions confirm(String tenant, String requestId, String json) throws Exception {
        return http.perform(as(post("/api/manual-publications/{id}/confirm", requestId), tenant, "bientap", "EDITOR")
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions fail(String tenant, String requestId, String json) throws Exception {
        return http.perform(as(post("/api/manual-publications/{id}/fail", requestId), tenant, "lanhdao", "LEADER")
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private List<LoaEvent> resultsOf(String requestId) {
        return broker.events(Topics.PUBLICATION_EVENTS).stream().filter(e -> switch (e) {
            case PublicationSucceeded s -> s.requestId().equals(requestId);
            case PublicationFailed f -> f.requestId().equals(requestId);
            default -> false;
        }).toList();
    }

    private String ledgerState(String requestId) {
        Document d = mongo.findById(requestId, Document.class, "channel_requests");
        return d == null ? null : d.getString("state");
    }

    private void awaitSent(String requestId) {
        eventually().until(() -> {
            Document d = mongo.findById(requestId, Document.class, "channel_requests");
            return d != null && !"PENDING".equals(d.getString("state")) && !"IN_PROGRESS".equals(d.getString("state"))
                    && d.getList("outbox", Document.class, List.of()).isEmpty();
        });
    }

    private double duplicates(String channel) {
        var c = meters.find("loa.channel.duplicates").tag("channel", channel).counter();
        return c == null ? 0 : c.count();
    }

    private void awaitPending(String requestId) {
        eventually().until(() -> "PENDING".equals(ledgerState(requestId)));
    }

    @Test
    void everyOutsideChannelRegistersAndNeedsAUrl() {
        List<String> ids = List.of("province-portal", "press", "zalo-oa", "facebook", "youtube", "tiktok",
                "truc-quan");
        eventually().untilAsserted(() -> assertThat(broker.events(Topics.CHANNEL_REGISTRY).stream()
                .filter(e -> e instanceof ChannelRegistered).map(e -> ((ChannelRegistered) e).channelId()))
                .containsAll(ids));
        List<ConsumerRecord<String, byte[]>> records = broker.readAll(Topics.CHANNEL_REGISTRY).stream()
                .filter(r -> ids.contains(r.key())).toList();
        for (ConsumerRecord<String, byte[]> r : records) {
            assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty();
            ChannelRegistered c = (ChannelRegistered) broker.decode(r);
            assertThat(c.needsUrl()).as(c.channelId()).isTrue();
            assertThat(c.healthy()).isTrue();
            assertThat(c.acceptedKinds()).isNotEmpty();
        }
        ChannelRegistered press = records.stream().map(broker::decode).map(ChannelRegistered.class::cast)
                .filter(c -> c.channelId().equals("press")).findFirst().orElseThrow();
        assertThat(press.displayName()).isEqualTo("Báo chí");
        assertThat(press.acceptedKinds()).contains("news", "article");
        ChannelRegistered province = records.stream().map(broker::decode).map(ChannelRegistered.class::cast)
                .filter(c -> c.channelId().equals("province-portal")).findFirst().orElseThrow();
        assertThat(province.displayName()).isEqualTo("Trang thông tin CCHC của tỉnh/thành phố");
        ChannelRegistered tiktok = records.stream().map(broker::decode).map(ChannelRegistered.class::cast)
                .filter(c -> c.channelId().equals("tiktok")).findFirst().orElseThrow();
        assertThat(tiktok.acceptedKinds()).containsExactly("video");
    }

    @Test
    void aRequestWaitsForTheOperatorAndIsAnsweredOnceWhateverIsRepeated() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "press", "article");
        ProducerRecord<String, byte[]> sent = broker.send(request);
        awaitPending(request.requestId());

        // listed as pending for its commune, with what the operator needs to post it
        http.perform(as(get("/api/manual-publications").param("status", "PENDING"), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')].title")
                        .value("Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến"))
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')].channelName").value("Báo chí"))
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')].statusLabel")
                        .value("Chờ đăng và xác nhận"))
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')].files[0].href")
                        .value("/api/contents/" + item + "/attachments/a1"));
        // no answer while it waits, and a redelivery is not taken for a new request
        double before = duplicates("press");
        broker.send(sent);
        eventually().until(() -> duplicates("press") > before);
        assertThat(resultsOf(request.requestId())).isEmpty();
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("itemId").is(item)),
                "manual_publications")).isEqualTo(1);

        String body = "{\"url\": \"https://baobacninh.vn/kim-thanh-dich-vu-cong-123.htm\","
                + " \"publishedAt\": \"02/09/2025 08:15\"}";
        String first = confirm(KIM_THANH, request.requestId(), body).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.url").value("https://baobacninh.vn/kim-thanh-dich-vu-cong-123.htm"))
                .andExpect(jsonPath("$.publishedAt").value("2025-09-02T08:15:00+07:00"))
                .andExpect(jsonPath("$.confirmedBy").value("bientap"))
                .andReturn().getResponse().getContentAsString();
        String second = confirm(KIM_THANH, request.requestId(), body).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(second).isEqualTo(first);
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"https://baobacninh.vn/bai-khac.htm\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("đường dẫn khác")));
        fail(KIM_THANH, request.requestId(), "{\"reason\": \"Tòa soạn không nhận\"}").andExpect(status().isConflict());
        broker.send(sent); // redelivered after the answer

        awaitSent(request.requestId());
        List<ConsumerRecord<String, byte[]>> answers = broker.readAll(Topics.PUBLICATION_EVENTS).stream()
                .filter(r -> item.equals(r.key())).toList();
        assertThat(answers).hasSize(1);
        assertThat(EventSchemas.violations(TestBroker.type(answers.getFirst()), answers.getFirst().value())).isEmpty();
        assertThat(TestBroker.header(answers.getFirst(), "ce_tenantid")).isEqualTo(KIM_THANH);
        PublicationSucceeded succeeded = (PublicationSucceeded) broker.decode(answers.getFirst());
        assertThat(succeeded.url()).isEqualTo("https://baobacninh.vn/kim-thanh-dich-vu-cong-123.htm");
        assertThat(succeeded.publishedAt()).isEqualTo(Instant.parse("2025-09-02T01:15:00Z"));
        assertThat(succeeded.channel()).isEqualTo("press");
        assertThat(succeeded.tenantId()).isEqualTo(KIM_THANH);
        assertThat(succeeded.requestId()).isEqualTo(request.requestId());
        // no longer in the pending list
        http.perform(as(get("/api/manual-publications").param("status", "PENDING"), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')]").isEmpty());
    }

    /** A small real PNG, as a phone's screenshot would be (only smaller). */
    private static byte[] png() throws java.io.IOException {
        var image = new java.awt.image.BufferedImage(40, 80, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private ResultActions confirmWithScreenshot(String tenant, String requestId, String url, String fileName,
            byte[] screenshot) throws Exception {
        var form = multipart("/api/manual-publications/{id}/confirm", requestId);
        if (screenshot != null) {
            form.file(new MockMultipartFile("screenshot", fileName, "application/octet-stream", screenshot));
        }
        if (url != null) {
            form.param("url", url);
        }
        return http.perform(form.header("X-Loa-Tenant", tenant).header("X-Loa-User", "bientap")
                .header("X-Loa-Roles", "EDITOR"));
    }

    @Test
    void aConfirmationMayCarryAScreenshotAsEvidenceSeenOnlyInItsCommune() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "zalo-oa", "news");
        broker.send(request);
        awaitPending(request.requestId());
        String url = "https://zalo.me/kim-thanh/bai-" + item;

        // not a picture, too large, or no URL: a Vietnamese problem, and the request still waits
        confirmWithScreenshot(KIM_THANH, request.requestId(), url, "anh.png", "MZ\u0090 not a picture".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("screenshot"))
                .andExpect(jsonPath("$.detail").value("Ảnh chụp minh chứng phải là tệp ảnh PNG, JPEG hoặc WebP."));
        byte[] large = java.util.Arrays.copyOf(png(), 5 * 1024 * 1024 + 1);
        confirmWithScreenshot(KIM_THANH, request.requestId(), url, "anh.png", large)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("lớn quá 5 MB")));
        confirmWithScreenshot(KIM_THANH, request.requestId(), null, "anh.png", png())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        assertThat(ledgerState(request.requestId())).isEqualTo("PENDING");
        http.perform(as(get("/api/manual-publications/{id}/screenshot", request.requestId()), KIM_THANH, "bientap",
                "EDITOR")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("chưa có ảnh chụp")));

        // confirmed with the screenshot: kept under its own type's extension, served as it was sent
        byte[] shot = png();
        confirmWithScreenshot(KIM_THANH, request.requestId(), url, "Ảnh chụp bài Zalo.jpg", shot)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.url").value(url))
                .andExpect(jsonPath("$.screenshot.fileName").value("Ảnh chụp bài Zalo.png"))
                .andExpect(jsonPath("$.screenshot.mediaType").value("image/png"))
                .andExpect(jsonPath("$.screenshot.size").value(shot.length))
                .andExpect(jsonPath("$.screenshot.by").value("bientap"))
                .andExpect(jsonPath("$.screenshot.href")
                        .value("/api/manual-publications/" + request.requestId() + "/screenshot"));
        byte[] served = http.perform(as(get("/api/manual-publications/{id}/screenshot", request.requestId()),
                        KIM_THANH, "lanhdao", "LEADER"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(shot);
        // another commune: nothing, not even that a screenshot exists
        http.perform(as(get("/api/manual-publications/{id}/screenshot", request.requestId()), BA_DINH, "khac",
                "EDITOR")).andExpect(status().isNotFound());
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(request.requestId())
                        .and("tenantId").is(KIM_THANH)), "manual_screenshots")).isEqualTo(1);

        // the same confirmation again (JSON, no picture) changes nothing; the answer left once
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"" + url + "\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.screenshot.size").value(shot.length));
        awaitSent(request.requestId());
        assertThat(resultsOf(request.requestId())).hasSize(1);
    }

    @Test
    void aFailureIsReportedNotRetryableAndOnlyOnce() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "facebook", "news");
        broker.send(request);
        awaitPending(request.requestId());

        fail(KIM_THANH, request.requestId(), "{\"reason\": \"Trang Facebook của xã đang bị khóa\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.reason").value("Trang Facebook của xã đang bị khóa"))
                .andExpect(jsonPath("$.failedBy").value("lanhdao"));
        fail(KIM_THANH, request.requestId(), "{\"reason\": \"Trang Facebook của xã đang bị khóa\"}")
                .andExpect(status().isOk());
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"https://facebook.com/xa/posts/1\"}")
                .andExpect(status().isConflict());

        awaitSent(request.requestId());
        List<LoaEvent> answers = resultsOf(request.requestId());
        assertThat(answers).hasSize(1);
        PublicationFailed failed = (PublicationFailed) answers.getFirst();
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).isEqualTo("Trang Facebook của xã đang bị khóa");
        assertThat(failed.channel()).isEqualTo("facebook");
    }

    @Test
    void anotherCommuneSeesNothingAndCanAnswerNothing() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "zalo-oa", "news");
        broker.send(request);
        awaitPending(request.requestId());

        http.perform(as(get("/api/manual-publications"), BA_DINH, "khac", "EDITOR,LEADER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.itemId == '" + item + "')]").isEmpty());
        http.perform(as(get("/api/manual-publications/{id}", request.requestId()), BA_DINH, "khac", "EDITOR"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Không tìm thấy"));
        confirm(BA_DINH, request.requestId(), "{\"url\": \"https://zalo.me/xa/1\"}").andExpect(status().isNotFound());
        fail(BA_DINH, request.requestId(), "{\"reason\": \"Không đăng\"}").andExpect(status().isNotFound());

        http.perform(as(get("/api/manual-publications/{id}", request.requestId()), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
        assertThat(ledgerState(request.requestId())).isEqualTo("PENDING");
        assertThat(resultsOf(request.requestId())).isEmpty();
    }

    @Test
    void badInputGetsVietnameseProblemsAndChangesNothing() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "province-portal", "news");
        broker.send(request);
        awaitPending(request.requestId());
        String id = request.requestId();
        String future = LocalDateTime.now(VnTimeZone.ZONE).plusDays(1)
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));

        confirm(KIM_THANH, id, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message").value("Vui lòng nhập đường dẫn (URL) của bài đã đăng."));
        confirm(KIM_THANH, id, "{\"url\": \"ftp://tinh.gov.vn/a\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "Đường dẫn phải là địa chỉ http:// hoặc https://")));
        confirm(KIM_THANH, id, "{\"url\": \"javascript:alert(1)\"}").andExpect(status().isBadRequest());
        confirm(KIM_THANH, id, "{\"url\": \"tinh.gov.vn/cchc/1\"}").andExpect(status().isBadRequest());
        confirm(KIM_THANH, id, "{\"url\": \"https://tinh.gov.vn/cchc/1\", \"publishedAt\": \"" + future + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("publishedAt"))
                .andExpect(jsonPath("$.errors[0].message").value("Thời điểm đăng không được ở tương lai."));
        confirm(KIM_THANH, id, "{\"url\": \"https://tinh.gov.vn/cchc/1\", \"publishedAt\": \"31/02/2025\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(
                        "không đúng định dạng")));
        confirm(KIM_THANH, id, "{\"url\": \"nope\", \"publishedAt\": \"hôm qua\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
        confirm(KIM_THANH, id, "{\"url\": ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"));
        fail(KIM_THANH, id, "{\"reason\": \"   \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Vui lòng nêu lý do không đăng được."));
        // only an editor or a leader of the commune answers; everyone must be signed in
        http.perform(as(post("/api/manual-publications/{id}/confirm", id), KIM_THANH, "qtv", "ADMIN")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"url\": \"https://tinh.gov.vn/cchc/1\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(
                        "Chỉ biên tập viên hoặc lãnh đạo của xã mới xác nhận được kết quả đăng bài."));
        http.perform(post("/api/manual-publications/{id}/confirm", id).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"https://tinh.gov.vn/cchc/1\"}")).andExpect(status().isUnauthorized());
        http.perform(as(get("/api/manual-publications").param("status", "DONE"), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
        http.perform(as(get("/api/manual-publications/{id}", "khong-co:press:1"), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(status().isNotFound());

        assertThat(ledgerState(id)).isEqualTo("PENDING");
        assertThat(resultsOf(id)).isEmpty();
        // and a good confirmation still works afterwards
        confirm(KIM_THANH, id, "{\"url\": \"https://tinh.gov.vn/cchc/1\", \"publishedAt\": \"2025-09-02T08:15:00+07:00\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        awaitSent(id);
        assertThat(resultsOf(id)).singleElement().isInstanceOf(PublicationSucceeded.class);
    }

    @Test
    void aRetractedPublicationIsShownForTakingDown() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "youtube", "video");
        broker.send(request);
        awaitPending(request.requestId());
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"https://www.youtube.com/watch?v=abc123\"}")
                .andExpect(status().isOk());

        // another channel of this app, where the item is not published: changes nothing
        broker.send(new ContentRetracted(KIM_THANH, item, "facebook", Instant.now(), "Sai số liệu"));
        ProducerRecord<String, byte[]> ours = broker.send(
                new ContentRetracted(KIM_THANH, item, "youtube", Instant.now(), "Sai số liệu"));
        String key = TestBroker.header(ours, "ce_id") + ":youtube";
        eventually().until(() -> {
            Document d = mongo.findById(key, Document.class, "channel_retractions");
            return d != null && "DONE".equals(d.getString("state"));
        });
        http.perform(as(get("/api/manual-publications").param("status", "RETRACTED"), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')].statusLabel")
                        .value("Đã thu hồi — cần gỡ bài trên kênh"))
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')].url")
                        .value("https://www.youtube.com/watch?v=abc123"));
        http.perform(as(get("/api/manual-publications/{id}", request.requestId()), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(jsonPath("$.retractedAt").isNotEmpty());
        // confirming it again answers the same (it was published there), and sends nothing more
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"https://www.youtube.com/watch?v=abc123\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETRACTED"));
        awaitSent(request.requestId());
        assertThat(resultsOf(request.requestId())).hasSize(1);
    }

    private static ContentPublished publishedElsewhere(String tenant, String item, String channel, String url) {
        return new ContentPublished(tenant, item, "article", "Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến",
                List.of(), List.of("task-1"), "Văn phòng", channel, Instant.parse("2025-09-02T01:15:00Z"), url);
    }

    @Test
    void aPublicationRecordedElsewhereClosesTheWaitingRequestOnceAndOnlyInItsCommune() throws Exception {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "zalo-oa", "article");
        PublicationRequested other = request(KIM_THANH, item, "facebook", "article");
        broker.send(request);
        broker.send(other);
        awaitPending(request.requestId());
        awaitPending(other.requestId());

        // another commune's event for the same item id, then another channel's: neither closes the Zalo request
        broker.send(publishedElsewhere(BA_DINH, item, "zalo-oa", "https://zalo.me/ba-dinh/1"));
        broker.send(publishedElsewhere(KIM_THANH, item, "press", "https://baobacninh.vn/bai-1.htm"));
        broker.send(publishedElsewhere(KIM_THANH, item, "zalo-oa", "https://zalo.me/kim-thanh/bai-1"));
        awaitSent(request.requestId());
        eventually().until(() -> "PUBLISHED".equals(mongo.findById(request.requestId(), Document.class,
                "manual_publications").getString("status")));

        http.perform(as(get("/api/manual-publications/{id}", request.requestId()), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.resolvedElsewhere").value(true))
                .andExpect(jsonPath("$.url").value("https://zalo.me/kim-thanh/bai-1"))
                .andExpect(jsonPath("$.publishedAt").value("2025-09-02T08:15:00+07:00"));
        http.perform(as(get("/api/manual-publications").param("status", "PENDING"), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(jsonPath("$[?(@.requestId == '" + request.requestId() + "')]").isEmpty())
                .andExpect(jsonPath("$[?(@.requestId == '" + other.requestId() + "')].status").value("PENDING"));
        // one answer for the request, with the recorded URL (content-service takes it as a duplicate)
        assertThat(resultsOf(request.requestId())).singleElement().isInstanceOfSatisfying(PublicationSucceeded.class,
                s -> {
                    assertThat(s.url()).isEqualTo("https://zalo.me/kim-thanh/bai-1");
                    assertThat(s.publishedAt()).isEqualTo(Instant.parse("2025-09-02T01:15:00Z"));
                });
        assertThat(ledgerState(other.requestId())).isEqualTo("PENDING");
        // the event again (redelivered or replayed) changes nothing; a late operator gets the recorded answer
        broker.send(publishedElsewhere(KIM_THANH, item, "zalo-oa", "https://zalo.me/kim-thanh/bai-1"));
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"https://zalo.me/kim-thanh/bai-1\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"https://zalo.me/khac\"}")
                .andExpect(status().isConflict());
        fail(KIM_THANH, request.requestId(), "{\"reason\": \"Không đăng được\"}").andExpect(status().isConflict());
        awaitSent(request.requestId());
        assertThat(resultsOf(request.requestId())).hasSize(1);
    }

    @Test
    void theVisualChannelRegistersAndItsRequestWaitsForTheProductRecordedWithItsPhoto() throws Exception {
        eventually().untilAsserted(() -> assertThat(broker.events(Topics.CHANNEL_REGISTRY).stream()
                .filter(e -> e instanceof ChannelRegistered c && c.channelId().equals("truc-quan"))).isNotEmpty());
        ChannelRegistered visual = broker.events(Topics.CHANNEL_REGISTRY).stream()
                .filter(e -> e instanceof ChannelRegistered c && c.channelId().equals("truc-quan"))
                .map(ChannelRegistered.class::cast).findFirst().orElseThrow();
        assertThat(visual.displayName()).startsWith("Trực quan");
        assertThat(visual.acceptedKinds()).contains("banner", "poster", "leaflet", "notice", "handout");
        assertThat(visual.needsUrl()).isTrue();

        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "truc-quan", "banner");
        broker.send(request);
        awaitPending(request.requestId());
        // a URL does not stand for a pano: the desk points to the item's form
        confirm(KIM_THANH, request.requestId(), "{\"url\": \"https://x.vn/anh-pano\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.containsString("Ghi nhận sản phẩm trực quan")));
        assertThat(ledgerState(request.requestId())).isEqualTo("PENDING");
        // the officer records the pano in content-service: no URL, its place and quantity
        broker.send(new ContentPublished(KIM_THANH, item, "banner", "Pano tuyên truyền CCHC", List.of(),
                List.of(), null, "truc-quan", Instant.parse("2025-10-14T17:00:00Z"), null,
                new VisualProduct("Trụ sở UBND xã", 2)));
        awaitSent(request.requestId());
        eventually().until(() -> "PUBLISHED".equals(mongo.findById(request.requestId(), Document.class,
                "manual_publications").getString("status")));
        http.perform(as(get("/api/manual-publications/{id}", request.requestId()), KIM_THANH, "bientap", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolvedElsewhere").value(true))
                .andExpect(jsonPath("$.url").doesNotExist());
        assertThat(resultsOf(request.requestId())).singleElement().isInstanceOfSatisfying(PublicationSucceeded.class,
                s -> {
                    assertThat(s.url()).isNull();
                    assertThat(s.publishedAt()).isEqualTo(Instant.parse("2025-10-14T17:00:00Z"));
                });
    }

    @Test
    void aKindTheChannelDoesNotCarryIsRefusedWithoutWaiting() {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(KIM_THANH, item, "tiktok", "document");
        broker.send(request);
        awaitSent(request.requestId());
        PublicationFailed failed = (PublicationFailed) resultsOf(request.requestId()).getFirst();
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).isEqualTo("Kênh «TikTok» không nhận loại nội dung «document».");
        assertThat(mongo.findById(request.requestId(), Document.class, "manual_publications")).isNull();
    }

    /** The zone staff type times in. */
    static final class VnTimeZone {
        static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    }
}
