package vn.loa.bench.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import vn.loa.contracts.Topics;

/**
 * The fault suite ({@code ./loa chaos}, issue 9): a known workload through the gateway of the running embedded stack
 * while, on a schedule, the Kafka broker, the database and every service are killed with SIGKILL and restarted — two
 * task-service instances in one consumer group among them — then every count is checked against the ground truth.
 *
 * <ol>
 *   <li>Waits until the consumer groups have no lag, reads the baseline (every task's credits in task-service, every
 *       commune dashboard in report-service, the end offset of every topic) and chooses the tasks the items will
 *       name.</li>
 *   <li>Injects poison (malformed messages with a marker) on topics task-service and report-service read.</li>
 *   <li>Runs the workload ({@link Workload}) and the fault schedule ({@link Faults}) together; more poison while a
 *       consumer is down. New items stop when the schedule ends (or at {@code chaos.items}).</li>
 *   <li>Restarts anything missing, then compares ({@link GroundTruth}) until everything matches or
 *       {@code chaos.settleSeconds} pass (the system is eventually consistent: outboxes drain, consumers catch up);
 *       what still differs then is a mismatch.</li>
 *   <li>Prints the summary, writes {@code bench/results/chaos-<date>.md} and {@code .json}; exit status 1 when any
 *       mismatch remains.</li>
 * </ol>
 *
 * <p>Settings (system properties, e.g. in {@code LOA_BENCH_OPTS}): {@code chaos.items} (most items, default 2500;
 * new items stop when the schedule ends), {@code chaos.workers} (concurrent items, 12), {@code chaos.downSeconds} (how long a killed part stays down, 4),
 * {@code chaos.soloSeconds} (how long one task-service instance consumes alone, 25), {@code chaos.gapSeconds} (between
 * faults, 8), {@code chaos.warmUpSeconds} (workload before the first fault, 20), {@code chaos.radioEvery} (one item in
 * N on the radio, 50; 0: none), {@code chaos.settleSeconds} (300), {@code chaos.maxMinutes} (hard bound of the whole
 * run, 15), {@code chaos.gateway}, {@code chaos.keycloak}, {@code chaos.kafka}, {@code chaos.loa}.
 */
public final class FaultSuite {

    static final List<String> GROUPS = List.of("task-service", "report-service", "content-service", "portal-channel",
            "radio-channel", "manual-channel");

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        int code = new FaultSuite().run();
        System.exit(code);
    }

    private int run() throws Exception {
        Instant t0 = Instant.now();
        String runId = Long.toString(System.currentTimeMillis() / 1000, 36);
        int maxItems = Integer.getInteger("chaos.items", 2500);
        int workers = Integer.getInteger("chaos.workers", 12);
        Duration down = Duration.ofSeconds(Integer.getInteger("chaos.downSeconds", 4));
        Duration solo = Duration.ofSeconds(Integer.getInteger("chaos.soloSeconds", 25));
        Duration gap = Duration.ofSeconds(Integer.getInteger("chaos.gapSeconds", 8));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("chaos.warmUpSeconds", 20));
        int radioEvery = Integer.getInteger("chaos.radioEvery", 50);
        Duration settle = Duration.ofSeconds(Integer.getInteger("chaos.settleSeconds", 300));
        Duration max = Duration.ofMinutes(Integer.getInteger("chaos.maxMinutes", 15));
        String gateway = System.getProperty("chaos.gateway", "http://127.0.0.1:8080");
        String keycloak = System.getProperty("chaos.keycloak", "http://127.0.0.1:18180/auth");
        String kafka = System.getProperty("chaos.kafka", "127.0.0.1:19092");
        Path loa = Path.of(System.getProperty("chaos.loa", "./loa")).toAbsolutePath().normalize();
        Instant hardEnd = t0.plus(max);
        Instant workloadEnd = hardEnd.minus(settle);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("items", maxItems);
        parameters.put("workers", workers);
        parameters.put("downSeconds", down.toSeconds());
        parameters.put("soloSeconds", solo.toSeconds());
        parameters.put("gapSeconds", gap.toSeconds());
        parameters.put("warmUpSeconds", warmUp.toSeconds());
        parameters.put("radioEvery", radioEvery);
        parameters.put("settleSeconds", settle.toSeconds());
        parameters.put("maxMinutes", max.toMinutes());
        Faults.log("run " + runId + ": " + parameters);

        Api api = new Api(gateway, keycloak, Duration.ofSeconds(20));
        LocalDate since = GroundTruth.today();
        try (Broker broker = new Broker(kafka)) {
            // 1. quiet, then the baseline
            Instant quietBy = Instant.now().plusSeconds(90);
            Map<String, Long> lag = Map.of();
            while (Instant.now().isBefore(quietBy)) {
                lag = broker.lag(GROUPS, broker.endOffsets(quietBy.plusSeconds(30)));
                if (lag.values().stream().allMatch(l -> l == 0)) {
                    break;
                }
                Api.pause(2000);
            }
            Faults.log("consumer lag before the baseline: " + lag);
            Map<TopicPartition, Long> startOffsets = broker.endOffsets(Instant.now().plusSeconds(60));
            Map<String, Snapshot> before = snapshots(api, Instant.now().plusSeconds(120));
            List<String> notes = new ArrayList<>();
            before.values().forEach(s -> s.tasks().values().forEach(t -> {
                Integer dash = s.dashboardCredited().get(t.taskId());
                if (dash == null || dash != t.activeItems().size()) {
                    notes.add("baseline: task " + t.taskId() + " (" + s.commune() + ") has " + t.activeItems().size()
                            + " active credits in task-service, " + dash + " on the dashboard (before this run)");
                }
            }));
            Map<String, Workload.Targets> targets = new LinkedHashMap<>();
            for (Commune c : Commune.DEMO) {
                Workload.Targets t = Workload.targets(c, before.get(c.code()), t0, max);
                targets.put(c.code(), t);
                Faults.log("commune " + c.code() + ": tasks taking credit now " + t.nowTasks() + ", past windows "
                        + t.pastInstant() + ", live tasks " + t.anyTasks().size());
            }

            // 2. poison at the start
            List<Broker.Poison> poison = new CopyOnWriteArrayList<>();
            // every group reading a topic gets its poison (the channels read content.item.events for retractions)
            List<String> contentReaders = broker.groupsReading(Topics.CONTENT_EVENTS);
            List<String> taskReaders = broker.groupsReading(Topics.TASK_EVENTS);
            Faults.log("groups reading " + Topics.CONTENT_EVENTS + ": " + contentReaders + "; " + Topics.TASK_EVENTS
                    + ": " + taskReaders);
            AtomicInteger poisonNo = new AtomicInteger();
            Runnable contentPoison = () -> {
                poison.add(broker.inject(runId, poisonNo.incrementAndGet(), Topics.CONTENT_EVENTS, true, null, null,
                        contentReaders, hardEnd));
                poison.add(broker.inject(runId, poisonNo.incrementAndGet(), Topics.CONTENT_EVENTS, false,
                        "vn.loa.content.ContentPublished.v1", "11791", contentReaders, hardEnd));
            };
            Runnable taskPoison = () -> poison.add(broker.inject(runId, poisonNo.incrementAndGet(), Topics.TASK_EVENTS,
                    false, "vn.loa.task.TaskCredited.v1", "10804", taskReaders, hardEnd));
            contentPoison.run();
            taskPoison.run();
            Faults.log("poison injected: " + poison.size());

            // 3. workload and faults together
            Workload workload = new Workload(api, runId, targets, radioEvery, Duration.ofSeconds(150));
            Faults faults = new Faults(loa, t0, gap);
            Thread faultThread = Thread.ofPlatform().name("chaos-faults").start(() -> faults.run(
                    Faults.schedule(down, solo), warmUp, step -> {
                        try {
                            if (step.parts().contains("report-service")) {
                                taskPoison.run();
                            } else {
                                contentPoison.run();
                            }
                            Faults.log("poison injected while " + step.parts() + " down: " + poison.size()
                                    + " so far");
                        } catch (RuntimeException e) {
                            Faults.log("poison not injected: " + e);
                        }
                    }, workloadEnd));
            Thread stopper = Thread.ofPlatform().name("chaos-stopper").start(() -> {
                while (!faults.done && Instant.now().isBefore(workloadEnd)) {
                    Api.pause(500);
                }
                workload.creating = false;
            });
            Thread progress = Thread.ofPlatform().daemon().name("chaos-progress").start(() -> {
                while (true) {
                    Api.pause(15_000);
                    Faults.log(String.format("progress: %d items, %d open, %d requests, %d retried %s",
                            workload.items.size(), workload.open(), api.requests.sum(), api.retried.sum(),
                            api.retriesByReason));
                }
            });
            Instant workloadStart = Instant.now();
            workload.run(workers, maxItems, workloadEnd.plus(settle.dividedBy(2)));
            Instant workloadDone = Instant.now();
            stopper.join();
            faultThread.join();
            Faults.log("workload finished: " + workload.items.size() + " items in "
                    + Duration.between(workloadStart, workloadDone).toSeconds() + " s; faults: " + faults.injected.size());

            // 4. everything up again, then compare until it matches or time is up
            Faults.Result up = faults.loa("__start", "task-service-2");
            if (up.code() != 0) {
                notes.add("final restart failed: " + up.output().strip());
            }
            Instant settleStart = Instant.now();
            Instant settleEnd = settleStart.plus(settle);
            if (settleEnd.isAfter(hardEnd)) {
                settleEnd = hardEnd.isAfter(settleStart.plusSeconds(60)) ? hardEnd : settleStart.plusSeconds(60);
            }
            GroundTruth.Outcome outcome = null;
            Map<TopicPartition, Long> endOffsets = null;
            int rounds = 0;
            while (true) {
                rounds++;
                boolean quiet = false;
                try {
                    endOffsets = broker.endOffsets(settleEnd.plusSeconds(60));
                    lag = broker.lag(GROUPS, endOffsets);
                    Instant readBy = Instant.now().plusSeconds(120);
                    Map<String, GroundTruth.ItemFinal> finals = new TreeMap<>();
                    Map<String, Commune> tasksUsed = new TreeMap<>();
                    workload.items.forEach(i -> tasksUsed.put(i.taskId, i.commune));
                    for (Map.Entry<String, Commune> t : tasksUsed.entrySet()) {
                        finals.putAll(GroundTruth.items(api, t.getValue(), t.getKey(), since, workload.titlePrefix(),
                                readBy));
                    }
                    Map<String, Snapshot> after = snapshots(api, readBy);
                    List<Broker.DeadLetter> dead = broker.deadLetters(startOffsets, endOffsets, runId);
                    outcome = GroundTruth.compare(workload.items, finals, before, after, poison, dead,
                            workload.titlePrefix());
                    quiet = lag.values().stream().allMatch(l -> l == 0);
                    Map<String, Long> kinds = new TreeMap<>();
                    outcome.mismatches().forEach(x -> kinds.merge(x.check(), 1L, Long::sum));
                    Faults.log("check " + rounds + ": " + outcome.mismatches().size() + " mismatches " + kinds
                            + ", lag " + lag);
                } catch (RuntimeException e) {
                    Faults.log("check " + rounds + " could not read the ground truth: " + e);
                    if (outcome == null || Instant.now().isAfter(settleEnd)) {
                        outcome = new GroundTruth.Outcome(List.of(new GroundTruth.Mismatch("reading the ground truth",
                                "check " + rounds, "an answer", e.toString())), new LinkedHashMap<>());
                    }
                }
                if ((outcome.mismatches().isEmpty() && quiet) || Instant.now().isAfter(settleEnd)) {
                    break;
                }
                Api.pause(10_000);
            }
            if (endOffsets == null) {
                endOffsets = startOffsets;
            }
            Instant end = Instant.now();

            // 5. the summary
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("run", runId);
            r.put("machine", Report.machine());
            r.put("parameters", parameters);
            r.put("durationSeconds", Duration.between(t0, end).toSeconds());
            r.put("workloadSeconds", Duration.between(workloadStart, workloadDone).toSeconds());
            r.put("settleSeconds", Duration.between(settleStart, end).toSeconds());
            r.put("checks", rounds);
            r.put("faults", faults.injected);
            r.put("poison", poison);
            r.put("requests", api.requests.sum());
            r.put("retried", api.retried.sum());
            Map<String, Long> retries = new TreeMap<>();
            api.retriesByReason.forEach((k, v) -> retries.put(k, v.get()));
            r.put("retriesByReason", retries);
            Map<String, Long> transitions = new TreeMap<>();
            workload.transitions.forEach((k, v) -> transitions.put(k, v.sum()));
            r.put("transitions", transitions);
            r.put("conflictsResolvedFromState", workload.conflictsResolved.sum());
            r.putAll(outcome.figures());
            Map<String, Long> events = Broker.delta(startOffsets, endOffsets);
            events.keySet().removeIf(t -> t.startsWith("__"));
            r.put("eventsByTopic", events);
            r.put("events", events.entrySet().stream().filter(e -> !e.getKey().startsWith("error."))
                    .mapToLong(Map.Entry::getValue).sum());
            r.put("finalLag", lag);
            r.put("mismatchCount", outcome.mismatches().size());
            r.put("mismatches", outcome.mismatches().stream().limit(200).map(Object::toString).toList());
            r.put("notes", notes);
            Report.write(r, Path.of(System.getProperty("bench.out",
                    Files.isDirectory(Path.of("bench")) ? "bench/results" : "results")));
            return outcome.mismatches().isEmpty() ? 0 : 1;
        }
    }

    private static Map<String, Snapshot> snapshots(Api api, Instant deadline) {
        Map<String, Snapshot> out = new LinkedHashMap<>();
        for (Commune c : Commune.DEMO) {
            out.put(c.code(), Snapshot.read(api, c, deadline));
        }
        return out;
    }

    static long sum(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
