package vn.loa.task.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.contracts.Topics;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.platform.outbox.Outbox;
import vn.loa.task.support.TaskTopic;
import vn.loa.task.task.Task;
import vn.loa.task.task.Tasks;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.TestBroker;

/**
 * Issue 19 on a real seed: Kỳ Lạc's plan as the demo ships it (plan-service's {@code demo/ky-lac-2025.json}, its tasks
 * issued as plan-service issues them) and a visual product recorded on {@code truc-quan} (the {@code ContentPublished}
 * content-service sends: the product's kind, no URL, place and quantity). The pano credits the task "Tuyên truyền
 * pano, áp phích, khẩu hiệu…" once, matched by channel and kind; documents at the Điểm Bưu điện văn hóa xã credit the
 * documents task; a banner posted on the portal does not count for the pano task; a retraction takes the credit back.
 */
class VisualProductCreditingTest extends IntegrationTest {

    static final String KY_LAC = "18838";
    static final Path DEMO = Path.of("..", "plan-service", "src", "main", "resources", "demo", "ky-lac-2025.json");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Tasks tasks;

    private final TestBroker broker = new TestBroker();
    private final String plan = "plan-ky-lac-" + UUID.randomUUID();

    @AfterEach
    void close() {
        broker.close();
    }

    /** Kỳ Lạc's demo plan as PlanIssued: the demo's tasks, kinds as lowercase codes, ids of this test. */
    PlanIssued kyLacPlan() throws IOException {
        JsonNode demo = JsonMapper.builder().build().readTree(Files.readString(DEMO));
        assertThat(demo.path("tenantId").asString()).isEqualTo(KY_LAC);
        JsonNode p = demo.path("plan");
        List<PlannedTask> planned = new ArrayList<>();
        int order = 0;
        for (JsonNode t : demo.path("tasks")) {
            order++;
            planned.add(new PlannedTask(plan + "-t" + order, order, t.path("title").asString(),
                    t.path("leadUnit").asString(), strings(t.path("coordinatingUnits"), false),
                    strings(t.path("productKinds"), true), strings(t.path("channels"), false), null, null));
        }
        return new PlanIssued(KY_LAC, plan, 1, p.path("number").asString(), p.path("title").asString(),
                LocalDate.parse(p.path("period").path("from").asString()),
                LocalDate.parse(p.path("period").path("to").asString()),
                LocalDate.parse(p.path("issuedOn").asString()), Instant.parse("2025-07-28T03:00:00Z"),
                "ky-lac.leader", planned);
    }

    private static List<String> strings(JsonNode array, boolean code) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(code ? n.asString().toLowerCase(Locale.ROOT).replace('_', '-') : n.asString()));
        return out;
    }

    private String taskTitled(PlanIssued issued, String start) {
        return issued.tasks().stream().filter(t -> t.title().startsWith(start) || t.title().contains(start))
                .findFirst().orElseThrow().taskId();
    }

    static ContentPublished visual(String item, String kind, String place, int quantity, String day) {
        return new ContentPublished(KY_LAC, item, kind, "Tuyên truyền CCHC bằng sản phẩm trực quan", List.of(),
                List.of(), "Phòng Văn hóa - Xã hội", VisualProduct.CHANNEL, Instant.parse(day), null,
                new VisualProduct(place, quantity));
    }

    @Test
    void aRecordedPanoCreditsKyLacsVisualTaskOnceAndItsRetractionTakesTheCreditBack() throws IOException {
        PlanIssued issued = kyLacPlan();
        String panoTask = taskTitled(issued, "Tuyên truyền pano, áp phích, khẩu hiệu");
        String documentsTask = taskTitled(issued, "Điểm Bưu điện văn hóa xã");
        broker.send(issued);

        String pano = "item-" + UUID.randomUUID();
        String documents = "item-" + UUID.randomUUID();
        String onThePortal = "item-" + UUID.randomUUID();
        ContentPublished panoUp = visual(pano, "banner", "Trụ sở UBND xã Kỳ Lạc", 2, "2025-10-14T17:00:00Z");
        broker.send(panoUp);
        broker.send(panoUp); // delivered twice
        broker.send(visual(documents, "handout", "Điểm Bưu điện văn hóa xã", 50, "2025-10-19T17:00:00Z"));
        // a banner image posted on the portal is not a pano put up: the pano task takes only the visual channel
        broker.send(new ContentPublished(KY_LAC, onThePortal, "banner", "Ảnh băng rôn", List.of(), List.of(), null,
                "portal", Instant.parse("2025-10-20T02:00:00Z"), "https://kylac.hatinh.gov.vn/anh"));
        awaitProcessedAndSent();

        var records = TaskTopic.records(broker, panoTask);
        assertThat(records).hasSize(1);
        records.forEach(r -> assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty());
        TaskCredited credited = (TaskCredited) broker.decode(records.getFirst());
        assertThat(credited.itemId()).isEqualTo(pano);
        assertThat(credited.kind()).isEqualTo("banner");
        assertThat(credited.channel()).isEqualTo("truc-quan");
        assertThat(credited.basis()).isEqualTo(CreditBasis.MATCHED);
        assertThat(credited.period()).isEqualTo("PLAN");
        assertThat(credited.totalCredited()).isEqualTo(1);
        assertThat(TaskTopic.events(broker, documentsTask)).singleElement()
                .satisfies(e -> assertThat(((TaskCredited) e).itemId()).isEqualTo(documents));
        Task task = tasks.find(Task.id(KY_LAC, panoTask)).orElseThrow();
        assertThat(task.credited()).isEqualTo(1);

        broker.send(new ContentRetracted(KY_LAC, pano, VisualProduct.CHANNEL, Instant.parse("2025-11-02T02:00:00Z"),
                "Pano đã tháo dỡ"));
        awaitProcessedAndSent();
        assertThat(TaskTopic.events(broker, panoTask)).hasSize(2).last().isInstanceOfSatisfying(
                TaskCreditWithdrawn.class, w -> assertThat(w.totalCredited()).isZero());
    }

    private void awaitProcessedAndSent() {
        eventually().until(() -> broker.caughtUp(GROUP, Topics.PLAN_EVENTS, Topics.CONTENT_EVENTS));
        eventually().until(() -> {
            List<Document> docs = mongo.find(Query.query(Criteria.where("planId").is(plan)), Document.class,
                    Tasks.COLLECTION);
            return !docs.isEmpty() && docs.stream()
                    .allMatch(d -> d.getList(Outbox.FIELD, Object.class, List.of()).isEmpty());
        });
    }
}
