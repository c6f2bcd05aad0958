package vn.loa.task.crediting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.task.support.Samples.TENANT;
import static vn.loa.task.support.Samples.published;
import static vn.loa.task.support.Samples.retracted;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.testsupport.MutableClock;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskServiceCore;
import vn.loa.task.task.Bucket;
import vn.loa.task.task.Task;

/** Crediting on a real (in-memory) database, through the same entry points as the bindings. */
class CreditingTest {

    private static final String PLAN = "plan-2025-021";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-15T03:00:00Z"));
    private final TaskServiceCore core = new TaskServiceCore(clock);

    @AfterEach
    void drop() {
        core.drop();
    }

    @Test
    void aPublicationCreditsTheMatchingTaskInTheBucketOfItsMonthWithTheCountsAfterIt() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z"));

        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.credited()).isEqualTo(1);
        assertThat(news.bucket("2025-09").map(Bucket::credited)).contains(1);
        TaskCredited credited = (TaskCredited) core.events(TENANT, Samples.news(PLAN)).getFirst();
        assertThat(credited.itemId()).isEqualTo("item-1");
        assertThat(credited.period()).isEqualTo("2025-09");
        assertThat(credited.basis()).isEqualTo(CreditBasis.MATCHED);
        assertThat(credited.channel()).isEqualTo("portal");
        assertThat(credited.periodCredited()).isEqualTo(1);
        assertThat(credited.periodTarget()).isEqualTo(1);
        assertThat(credited.totalCredited()).isEqualTo(1);
        // the same item is news on the portal, so it also matches the fee guidance task (its window starts in October)
        assertThat(core.task(TENANT, Samples.fees(PLAN)).credited()).isZero();
    }

    @Test
    void aPublicationReadBeforeThePlanThatCreatesItsTaskCountsOnceThePlanArrives() {
        core.handle(published(TENANT, "item-1", "news", "zalo-oa", "2025-08-20T02:00:00Z"));
        core.handle(Samples.plan(TENANT, PLAN));

        assertThat(core.task(TENANT, Samples.news(PLAN)).bucket("2025-08").map(Bucket::credited)).contains(1);
    }

    @Test
    void tasksStoredBeforeTheCommunesCatalogueExistedAreStillFoundAndOnlyTheirCommunesAre() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(Samples.plan("10801", PLAN));
        // data from before the catalogue: the tasks exist, the catalogue does not
        core.mongo.dropCollection("task_catalogue");

        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z"));

        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).isEqualTo(1);
        assertThat(core.task("10801", Samples.news(PLAN)).credited()).as("another commune's task").isZero();
        org.bson.Document catalogue = core.mongo.findById(TENANT, org.bson.Document.class, "task_catalogue");
        assertThat(catalogue.getList("tasks", org.bson.Document.class)).extracting(d -> d.getString("taskId"))
                .contains(Samples.news(PLAN), Samples.fees(PLAN));
    }

    @Test
    void anItemCreditedByKindIsStillWithdrawnAfterAnAmendmentTookThatKindAway() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z"));
        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.credited()).isEqualTo(1);
        PlannedTask articlesOnly = new PlannedTask(Samples.news(PLAN), 1, "Đăng tải bài viết (điều chỉnh)",
                Samples.OFFICE, List.of(), List.of("article"), List.of("portal"),
                new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)), null);
        core.handle(new PlanAmended(TENANT, PLAN, 2, List.of(), List.of(articlesOnly), List.of(),
                "Chỉ tính bài viết", Instant.parse("2025-09-10T00:00:00Z"), "u-chu-tich"));
        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).as("credited before the amendment").isEqualTo(1);

        // the item's retraction must still reach the task, which no longer accepts news
        core.handle(retracted(TENANT, "item-1", "portal", "2025-09-12T00:00:00Z"));

        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).isZero();
    }

    @Test
    void duplicatesAndASecondChannelAddNothing() {
        core.handle(Samples.plan(TENANT, PLAN));
        var portal = published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z");
        core.handle(portal);
        core.handle(portal);
        core.handle(published(TENANT, "item-1", "news", "zalo-oa", "2025-09-02T01:20:00Z"));
        core.handle(Samples.plan(TENANT, PLAN));

        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).isEqualTo(1);
        assertThat(core.events(TENANT, Samples.news(PLAN))).hasSize(1);
    }

    @Test
    void aRetractionWithdrawsTheCreditOnlyWhenNoQualifyingPublicationRemains() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z"));
        core.handle(published(TENANT, "item-1", "news", "zalo-oa", "2025-09-02T01:20:00Z"));

        core.handle(retracted(TENANT, "item-1", "zalo-oa", "2025-09-03T07:30:00Z"));
        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).isEqualTo(1);

        core.handle(retracted(TENANT, "item-1", "portal", "2025-09-03T07:35:00Z"));
        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.credited()).isZero();
        assertThat(news.credits()).singleElement().satisfies(c -> {
            assertThat(c.active()).isFalse();
            assertThat(c.withdrawal().by()).isNull();
            assertThat(c.withdrawal().reason()).contains("gỡ khỏi mọi kênh");
        });
        List<TaskEvent> events = core.events(TENANT, Samples.news(PLAN));
        assertThat(events).hasSize(2);
        TaskCreditWithdrawn withdrawn = (TaskCreditWithdrawn) events.get(1);
        assertThat(withdrawn.creditId()).isEqualTo(((TaskCredited) events.get(0)).creditId());
        assertThat(withdrawn.periodCredited()).isZero();
        assertThat(withdrawn.totalCredited()).isZero();
    }

    @Test
    void aRetractionReadBeforeItsPublicationStillTakesItDown() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(retracted(TENANT, "item-1", "portal", "2025-09-03T07:35:00Z"));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z"));

        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).isZero();
        assertThat(core.events(TENANT, Samples.news(PLAN))).isEmpty();
    }

    @Test
    void aRepublicationAfterARetractionCountsAgain() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z"));
        core.handle(retracted(TENANT, "item-1", "portal", "2025-09-03T07:35:00Z"));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-09-04T01:00:00Z"));

        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.credited()).isEqualTo(1);
        assertThat(news.activeCreditOf("item-1").orElseThrow().publishedAt())
                .isEqualTo(Instant.parse("2025-09-04T01:00:00Z"));
    }

    @Test
    void anEarlierPublicationReadLateMovesTheCreditToItsBucket() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "zalo-oa", "2025-09-01T02:00:00Z"));
        // 23:30 on 31 August in the commune: still August
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-08-31T16:30:00Z"));

        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.bucket("2025-08").map(Bucket::credited)).contains(1);
        assertThat(news.bucket("2025-09").map(Bucket::credited)).contains(0);
        assertThat(news.credited()).isEqualTo(1);
        assertThat(core.events(TENANT, Samples.news(PLAN)))
                .extracting(e -> e.getClass().getSimpleName() + " " + period(e))
                .containsExactly("TaskCredited 2025-09", "TaskCreditWithdrawn 2025-09", "TaskCredited 2025-08");
    }

    @Test
    void anItemThatNamesATaskCreditsThatTaskWhateverItsChannelAndNoOther() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "facebook", "2025-10-05T02:00:00Z", Samples.radio(PLAN)));

        assertThat(core.task(TENANT, Samples.radio(PLAN)).activeCreditOf("item-1").orElseThrow().basis())
                .isEqualTo(CreditBasis.EXPLICIT);
        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).isZero();
        assertThat(core.task(TENANT, Samples.fees(PLAN)).credited()).isZero();
    }

    @Test
    void anActivityHeldCreditsByKindAndDateAlone() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "activity-1", "meeting", null, "2025-10-14T17:00:00Z"));

        Task dialogue = core.task(TENANT, Samples.dialogue(PLAN));
        assertThat(dialogue.bucket("PLAN").map(Bucket::credited)).contains(1);
        assertThat(dialogue.activeCreditOf("activity-1").orElseThrow().channel()).isNull();
    }

    @Test
    void anAmendmentKeepsEarnedCreditsAndAppliesNewTermsFromThenOn() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-aug", "news", "portal", "2025-08-10T02:00:00Z"));
        PlannedTask twoAMonthFromOctober = new PlannedTask(Samples.news(PLAN), 1, "Đăng tải tin, bài (điều chỉnh)",
                Samples.OFFICE, List.of(), List.of("news"), List.of("portal"),
                new Quota(2, QuotaPeriod.MONTH, YearMonth.of(2025, 10), YearMonth.of(2025, 12)),
                null);
        core.handle(new PlanAmended(TENANT, PLAN, 2, List.of(), List.of(twoAMonthFromOctober), List.of(),
                "Điều chỉnh theo Công văn số 1152/UBND-NV", Instant.parse("2025-09-30T02:00:00Z"), "u-chu-tich"));
        // zalo-oa no longer counts after the amendment, but did before it
        core.handle(published(TENANT, "item-sep", "article", "zalo-oa", "2025-09-12T02:00:00Z"));
        core.handle(published(TENANT, "item-oct", "news", "zalo-oa", "2025-10-12T02:00:00Z"));

        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.buckets()).extracting(b -> b.period() + "/" + b.target() + "/" + b.credited())
                .containsExactly("2025-08/1/1", "2025-09/1/1", "2025-10/2/0", "2025-11/2/0", "2025-12/2/0");
        assertThat(news.credited()).isEqualTo(2);
    }

    @Test
    void aTaskAddedByAnAmendmentGetsThePlanPeriodAndCountsWhatWasPublishedBefore() {
        core.handle(Samples.plan(TENANT, PLAN, List.of(Samples.newsTask(PLAN))));
        core.handle(published(TENANT, "activity-1", "meeting", null, "2025-08-20T01:00:00Z"));
        core.handle(new PlanAmended(TENANT, PLAN, 2, List.of(Samples.dialogueTask(PLAN)), List.of(), List.of(),
                "Bổ sung nhiệm vụ đối thoại", Instant.parse("2025-09-30T02:00:00Z"), "u-chu-tich"));

        Task dialogue = core.task(TENANT, Samples.dialogue(PLAN));
        assertThat(dialogue.buckets()).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(Instant.parse("2025-07-31T17:00:00Z"));
            assertThat(b.end()).isEqualTo(Instant.parse("2025-12-31T17:00:00Z"));
        });
        assertThat(dialogue.credited()).isEqualTo(1);
    }

    @Test
    void anAmendmentOfAPlanNeverIssuedCannotBeAppliedAndIsLeftToTheRetriesAndDeadLetters() {
        assertThatThrownBy(() -> core.handle(new PlanAmended(TENANT, "plan-unknown", 2,
                List.of(Samples.dialogueTask("plan-unknown")), List.of(), List.of(), null,
                Instant.parse("2025-09-30T02:00:00Z"), "u-chu-tich")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWithdrawnTaskKeepsItsCreditsAndTakesNoMore() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "radio", "loa-truyen-thanh", "2025-10-02T02:00:00Z"));
        core.handle(new PlanAmended(TENANT, PLAN, 2, List.of(), List.of(), List.of(Samples.radio(PLAN)), null,
                Instant.parse("2025-10-20T02:00:00Z"), "u-chu-tich"));
        core.handle(published(TENANT, "item-2", "radio", "loa-truyen-thanh", "2025-10-25T02:00:00Z"));
        // a retraction after the withdrawal does not reopen the past either
        core.handle(retracted(TENANT, "item-1", "loa-truyen-thanh", "2025-10-26T02:00:00Z"));

        Task radio = core.task(TENANT, Samples.radio(PLAN));
        assertThat(radio.credited()).isEqualTo(1);
        assertThat(radio.buckets()).allMatch(Bucket::cancelled);
    }

    @Test
    void closingAPlanClosesItsRunningBucketsAndStopsCrediting() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-12-02T02:00:00Z"));
        core.handle(new PlanClosed(TENANT, PLAN, 1, Instant.parse("2025-12-10T02:00:00Z"), "u-chu-tich"));
        core.handle(published(TENANT, "item-2", "news", "portal", "2025-12-12T02:00:00Z"));

        Task news = core.task(TENANT, Samples.news(PLAN));
        assertThat(news.credited()).isEqualTo(1);
        assertThat(news.buckets()).allMatch(Bucket::closed);
        assertThat(core.events(TENANT, Samples.news(PLAN))).filteredOn(TaskPeriodClosed.class::isInstance)
                .hasSize(5);
    }

    @Test
    void twoClosersRacingCloseEachBucketExactlyOnce() throws Exception {
        core.handle(Samples.plan(TENANT, PLAN));
        core.handle(published(TENANT, "item-1", "news", "portal", "2025-08-02T02:00:00Z"));
        clock.set(Instant.parse("2025-10-01T00:00:00Z")); // August and September (and Q3) are over

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> pass = core.closer::closeEndedPeriods;
            List<Future<Integer>> passes = pool.invokeAll(List.of(pass, pass, pass, pass));
            for (Future<Integer> f : passes) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        core.closer.closeEndedPeriods(); // a later pass, as after a restart, finds nothing left

        List<TaskPeriodClosed> closed = core.events(TENANT, Samples.news(PLAN)).stream()
                .filter(TaskPeriodClosed.class::isInstance).map(TaskPeriodClosed.class::cast).toList();
        assertThat(closed).extracting(c -> c.period() + " " + c.outcome() + " " + c.closedAt())
                .containsExactly("2025-08 MET 2025-08-31T17:00:00Z", "2025-09 MISSED 2025-09-30T17:00:00Z");
        assertThat(closed.get(0).outcome()).isEqualTo(PeriodOutcome.MET);
        assertThat(core.events(TENANT, Samples.radio(PLAN))).isEmpty(); // its first quarter has not ended
    }

    @Test
    void aSettlingThatReadAStaleLedgerGoesRoundAgainUntilItHasReadTheLatest() {
        core.handle(Samples.plan(TENANT, PLAN));
        core.ledgers.record(published(TENANT, "item-1", "news", "portal", "2025-09-02T01:15:00Z"));
        ItemLedger beforeTheRetraction = core.ledgers.find(TENANT, "item-1").orElseThrow();
        // another consumer records a retraction (and would settle it) while this one still holds the old ledger
        core.ledgers.record(retracted(TENANT, "item-1", "portal", "2025-09-03T07:35:00Z"));
        ItemLedgers staleOnce = new ItemLedgers(core.mongo) {
            private boolean served;

            @Override
            public Optional<ItemLedger> find(String tenantId, String itemId) {
                if (!served) {
                    served = true;
                    return Optional.of(beforeTheRetraction);
                }
                return super.find(tenantId, itemId);
            }
        };

        new Crediting(staleOnce, core.tasks, clock).settle(TENANT, "item-1");

        assertThat(core.task(TENANT, Samples.news(PLAN)).credited()).isZero();
        assertThat(core.events(TENANT, Samples.news(PLAN))).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TaskCredited", "TaskCreditWithdrawn");
    }

    private static String period(TaskEvent e) {
        return switch (e) {
            case TaskCredited c -> c.period();
            case TaskCreditWithdrawn w -> w.period();
            case TaskPeriodClosed p -> p.period();
        };
    }
}
