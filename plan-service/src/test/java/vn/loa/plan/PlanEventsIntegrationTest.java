package vn.loa.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.Topics;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.Events;

/** Issue, amend and close reach the real broker as CloudEvents, keyed by the plan, valid against their schemas. */
class PlanEventsIntegrationTest extends IntegrationTestBase {

    static final String TENANT = "11242";
    static final String PLAN = """
            {"number": "%s", "title": "Kế hoạch tuyên truyền cải cách hành chính nhà nước năm 2025",
             "place": "Nguyễn Lương Bằng", "issuedOn": "2025-08-07",
             "period": {"from": "2025-08-01", "to": "2025-12-31"},
             "signer": {"authority": "TM. ỦY BAN NHÂN DÂN", "delegation": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH",
                        "name": "Đoàn Văn Cát"}}""";
    static final String RADIO = """
            {"title": "Biên soạn ít nhất 02 tin, bài về CCHC để phát trên hệ thống truyền thanh",
             "leadUnit": "Phòng Văn hóa - Xã hội", "coordinatingUnits": ["Các phòng, ban chuyên môn"],
             "productKinds": ["NEWS", "ARTICLE"], "channels": ["radio"],
             "quota": {"count": 2, "per": "QUARTER", "from": "2025-08", "to": "2025-12"},
             "due": {"date": "2025-12-31", "text": "Định kỳ hằng quý"}}""";
    static final String PORTAL = """
            {"title": "Đăng tải 06 tin/bài trên Trang thông tin điện tử xã", "leadUnit": "Văn phòng HĐND và UBND",
             "productKinds": ["NEWS"], "channels": ["portal"], "quota": {"count": 6, "per": "PLAN"}}""";

    private final EventCodec codec = new EventCodec();

    @Test
    void issuingAndAmendingAPlanPublishesItsEventsOnTheBroker() {
        String planId = draft("88/KH-UBND");
        String radioId = addTask(planId, RADIO);
        String portalId = addTask(planId, PORTAL);

        try (Events events = Events.on(Topics.PLAN_EVENTS)) {
            ResponseEntity<String> issued = post("/api/plans/" + planId + "/issue", leader(), null);
            assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json(issued.getBody()).get("status").asString()).isEqualTo("ISSUED");

            ConsumerRecord<String, byte[]> record = awaitRecords(events, planId, 1).getFirst();
            Map<String, String> h = Events.headers(record);
            assertThat(h).containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventHeaders.TYPE, "vn.loa.plan.PlanIssued.v1")
                    .containsEntry(CloudEventHeaders.SOURCE, "/loa/plan-service")
                    .containsEntry(CloudEventHeaders.SUBJECT, planId)
                    .containsEntry(CloudEventHeaders.TENANT_ID, TENANT)
                    .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                    .containsKey(CloudEventHeaders.TIME);
            assertThat(UUID.fromString(h.get(CloudEventHeaders.ID))).isNotNull();
            assertThat(EventSchemas.violations(h.get(CloudEventHeaders.TYPE), record.value())).isEmpty();
            PlanIssued event = (PlanIssued) decode(record);
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.number()).isEqualTo("88/KH-UBND");
            assertThat(event.issuedBy()).isEqualTo("leader-" + TENANT);
            assertThat(event.signer()).isEqualTo(new vn.loa.contracts.plan.PlanSigner("TM. ỦY BAN NHÂN DÂN",
                    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đoàn Văn Cát"));
            assertThat(event.tasks()).extracting(PlannedTask::taskId).containsExactly(radioId, portalId);
            assertThat(event.tasks().getFirst().quota()).isEqualTo(new Quota(2, QuotaPeriod.QUARTER,
                    java.time.YearMonth.of(2025, 8), java.time.YearMonth.of(2025, 12)));
            assertThat(event.tasks().getFirst().productKinds()).containsExactly("news", "article");

            String amendment = """
                    {"reason": "Điều chỉnh theo Công văn số 99/SKHCN", "expectedVersion": 1,
                     "added": [{"title": "Tổ chức 02 cuộc đối thoại trực tuyến", "leadUnit": "Văn phòng HĐND và UBND",
                                "productKinds": ["DIALOGUE"], "channels": ["portal"],
                                "quota": {"count": 2, "per": "PLAN"}}],
                     "changed": [{"taskId": "%s", "task": %s}],
                     "withdrawnTaskIds": ["%s"]}"""
                    .formatted(radioId, RADIO.replace("\"count\": 2", "\"count\": 3"), portalId);
            ResponseEntity<String> amended = post("/api/plans/" + planId + "/amend", leader(), amendment);
            assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json(amended.getBody()).get("version").asInt()).isEqualTo(2);

            List<ConsumerRecord<String, byte[]>> both = awaitRecords(events, planId, 2);
            ConsumerRecord<String, byte[]> second = both.get(1);
            assertThat(Events.headers(second)).containsEntry(CloudEventHeaders.TYPE, "vn.loa.plan.PlanAmended.v1")
                    .containsEntry(CloudEventHeaders.SUBJECT, planId);
            assertThat(EventSchemas.violations("vn.loa.plan.PlanAmended.v1", second.value())).isEmpty();
            PlanAmended delta = (PlanAmended) decode(second);
            assertThat(delta.version()).isEqualTo(2);
            assertThat(delta.added()).singleElement().satisfies(t -> {
                assertThat(t.taskId()).isNotIn(radioId, portalId);
                assertThat(t.order()).isEqualTo(3);
                assertThat(t.quota()).isEqualTo(new Quota(2, QuotaPeriod.PLAN, null, null));
            });
            assertThat(delta.changed()).singleElement().satisfies(t -> {
                assertThat(t.taskId()).isEqualTo(radioId);
                assertThat(t.quota().count()).isEqualTo(3);
            });
            assertThat(delta.withdrawnTaskIds()).containsExactly(portalId);
            assertThat(delta.reason()).isEqualTo("Điều chỉnh theo Công văn số 99/SKHCN");

            assertThat(post("/api/plans/" + planId + "/close", leader(), null).getStatusCode()).isEqualTo(HttpStatus.OK);
            ConsumerRecord<String, byte[]> third = awaitRecords(events, planId, 3).get(2);
            assertThat(EventSchemas.violations("vn.loa.plan.PlanClosed.v1", third.value())).isEmpty();
            assertThat(decode(third)).isInstanceOfSatisfying(PlanClosed.class, c -> assertThat(c.version()).isEqualTo(2));
        }
    }

    @Test
    void twoLeadersIssuingTheSameDraftAtOnceIssueItOnce() throws Exception {
        String planId = draft("89/KH-UBND");
        addTask(planId, PORTAL);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpStatus>> calls = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return (HttpStatus) post("/api/plans/" + planId + "/issue", leader(), null).getStatusCode();
                })).toList();
        start.countDown();
        List<HttpStatus> statuses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(statuses).filteredOn(HttpStatus.OK::equals).hasSize(1);
        try (Events events = Events.on(Topics.PLAN_EVENTS)) {
            awaitRecords(events, planId, 1);
            assertThat(events.await(Integer.MAX_VALUE, java.time.Duration.ofSeconds(1)).stream()
                    .filter(r -> planId.equals(r.key())).count()).isEqualTo(1);
        }
    }

    @Test
    void anOversizedUploadIsRefusedWith413InVietnamese() {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(new byte[11 * 1024 * 1024]) {
            @Override
            public String getFilename() {
                return "qua-lon.docx";
            }
        });
        ResponseEntity<String> response = http().post().uri("/api/plans/import").headers(h -> h.addAll(editor()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(json(response.getBody()).get("title").asString()).isEqualTo("Dữ liệu quá lớn");
    }

    @Test
    void theApiIsDescribedInOpenApiAndTheServiceIsHealthy() {
        ResponseEntity<String> docs = http().get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode paths = json(docs.getBody()).get("paths");
        assertThat(paths.has("/api/plans")).isTrue();
        assertThat(paths.has("/api/plans/{id}/amend")).isTrue();
        assertThat(paths.has("/api/plans/import")).isTrue();
        assertThat(http().get().uri("/swagger-ui/index.html").retrieve().toEntity(String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> health = http().get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(json(health.getBody()).get("status").asString()).as(health.getBody()).isEqualTo("UP");
    }

    private Object decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(EventEnvelope.fromHeaders(Events.headers(record), record.value()));
    }

    private String draft(String number) {
        ResponseEntity<String> created = post("/api/plans", editor(), PLAN.formatted(number));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json(created.getBody()).get("id").asString();
    }

    private String addTask(String planId, String task) {
        ResponseEntity<String> added = post("/api/plans/" + planId + "/tasks", editor(), task);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json(added.getBody()).get("id").asString();
    }

    private ResponseEntity<String> post(String path, org.springframework.http.HttpHeaders who, String body) {
        var request = http().post().uri(path).headers(h -> h.addAll(who));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static org.springframework.http.HttpHeaders editor() {
        return caller(TENANT, "editor-" + TENANT, "EDITOR");
    }

    private static org.springframework.http.HttpHeaders leader() {
        return caller(TENANT, "leader-" + TENANT, "LEADER");
    }
}
