package vn.loa.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.Topics;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.Events;

/**
 * Issue 3's "done when", through the service's port: the Tiên Minh 2026 plan is imported from its .docx, corrected,
 * issued and amended, and every task reaches Kafka with its quota.
 */
class TienMinhScenarioTest extends IntegrationTestBase {

    static final String TENANT = "11791";
    private final EventCodec codec = new EventCodec();

    @Test
    void importCorrectIssueAmendAndEveryTaskReachesKafkaWithItsQuota() {
        // 1. import the Word file: a draft with the annex's five tasks and what to check
        ResponseEntity<String> imported = upload(Fixtures.docx("tien-minh-2026.docx"));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json(imported.getBody());
        JsonNode draft = body.get("plan");
        String planId = draft.get("id").asString();
        assertThat(draft.get("tasks")).hasSize(5);
        assertThat(body.get("problems").findValuesAsString("field")).contains("number", "issuedOn");
        List<String> taskIds = draft.get("tasks").findValuesAsString("id");

        // 2. correct it: the number and date the draft did not have, and the quotas the annex implies
        ObjectNode fields = (ObjectNode) draft.deepCopy();
        fields.put("number", "15/KH-UBND");
        fields.put("issuedOn", "2026-03-10");
        assertThat(send("PUT", "/api/plans/" + planId, editor(), fields.toString()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ObjectNode first = (ObjectNode) draft.get("tasks").get(0).deepCopy();
        first.putObject("quota").put("count", 1).put("per", "MONTH").put("from", "2026-01").put("to", "2026-12");
        assertThat(send("PUT", "/api/plans/" + planId + "/tasks/" + taskIds.get(0), editor(), first.toString())
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        ObjectNode audio = (ObjectNode) draft.get("tasks").get(3).deepCopy();
        audio.putObject("quota").put("count", 2).put("per", "QUARTER");
        assertThat(send("PUT", "/api/plans/" + planId + "/tasks/" + taskIds.get(3), editor(), audio.toString())
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        try (Events events = Events.on(Topics.PLAN_EVENTS)) {
            // 3. a leader issues it
            assertThat(send("POST", "/api/plans/" + planId + "/issue", editor(), null).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            ResponseEntity<String> issued = send("POST", "/api/plans/" + planId + "/issue", leader(), null);
            assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(json(issued.getBody()).get("status").asString()).isEqualTo("ISSUED");

            // 4. and amends it: one more task, a quota raised
            String amendment = """
                    {"reason": "Bổ sung nhiệm vụ tuyên truyền trên Zalo OA", "expectedVersion": 1,
                     "added": [{"title": "Đăng tải tin, bài tuyên truyền CCHC trên Zalo OA của xã",
                                "leadUnit": "Trung tâm Dịch vụ Sự nghiệp công", "productKinds": ["NEWS", "ARTICLE"],
                                "channels": ["zalo-oa"], "quota": {"count": 2, "per": "MONTH", "from": "2026-04",
                                "to": "2026-12"}, "due": {"text": "Năm 2026"}}],
                     "changed": [{"taskId": "%s", "task": %s}]}"""
                    .formatted(taskIds.get(1), ((ObjectNode) draft.get("tasks").get(1).deepCopy())
                            .set("quota", JSON.readTree("{\"count\": 3, \"per\": \"PLAN\"}")).toString());
            ResponseEntity<String> amended = send("POST", "/api/plans/" + planId + "/amend", leader(), amendment);
            assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode finalPlan = json(amended.getBody());
            assertThat(finalPlan.get("version").asInt()).isEqualTo(2);

            // 5. what reached Kafka: PlanIssued then PlanAmended, both valid; every task with its quota
            List<ConsumerRecord<String, byte[]>> records = awaitRecords(events, planId, 2);
            Map<String, PlannedTask> onKafka = new HashMap<>();
            PlanIssued issuedEvent = (PlanIssued) decode(records.get(0));
            issuedEvent.tasks().forEach(t -> onKafka.put(t.taskId(), t));
            PlanAmended amendedEvent = (PlanAmended) decode(records.get(1));
            amendedEvent.added().forEach(t -> onKafka.put(t.taskId(), t));
            amendedEvent.changed().forEach(t -> onKafka.put(t.taskId(), t));
            for (ConsumerRecord<String, byte[]> r : records) {
                assertThat(EventSchemas.violations(Events.headers(r).get(CloudEventHeaders.TYPE), r.value())).isEmpty();
                assertThat(Events.headers(r)).containsEntry(CloudEventHeaders.TENANT_ID, TENANT);
            }
            assertThat(issuedEvent.number()).isEqualTo("15/KH-UBND");
            assertThat(issuedEvent.tasks()).hasSize(5);

            JsonNode tasks = finalPlan.get("tasks");
            assertThat(onKafka).hasSize(tasks.size()).hasSize(6);
            for (JsonNode task : tasks) {
                PlannedTask sent = onKafka.get(task.get("id").asString());
                assertThat(sent).as(task.get("title").asString()).isNotNull();
                JsonNode quota = task.get("quota");
                if (quota.isNull()) {
                    assertThat(sent.quota()).isNull();
                } else {
                    assertThat(sent.quota().count()).isEqualTo(quota.get("count").asInt());
                    assertThat(sent.quota().per().name()).isEqualTo(quota.get("per").asString());
                }
                assertThat(sent.leadUnit()).isEqualTo(task.get("leadUnit").asString());
            }
            assertThat(onKafka.get(taskIds.get(0)).quota()).isEqualTo(new Quota(1, QuotaPeriod.MONTH,
                    java.time.YearMonth.of(2026, 1), java.time.YearMonth.of(2026, 12)));
            assertThat(onKafka.get(taskIds.get(1)).quota()).isEqualTo(new Quota(3, QuotaPeriod.PLAN, null, null));
            assertThat(onKafka.get(taskIds.get(3)).quota()).isEqualTo(new Quota(2, QuotaPeriod.QUARTER, null, null));
            assertThat(onKafka.get(taskIds.get(4)).due().date()).hasToString("2026-11-30");
            assertThat(amendedEvent.added()).singleElement().satisfies(t -> {
                assertThat(t.channels()).containsExactly("zalo-oa");
                assertThat(t.due().date()).hasToString("2026-12-31"); // read from "Năm 2026"
            });
        }
    }

    private Object decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(EventEnvelope.fromHeaders(Events.headers(record), record.value()));
    }

    private ResponseEntity<String> upload(byte[] docx) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(docx) {
            @Override
            public String getFilename() {
                return "tien-minh-2026.docx";
            }
        });
        return http().post().uri("/api/plans/import").headers(h -> h.addAll(editor()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> send(String method, String path, HttpHeaders who, String body) {
        var request = http().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .headers(h -> h.addAll(who));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static HttpHeaders editor() {
        return caller(TENANT, "tien-minh.editor", "EDITOR");
    }

    private static HttpHeaders leader() {
        return caller(TENANT, "tien-minh.leader", "LEADER");
    }
}
