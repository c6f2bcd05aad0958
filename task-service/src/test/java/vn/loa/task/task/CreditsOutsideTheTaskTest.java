package vn.loa.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.task.support.Samples.published;
import static vn.loa.task.support.Samples.retracted;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.testsupport.MutableClock;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskServiceCore;

/**
 * The credits live beside the task, one document per (task, item), so that the task's document stays the same size
 * however many credits it has had (ADR 0006); and a save writes the whole state, so what an amendment removed is gone.
 */
class CreditsOutsideTheTaskTest {

    private static final String TENANT = "10804";
    private static final String PLAN = "plan-credits";

    private final TaskServiceCore core = new TaskServiceCore(new MutableClock(Instant.parse("2025-12-20T03:00:00Z")));

    @AfterEach
    void drop() {
        core.drop();
    }

    @Test
    void theTasksDocumentDoesNotGrowWithItsCredits() {
        core.handle(Samples.plan(TENANT, PLAN));
        int largestOfTheFirst = 0;
        int last = 0;
        for (int i = 0; i < 100; i++) {
            core.handle(published(TENANT, "item-%03d".formatted(i), "news", "portal", "2025-09-02T01:00:00Z"));
            last = taskWithoutOutbox().toJson().length();
            if (i < 2 * Task.MAX_UNFILED) {
                largestOfTheFirst = Math.max(largestOfTheFirst, last);
            }
        }

        Document stored = taskWithoutOutbox();
        assertThat(stored.containsKey("credits")).isFalse();
        assertThat(stored.getList("unfiled", Document.class)).hasSizeLessThanOrEqualTo(Task.MAX_UNFILED);
        // the counts grow by a digit; a hundred credits inside the document would add kilobytes
        assertThat(last).isLessThanOrEqualTo(largestOfTheFirst + 16);
        long filed = core.mongo.getCollection(Credits.COLLECTION).countDocuments();
        assertThat(filed + stored.getList("unfiled", Document.class).size()).as("each item in one place or both")
                .isGreaterThanOrEqualTo(100);
        assertThat(filed).as("copied out in batches").isGreaterThanOrEqualTo(100 - Task.MAX_UNFILED);
        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.credited()).isEqualTo(100);
        assertThat(news.bucket("2025-09").orElseThrow().credited()).isEqualTo(100);
        assertThat(news.credits()).filteredOn(Credit::active).extracting(Credit::itemId).doesNotHaveDuplicates()
                .hasSize(100);
    }

    @Test
    void aCreditStillUnfiledIsSeenAndWithdrawnLikeAFiledOne() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:00:00Z"));
        assertThat(core.mongo.getCollection(Credits.COLLECTION).countDocuments()).as("not filed yet").isZero();

        core.handle(retracted(TENANT, "item-1", "portal", "2025-09-03T01:00:00Z"));

        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.credited()).isZero();
        assertThat(news.credits()).singleElement().satisfies(c -> assertThat(c.active()).isFalse());
        assertThat(taskWithoutOutbox().getList("unfiled", Document.class)).as("the withdrawal replaced the credit")
                .hasSize(1);
    }

    @Test
    void anAmendmentThatTakesAwayTheQuotaAndTheDueDateClearsThem() {
        core.handle(Samples.plan(TENANT, PLAN));
        PlannedTask before = Samples.newsTask(PLAN);
        PlannedTask noQuotaNoDue = new PlannedTask(before.taskId(), before.order(), before.title(), before.leadUnit(),
                before.coordinatingUnits(), before.productKinds(), before.channels(), null, null);

        core.handle(new PlanAmended(TENANT, PLAN, 2, List.of(), List.of(noQuotaNoDue), List.of(),
                "Bỏ chỉ tiêu và thời hạn", Instant.parse("2025-09-10T00:00:00Z"), "u-chu-tich"));

        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.quota()).isNull();
        assertThat(news.dueDate()).isNull();
        assertThat(news.dueText()).isNull();
        Document stored = taskWithoutOutbox();
        assertThat(stored).doesNotContainKeys("quota", "dueDate", "dueText");
    }

    @Test
    void aCopyNeverReplacesANewerOne() {
        Credits credits = new Credits(core.mongo);
        Credit credit = new Credit("c-1", "item-1", "news", "portal", Instant.parse("2025-09-02T01:00:00Z"),
                "2025-09", vn.loa.contracts.task.CreditBasis.MATCHED, Instant.parse("2025-09-02T01:00:01Z"), null);
        ItemCredits newer = new ItemCredits("t|item-1", TENANT, "t", "item-1", 5, List.of(credit));
        ItemCredits older = new ItemCredits("t|item-1", TENANT, "t", "item-1", 3, List.of());

        credits.file(List.of(newer));
        credits.file(List.of(older));
        credits.file(List.of(newer));

        assertThat(credits.ofTask("t")).containsExactly(newer);
    }

    @Test
    void creditsKeptInsideTheTaskByThePreviousVersionAreMovedOutAtStart() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:00:00Z"));
        core.handle(published(TENANT, "item-2", "news", "portal", "2025-10-02T01:00:00Z"));
        Task news = core.task(TENANT, Samples.news(PLAN));
        // as the previous version stored it: every credit in the task, nothing beside it
        Document stored = core.mongo.findById(news.id(), Document.class, Tasks.COLLECTION);
        Document legacy = new Document(stored);
        legacy.remove("unfiled");
        legacy.put("credits", news.credits().stream().map(c -> {
            Document d = new Document();
            core.mongo.getConverter().write(c, d);
            d.remove("_class");
            return d;
        }).toList());
        core.mongo.getCollection(Tasks.COLLECTION).replaceOne(new Document("_id", news.id()), legacy);
        core.mongo.dropCollection(Credits.COLLECTION);

        new Tasks(core.mongo, null); // a new version starting on that data

        assertThat(core.mongo.findById(news.id(), Document.class, Tasks.COLLECTION)).doesNotContainKey("credits");
        assertThat(core.mongo.getCollection(Credits.COLLECTION).countDocuments()).isEqualTo(2);
        core.handle(retracted(TENANT, "item-1", "portal", "2025-10-05T01:00:00Z"));
        Task after = core.task(TENANT, Samples.news(PLAN));
        assertThat(after.credited()).isEqualTo(1);
        assertThat(after.bucket("2025-09").orElseThrow().credited()).isZero();
        assertThat(after.bucket("2025-10").orElseThrow().credited()).isEqualTo(1);
    }

    private Document taskWithoutOutbox() {
        Document stored = core.mongo.findById(Task.id(TENANT, Samples.news(PLAN)), Document.class, Tasks.COLLECTION);
        stored.remove("outbox");
        return stored;
    }
}
