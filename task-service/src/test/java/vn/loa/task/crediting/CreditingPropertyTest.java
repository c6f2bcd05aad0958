package vn.loa.task.crediting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterTry;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.testsupport.MutableClock;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskServiceCore;
import vn.loa.task.task.Task;

/**
 * Exactly once in effect: whatever the order, the duplicates, and the number of consumers racing, a random history
 * of one plan's publications and retractions ends in the counts a ground-truth model computes straight from the rule
 * (docs/crediting.md). Runs the real crediting on an in-memory database.
 */
class CreditingPropertyTest {

    private static final String TENANT = Samples.TENANT;
    private static final String PLAN = "plan-prop";
    private static final PlanIssued PLAN_ISSUED = Samples.plan(TENANT, PLAN);
    private static final List<String> CHANNELS = Arrays.asList(
            "portal", "zalo-oa", "loa-truyen-thanh", "facebook", null);
    private static final List<String> KINDS = List.of("news", "article", "radio", "meeting", "infographic", "report");
    /** Instants on and around the bucket boundaries of the plan (in UTC; the commune is UTC+7). */
    private static final List<Instant> EDGES = List.of(
            Instant.parse("2025-07-31T16:59:59Z"), Instant.parse("2025-07-31T17:00:00Z"),
            Instant.parse("2025-08-31T16:30:00Z"), Instant.parse("2025-08-31T17:00:00Z"),
            Instant.parse("2025-09-30T16:59:59Z"), Instant.parse("2025-09-30T17:00:00Z"),
            Instant.parse("2025-12-31T16:59:59Z"), Instant.parse("2025-12-31T17:00:00Z"));

    private final List<TaskServiceCore> cores = new ArrayList<>();

    /** One item's history: what it is and everything that happened to it. */
    record Item(String id, String kind, List<String> named, List<ContentPublished> publications,
            List<ContentRetracted> retractions) {
    }

    /** A channel (null: an activity) and an instant. */
    record ChannelAt(String channel, Instant at) {
    }

    /** A history, delivered in a shuffled order with some events twice. */
    record Scenario(List<Item> items, long shuffleSeed, List<Integer> duplicated) {

        List<LoaEvent> distinctEvents() {
            List<LoaEvent> events = new ArrayList<>();
            events.add(PLAN_ISSUED);
            items.forEach(i -> {
                events.addAll(i.publications());
                events.addAll(i.retractions());
            });
            return events;
        }

        List<LoaEvent> delivered() {
            List<LoaEvent> distinct = distinctEvents();
            List<LoaEvent> all = new ArrayList<>(distinct);
            duplicated.forEach(i -> all.add(distinct.get(i % distinct.size())));
            Collections.shuffle(all, new Random(shuffleSeed));
            return all;
        }
    }

    @Property(tries = 150)
    void anyOrderAndAnyDuplicationEndInTheCountsOfTheRule(@ForAll("scenarios") Scenario scenario) {
        TaskServiceCore core = core();
        scenario.delivered().forEach(core::handle);

        assertCountsOfTheRule(core, scenario);
    }

    @Property(tries = 60)
    void twoConsumersRacingEndInTheCountsOfTheRule(@ForAll("scenarios") Scenario scenario) throws Exception {
        TaskServiceCore core = core();
        List<LoaEvent> delivered = scenario.delivered();
        List<LoaEvent> first = new ArrayList<>();
        List<LoaEvent> second = new ArrayList<>();
        Random split = new Random(scenario.shuffleSeed() + 1);
        delivered.forEach(e -> (split.nextBoolean() ? first : second).add(e));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> consumers = new ArrayList<>();
            for (List<LoaEvent> share : List.of(first, second)) {
                consumers.add(pool.submit(() -> {
                    start.await();
                    share.forEach(core::handle);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> consumer : consumers) {
                consumer.get();
            }
        } finally {
            pool.shutdown();
        }

        assertCountsOfTheRule(core, scenario);
    }

    @AfterTry
    void dropDatabases() {
        cores.forEach(TaskServiceCore::drop);
        cores.clear();
    }

    private TaskServiceCore core() {
        TaskServiceCore core = new TaskServiceCore(new MutableClock(Instant.parse("2025-09-15T03:00:00Z")));
        cores.add(core);
        return core;
    }

    private static void assertCountsOfTheRule(TaskServiceCore core, Scenario scenario) {
        for (PlannedTask planned : PLAN_ISSUED.tasks()) {
            Map<String, Integer> expected = GroundTruth.counts(planned, scenario.items());
            Task task = core.task(TENANT, planned.taskId());
            Map<String, Integer> actual = new TreeMap<>();
            task.buckets().stream().filter(b -> b.credited() > 0).forEach(b -> actual.put(b.period(), b.credited()));
            int total = expected.values().stream().mapToInt(Integer::intValue).sum();

            assertThat(actual).as("buckets of %s", planned.taskId()).isEqualTo(expected);
            assertThat(task.credited()).as("total of %s", planned.taskId()).isEqualTo(total);
            assertThat(task.credits().stream().filter(c -> c.active()).map(c -> c.itemId()).distinct().count())
                    .as("an item credits a task once").isEqualTo(total);
            // each bucket's count, moved one by one, is the number of its active credits
            task.buckets().forEach(b -> assertThat(task.credits().stream()
                    .filter(c -> c.active() && c.period().equals(b.period())).count())
                    .as("active credits of %s in %s", planned.taskId(), b.period()).isEqualTo(b.credited()));

            // the events tell the same story: credits minus withdrawals, and the last count they carry
            List<TaskEvent> events = core.events(TENANT, planned.taskId());
            long net = events.stream().mapToLong(e -> e instanceof TaskCredited ? 1
                    : e instanceof TaskCreditWithdrawn ? -1 : 0).sum();
            assertThat(net).as("credited minus withdrawn events of %s", planned.taskId()).isEqualTo(total);
            events.stream().reduce((a, b) -> b).ifPresent(last -> assertThat(switch (last) {
                case TaskCredited c -> c.totalCredited();
                case TaskCreditWithdrawn w -> w.totalCredited();
                default -> total;
            }).as("last total carried by the events").isEqualTo(total));
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<Item>> items = item().list().ofMinSize(1).ofMaxSize(6)
                .map(list -> {
                    // give each item its own id, whatever the generator drew
                    List<Item> distinct = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        distinct.add(renamed(list.get(i), "item-" + i));
                    }
                    return distinct;
                });
        return Combinators.combine(items, Arbitraries.longs(),
                Arbitraries.integers().between(0, 1000).list().ofMaxSize(8)).as(Scenario::new);
    }

    private static Arbitrary<Item> item() {
        Arbitrary<String> kind = Arbitraries.of(KINDS);
        Arbitrary<List<String>> named = Arbitraries.frequencyOf(
                Tuple.of(7, Arbitraries.just(List.<String>of())),
                Tuple.of(2, Arbitraries.of(PLAN_ISSUED.tasks()).map(t -> List.of(t.taskId()))),
                Tuple.of(1, Arbitraries.just(List.of(Samples.news(PLAN), Samples.fees(PLAN)))));
        Arbitrary<List<ChannelAt>> publications = channelAt().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<ChannelAt>> retractions = channelAt().list().ofMaxSize(2);
        return Combinators.combine(kind, named, publications, retractions).as((k, n, pubs, rets) -> new Item("item",
                k, n, pubs.stream().map(p -> Samples.published(TENANT, "item", k, p.channel(), p.at().toString(),
                        n.toArray(String[]::new))).toList(),
                rets.stream().map(r -> Samples.retracted(TENANT, "item", r.channel(), r.at().toString()))
                        .toList()));
    }

    private static Arbitrary<ChannelAt> channelAt() {
        Arbitrary<Instant> anyTime = Arbitraries.longs()
                .between(Instant.parse("2025-07-25T00:00:00Z").getEpochSecond(),
                        Instant.parse("2026-01-05T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        Arbitrary<Instant> at = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(EDGES)),
                Tuple.of(2, anyTime));
        return Combinators.combine(Arbitraries.of(CHANNELS), at).as(ChannelAt::new);
    }

    private static Item renamed(Item item, String id) {
        return new Item(id, item.kind(), item.named(),
                item.publications().stream().map(p -> new ContentPublished(p.tenantId(), id, p.kind(), p.title(),
                        p.themes(), p.taskIds(), p.unit(), p.channel(), p.publishedAt(), p.url())).toList(),
                item.retractions().stream().map(r -> new ContentRetracted(r.tenantId(), id, r.channel(),
                        r.retractedAt(), r.reason())).toList());
    }

    /**
     * The rule, written again as plainly as possible and without any of the production code: per task, per item,
     * the earliest live qualifying publication decides the bucket.
     */
    static final class GroundTruth {

        /** Written out again on purpose, rather than taken from the production code under test. */
        private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

        static Map<String, Integer> counts(PlannedTask task, List<Item> items) {
            Map<String, Integer> counts = new HashMap<>();
            LocalDate first = task.quota() != null && task.quota().from() != null ? task.quota().from().atDay(1)
                    : Samples.PLAN_FROM;
            LocalDate last = task.quota() != null && task.quota().to() != null ? task.quota().to().atEndOfMonth()
                    : Samples.PLAN_TO;
            Instant windowStart = first.atStartOfDay(HANOI).toInstant();
            Instant windowEnd = last.plusDays(1).atStartOfDay(HANOI).toInstant();
            QuotaPeriod per = task.quota() == null ? QuotaPeriod.PLAN : task.quota().per();
            for (Item item : items) {
                Instant earliest = null;
                for (ContentPublished p : item.publications()) {
                    boolean qualifies = item.named().isEmpty()
                            ? task.productKinds().contains(p.kind())
                                    && (p.channel() == null || task.channels().contains(p.channel()))
                            : item.named().contains(task.taskId());
                    boolean inWindow = !p.publishedAt().isBefore(windowStart) && p.publishedAt().isBefore(windowEnd);
                    boolean live = item.retractions().stream().noneMatch(r -> Objects.equals(
                            r.channel(), p.channel()) && !r.retractedAt().isBefore(p.publishedAt()));
                    if (qualifies && inWindow && live && (earliest == null || p.publishedAt().isBefore(earliest))) {
                        earliest = p.publishedAt();
                    }
                }
                if (earliest != null) {
                    counts.merge(label(per, earliest), 1, Integer::sum);
                }
            }
            return new TreeMap<>(counts);
        }

        static String label(QuotaPeriod per, Instant at) {
            ZonedDateTime local = at.atZone(HANOI);
            int month = local.getMonthValue();
            return switch (per) {
                case MONTH -> String.format("%04d-%02d", local.getYear(), month);
                case QUARTER -> local.getYear() + "-Q" + ((month + 2) / 3);
                case HALF_YEAR -> local.getYear() + (month <= 6 ? "-H1" : "-H2");
                case YEAR -> String.valueOf(local.getYear());
                case PLAN -> "PLAN";
            };
        }
    }
}
