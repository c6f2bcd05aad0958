package vn.loa.content.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import vn.loa.content.activity.Activities;
import vn.loa.content.item.Items;
import vn.loa.platform.time.VnTime;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.TestBroker;

/** Tenants kept apart, channels checked, outside publications, activities, uploads: the API's rules. */
class ApiRulesTest extends IntegrationTest {

    List<LoaEvent> events(String collection, String id) {
        eventually().until(() -> drained(collection, id));
        List<ConsumerRecord<String, byte[]>> records = broker.records(Topics.CONTENT_EVENTS, id);
        records.forEach(r -> assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty());
        return records.stream().map(broker::decode).toList();
    }

    @Test
    void anotherCommunesItemIsNotFoundAndAViewerReadsOnlyTheCommunesOfItsProvince() throws Exception {
        String id = create(COMMUNE, List.of());
        http.perform(as(get("/api/contents/" + id), NEIGHBOUR, "someone", "EDITOR,LEADER"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Không tìm thấy tin, bài."));
        http.perform(as(post("/api/contents/" + id + "/submit"), NEIGHBOUR, "someone", "EDITOR"))
                .andExpect(status().isNotFound());
        http.perform(as(get("/api/contents/" + id), OTHER_PROVINCE, "viewer-hn", "VIEWER"))
                .andExpect(status().isNotFound());
        http.perform(as(get("/api/contents/" + id), PROVINCE, "viewer-hp", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        http.perform(as(post("/api/contents/" + id + "/submit"), PROVINCE, "viewer-hp", "VIEWER"))
                .andExpect(status().isForbidden());
        http.perform(as(get("/api/contents").param("status", "DRAFT"), NEIGHBOUR, "someone", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        http.perform(as(get("/api/contents").param("status", "DRAFT").param("task", "task-7")
                        .param("from", VnTime.display(LocalDate.now(VnTime.ZONE))).param("size", "100"),
                        PROVINCE, "viewer-hp", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
        http.perform(as(get("/api/contents").param("from", "32/13/2025"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void theBodyIsSanitisedAndBadInputGetsVietnameseProblems() throws Exception {
        String id = create(COMMUNE, List.of());
        assertThat((String) JsonPath.read(item(id, COMMUNE), "$.body")).doesNotContain("script").contains("Nội dung");
        http.perform(as(json(post("/api/contents"), "{\"title\": \" \", \"kind\": \"BLOG\"}"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value(hasItem("Vui lòng nhập tiêu đề.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].message",
                        hasItem(containsString("Loại tin, bài 'BLOG' không hợp lệ"))));
    }

    @Test
    void onlyRegisteredHealthyChannelsThatAcceptTheKindMayBeChosen() throws Exception {
        String sick = channelId("sick");
        String photos = channelId("photos");
        register(sick, List.of("article", "news"), false);
        register(photos, List.of("photo"), true);
        String body = "{\"title\": \"Tin\", \"kind\": \"ARTICLE\", \"channels\": [\"%s\"]}";
        http.perform(as(json(post("/api/contents"), body.formatted("khong-co-kenh-nay")), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Kênh 'khong-co-kenh-nay' chưa đăng ký với hệ thống, không thể chọn."));
        http.perform(as(json(post("/api/contents"), body.formatted(sick)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("hiện không hoạt động")))
                .andExpect(jsonPath("$.detail", containsString(sick)));
        http.perform(as(json(post("/api/contents"), body.formatted(photos)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("không nhận loại nội dung 'Bài viết'")));
        http.perform(as(get("/api/channels"), COMMUNE, "w", "EDITOR"))
                .andExpect(jsonPath("$[*].id", hasItem(photos)))
                .andExpect(jsonPath("$[*].id", not(hasItem(sick))));
        // a replayed old announcement (5 minutes old) does not make a channel look alive
        String gone = channelId("gone");
        broker.send(new ChannelRegistered(gone, "Kênh đã tắt", List.of(), false, true,
                Instant.now().minusSeconds(300)));
        eventually().until(() -> registry.find(gone).isPresent());
        http.perform(as(get("/api/channels"), COMMUNE, "w", "EDITOR"))
                .andExpect(jsonPath("$[*].id", not(hasItem(gone))));
        http.perform(as(json(post("/api/contents"), body.formatted(gone)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("hiện không hoạt động")));
        // a channel that was healthy and then reports trouble is no longer offered, and publishing names it
        String portal = channelId("portal");
        register(portal, List.of("article", "news"), true);
        String id = approved(COMMUNE, List.of(portal));
        register(portal, List.of("article", "news"), false);
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString(portal)));
    }

    @Test
    void aChannelNamedForAXaReadsAsThePhuongOrTheProvinceSeesIt() throws Exception {
        String radio = channelId("radio");
        Instant now = Instant.now();
        broker.send(new ChannelRegistered(radio, "Đài truyền thanh xã (hệ thống loa)", List.of("audio"), false, true,
                now));
        eventually().until(() -> registry.find(radio).isPresent());
        String named = "$[?(@.id == '" + radio + "')].displayName";
        http.perform(as(get("/api/channels"), "00292", "w", "EDITOR")) // Phường Bạch Mai
                .andExpect(jsonPath(named, hasItem("Đài truyền thanh phường (hệ thống loa)")));
        http.perform(as(get("/api/channels"), "10804", "w", "EDITOR")) // Xã Kim Thành
                .andExpect(jsonPath(named, hasItem("Đài truyền thanh xã (hệ thống loa)")));
        http.perform(as(get("/api/channels"), PROVINCE, "v", "VIEWER"))
                .andExpect(jsonPath(named, hasItem("Đài truyền thanh cấp xã (hệ thống loa)")));
    }

    @Test
    void theAuthorCannotApproveAndAnEditAfterApprovalNeedsANewApproval() throws Exception {
        String portal = channelId("portal");
        register(portal, List.of("article", "news"), true);
        String id = create(COMMUNE, List.of(portal));
        http.perform(as(post("/api/contents/" + id + "/submit"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk());
        http.perform(as(post("/api/contents/" + id + "/approve"), COMMUNE, "writer-1", "EDITOR,LEADER"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail", containsString("không được tự duyệt")));
        http.perform(as(post("/api/contents/" + id + "/approve"), COMMUNE, "editor-2", "EDITOR"))
                .andExpect(status().isForbidden());
        http.perform(as(json(post("/api/contents/" + id + "/reject"), "{}"), COMMUNE, "leader-1", "LEADER"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        http.perform(as(post("/api/contents/" + id + "/approve"), COMMUNE, "leader-1", "LEADER"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        http.perform(as(json(post("/api/contents/" + id + "/publish"), "{\"at\": \"31/12/2099 08:00\"}"), COMMUNE,
                        "writer-1", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scheduledAt").value("2099-12-31T08:00:00+07:00"));
        http.perform(as(json(put("/api/contents/" + id), """
                        {"title": "Tiêu đề đã sửa", "kind": "NEWS", "channels": ["%s"]}""".formatted(portal)),
                        COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.kind").value("NEWS"))
                .andExpect(jsonPath("$.history[-1].why", containsString("duyệt lại")));
        // the approval and the schedule are gone from the stored item, not only from the answer
        http.perform(as(get("/api/contents/" + id), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.approvedBy").value(nullValue()))
                .andExpect(jsonPath("$.scheduledAt").value(nullValue()));
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isConflict());
    }

    @Test
    void anOutsidePublicationIsRecordedWithItsUrlAndTimeAndCountsLikeAnyOther() throws Exception {
        String id = approved(COMMUNE, List.of());
        http.perform(as(json(post("/api/contents/" + id + "/publications"),
                        "{\"channel\": \"press\", \"publishedAt\": \"31/12/2099 08:00\"}"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'url')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'publishedAt')].message",
                        hasItem(containsString("không được ở tương lai"))));
        http.perform(as(json(post("/api/contents/" + id + "/publications"),
                        "{\"channel\": \"press\", \"url\": \"https://baohaiphong.vn/bai-1\", \"publishedAt\": \"02/09/2025 25:99\"}"),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("dd/MM/yyyy HH:mm")));
        http.perform(as(json(post("/api/contents/" + id + "/publications"),
                        "{\"channel\": \"press\", \"url\": \"https://baohaiphong.vn/bai-1\", \"publishedAt\": \"2/9/2025 8:15\"}"),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publications[0].publishedAt").value("2025-09-02T08:15:00+07:00"))
                .andExpect(jsonPath("$.publications[0].outside").value(true));
        List<ContentPublished> published = events(Items.COLLECTION, id).stream()
                .filter(e -> e instanceof ContentPublished).map(e -> (ContentPublished) e).toList();
        assertThat(published).singleElement().satisfies(p -> {
            assertThat(p.channel()).isEqualTo("press");
            assertThat(p.url()).isEqualTo("https://baohaiphong.vn/bai-1");
            assertThat(p.publishedAt()).isEqualTo(Instant.parse("2025-09-02T01:15:00Z"));
        });
        String draft = create(COMMUNE, List.of());
        http.perform(as(json(post("/api/contents/" + draft + "/publications"),
                        "{\"channel\": \"press\", \"url\": \"https://x.vn/a\", \"publishedAt\": \"02/09/2025\"}"),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isConflict());
    }

    @Test
    void recordingElsewhereWhileTheChannelsRequestWaitsResolvesItOnceAndTheChannelsLaterAnswerIsADuplicate()
            throws Exception {
        String press = channelId("press");
        String portal = channelId("portal");
        register(press, List.of("article", "news"), true);
        register(portal, List.of("article", "news"), true);
        String id = approved(COMMUNE, List.of(press, portal));
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHING"));
        http.perform(as(json(post("/api/contents/" + id + "/publications"), """
                        {"channel": "%s", "url": "https://baohaiphong.vn/bai-2", "publishedAt": "02/09/2025 08:15"}"""
                        .formatted(press)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PUBLISHING"))
                .andExpect(jsonPath("$.publications[?(@.channel == '%s')].status".formatted(press))
                        .value("SUCCEEDED"))
                .andExpect(jsonPath("$.publications[?(@.channel == '%s')].outside".formatted(press)).value(true));
        // the press channel answers its request anyway (the manual channel closing its queue entry, or an operator
        // confirming late), then the portal answers: same item, same partition, read in this order
        broker.send(new PublicationSucceeded(COMMUNE, id + ":" + press + ":1", id, press, "https://khac.vn/bai",
                Instant.parse("2025-09-03T00:00:00Z"), null, List.of()));
        broker.send(new PublicationSucceeded(COMMUNE, id + ":" + portal + ":1", id, portal, "https://p.vn/bai",
                Instant.parse("2025-09-03T00:00:00Z"), null, List.of()));
        eventually().until(() -> "PUBLISHED".equals(itemStatus(id, COMMUNE)));
        http.perform(as(get("/api/contents/" + id), COMMUNE, "w", "EDITOR"))
                .andExpect(jsonPath("$.publications[?(@.channel == '%s')].url".formatted(press))
                        .value("https://baohaiphong.vn/bai-2"));
        eventually().until(() -> drained(Items.COLLECTION, id));
        List<ContentPublished> published = events(Items.COLLECTION, id).stream()
                .filter(e -> e instanceof ContentPublished).map(e -> (ContentPublished) e).toList();
        assertThat(published).extracting(ContentPublished::channel).containsExactlyInAnyOrder(press, portal);
        assertThat(published).filteredOn(p -> p.channel().equals(press)).singleElement().satisfies(p -> {
            assertThat(p.url()).isEqualTo("https://baohaiphong.vn/bai-2");
            assertThat(p.publishedAt()).isEqualTo(Instant.parse("2025-09-02T01:15:00Z"));
        });
    }

    @Test
    void anActivityHeldIsPublishedWithoutAChannelAtTheStartOfItsDayAndWithdrawnWithoutOne() throws Exception {
        String answer = http.perform(as(json(post("/api/activities"), """
                        {"kind": "DIALOGUE", "title": "Đối thoại giữa lãnh đạo UBND xã với Nhân dân về CCHC",
                         "heldOn": "2025-10-15", "place": "Hội trường UBND xã", "participants": 120,
                         "taskIds": ["task-9"]}"""), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("HELD"))
                .andExpect(jsonPath("$.publishedAt").value("2025-10-15T00:00:00+07:00"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(answer, "$.id");
        ContentPublished held = (ContentPublished) events(Activities.COLLECTION, id).getFirst();
        assertThat(held.channel()).isNull();
        assertThat(held.kind()).isEqualTo("dialogue");
        assertThat(held.publishedAt()).isEqualTo(Instant.parse("2025-10-14T17:00:00Z"));
        assertThat(held.taskIds()).containsExactly("task-9");

        http.perform(as(get("/api/activities/" + id), NEIGHBOUR, "x", "EDITOR")).andExpect(status().isNotFound());
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        String withEvidence = http.perform(as(multipart("/api/activities/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "bien-ban.jpg", "image/jpeg", jpeg)), COMMUNE, "w",
                        "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0].fileName").value("bien-ban.jpg"))
                .andReturn().getResponse().getContentAsString();
        String evidence = JsonPath.read(withEvidence, "$.attachments[0].url");
        http.perform(as(get(evidence), PROVINCE, "viewer-hp", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(content().bytes(jpeg));
        http.perform(as(get(evidence), NEIGHBOUR, "x", "EDITOR")).andExpect(status().isNotFound());
        http.perform(as(get("/api/activities"), COMMUNE, "x", "EDITOR"))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
        http.perform(as(delete("/api/activities/" + id).param("reason", "Ghi nhầm"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        http.perform(as(delete("/api/activities/" + id), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isConflict());
        List<LoaEvent> all = events(Activities.COLLECTION, id);
        assertThat(all).hasSize(2);
        assertThat(all.get(1)).isInstanceOfSatisfying(ContentRetracted.class, r -> {
            assertThat(r.channel()).isNull();
            assertThat(r.reason()).isEqualTo("Ghi nhầm");
        });

        String tomorrow = VnTime.display(LocalDate.now(VnTime.ZONE).plusDays(1));
        http.perform(as(json(post("/api/activities"),
                        "{\"kind\": \"CONTEST\", \"title\": \"Cuộc thi\", \"heldOn\": \"" + tomorrow + "\"}"),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"))
                .andExpect(jsonPath("$.errors[0].message", containsString("tương lai")));
    }

    @Test
    void theOpenApiDescriptionListsTheContentApi() throws Exception {
        http.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/contents/{id}/publish']").exists())
                .andExpect(jsonPath("$.paths['/api/activities']").exists())
                .andExpect(jsonPath("$.paths['/api/channels']").exists());
    }

    @Test
    void uploadsAreCheckedByContentAndServedOnlyToTheirCommune() throws Exception {
        String id = create(COMMUNE, List.of());
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0};
        http.perform(as(multipart("/api/contents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "anh.jpg", "image/jpeg", exe)), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("kiểm tra theo nội dung tệp")));
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes();
        String answer = http.perform(as(multipart("/api/contents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "../../bao-cao.pdf", "application/octet-stream", pdf)),
                        COMMUNE, "w", "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.attachments[0].fileName").value("bao-cao.pdf"))
                .andExpect(jsonPath("$.attachments[0].mediaType").value("application/pdf"))
                .andReturn().getResponse().getContentAsString();
        String url = JsonPath.read(answer, "$.attachments[0].url");
        http.perform(as(get(url), COMMUNE, "w", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf));
        http.perform(as(get(url), NEIGHBOUR, "w", "EDITOR")).andExpect(status().isNotFound());
        String aid = JsonPath.read(answer, "$.attachments[0].id");
        http.perform(get("/internal/files/" + NEIGHBOUR + "/" + id + "/" + aid)).andExpect(status().isNotFound());
    }
}
