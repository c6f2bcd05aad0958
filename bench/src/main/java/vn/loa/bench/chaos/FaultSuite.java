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
 * The fault suite ({@code ./loa chaos}, issue 9; {@code ./loa compose chaos}, issue 22): a known workload through the
 * gateway of the running stack ({@link Stack}: the embedded default, or the compose containers) while, on a schedule,
 * the Kafka broker, the database, Keycloak and every service are killed with SIGKILL and restarted — two or three
 * task-service instances in one consumer group among them — then every count is checked against the ground truth.
 *
 * <ol>
 *   <li>Waits until the consumer groups have no lag, reads the baseline (every task's credits in task-service, every
 *       commune dashboard in report-service, the end offset of every topic) and chooses the tasks the items will
 *       name.</li>
 *   <li>Injects poison (malformed messages with a marker) on topics task-service and report-service read.</li>
 *   <li>Opens the live dashboard stream of every demo commune ({@link LiveWatch}), which reconnects by itself.</li>
 *   <li>Runs the workload ({@link Workload}) at a steady rate, reads of dashboards and reports, and the fault schedule
 *       ({@link Faults}) together, so that every kill lands while requests, publications and credits are in flight;
 *       more poison while a consumer is down; while Keycloak is down, {@link LoginProbe} signs in as a user would.
 *       New items stop {@code chaos.tailSeconds} after the last fault (or at {@code chaos.items}).</li>
 *   <li>Restarts anything missing, then compares ({@link GroundTruth}) until everything matches or
 *       {@code chaos.settleSeconds} pass (the system is eventually consistent: outboxes drain, consumers catch up);
 *       what still differs then is a mismatch.</li>
 *   <li>Prints the summary, with each fault's figures read from the {@link Timeline} (requests in flight at the kill,
 *       requests sent again, the lowest rate and the time until the rate is back), writes
 *       {@code bench/results/chaos-<date>.md}, {@code .json} and the timeline chart {@code -timeline.png}; exit status
 *       1 when any mismatch remains.</li>
 * </ol>
 *
 * <p>Settings (system properties, e.g. in {@code LOA_BENCH_OPTS}): {@code chaos.rate} (new items per second, 8; on
 * compose 3), {@code chaos.items} (most items; default the rate times the run's bound), {@code chaos.workers} (items worked on at
 * once, 64), {@code chaos.readsPerSecond} (dashboard and report reads, 2), {@code chaos.tailSeconds} (load after the
 * last fault, 30), {@code chaos.downSeconds} (how long a killed part stays down, 4),
 * {@code chaos.soloSeconds} (how long one task-service instance consumes alone, 25), {@code chaos.gapSeconds} (between
 * faults, 8), {@code chaos.warmUpSeconds} (workload before the first fault, 20), {@code chaos.radioEvery} (one item in
 * N on the radio, 50; 0: none), {@code chaos.settleSeconds} (300), {@code chaos.maxMinutes} (hard bound of the whole
 * run, 20; on compose 40), {@code chaos.diskFullSeconds} (how long the broker's, then the database's, disk stays
 * full, 20; 0: no disk steps; none without root or on compose), {@code chaos.stack} ({@code embedded} or {@code compose}),
 * {@code chaos.gateway}, {@code chaos.keycloak} (default the stack's), {@code chaos.kafka}, {@code chaos.loa}.
 */
public final class FaultSuite {

    /** The parts whose disk fills up in the disk-full steps. */
    static final List<String> DISK_PARTS = List.of("kafka", "mongo");

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
        int workers = Integer.getInteger("chaos.workers", 64);
        double readsPerSecond = Double.parseDouble(System.getProperty("chaos.readsPerSecond", "2"));
        Duration tail = Duration.ofSeconds(Integer.getInteger("chaos.tailSeconds", 30));
        String gateway = System.getProperty("chaos.gateway", "http://127.0.0.1:8080");
        Path loa = Path.of(System.getProperty("chaos.loa", "./loa")).toAbsolutePath().normalize();
        Stack stack = Stack.of(System.getProperty("chaos.stack", "embedded"), loa, gateway);
        double rate = Double.parseDouble(System.getProperty("chaos.rate", Double.toString(stack.rate())));
        boolean root = "root".equals(System.getProperty("user.name"));
        Duration diskFull = Duration.ofSeconds(root && stack.fillsDisks()
                ? Integer.getInteger("chaos.diskFullSeconds", 20) : 0);
        Duration down = Duration.ofSeconds(Integer.getInteger("chaos.downSeconds", 4));
        Duration solo = Duration.ofSeconds(Integer.getInteger("chaos.soloSeconds", 25));
        Duration gap = Duration.ofSeconds(Integer.getInteger("chaos.gapSeconds", 8));
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("chaos.warmUpSeconds", 20));
        int radioEvery = Integer.getInteger("chaos.radioEvery", 50);
        Duration settle = Duration.ofSeconds(Integer.getInteger("chaos.settleSeconds", 300));
        Duration max = Duration.ofMinutes(Integer.getInteger("chaos.maxMinutes", stack.maxMinutes()));
        String keycloak = System.getProperty("chaos.keycloak", stack.keycloak());
        String kafka = System.getProperty("chaos.kafka", "127.0.0.1:19092");
        Instant hardEnd = t0.plus(max);
        Instant workloadEnd = hardEnd.minus(settle);
        int maxItems = Integer.getInteger("chaos.items", (int) Math.ceil(rate * max.toSeconds()));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("stack", stack.name());
        parameters.put("taskInstances", stack.taskInstances().size());
        parameters.put("rate", rate);
        parameters.put("items", maxItems);
        parameters.put("workers", workers);
        parameters.put("readsPerSecond", readsPerSecond);
        parameters.put("tailSeconds", tail.toSeconds());
        parameters.put("diskFullSeconds", diskFull.toSeconds());
        parameters.put("downSeconds", down.toSeconds());
        parameters.put("soloSeconds", solo.toSeconds());
        parameters.put("gapSeconds", gap.toSeconds());
        parameters.put("warmUpSeconds", warmUp.toSeconds());
        parameters.put("radioEvery", radioEvery);
        parameters.put("settleSeconds", settle.toSeconds());
        parameters.put("maxMinutes", max.toMinutes());
        Faults.log("run " + runId + ": " + parameters);

        Timeline timeline = new Timeline(t0, max.plusMinutes(1));
        Api api = new Api(gateway, keycloak, Duration.ofSeconds(20), timeline);
        LocalDate since = GroundTruth.today();
        List<String> notes = new ArrayList<>();
        if (!diskFull.isZero()) {
            // the broker's logs and the database's files onto small filesystems of their own, for the disk-full
            // steps (back at the end)
            StringBuilder moved = new StringBuilder();
            boolean failed = false;
            for (String part : DISK_PARTS) {
                Stack.Result small = stack.run("__disk", "small", part);
                moved.append(small.output().strip()).append("; ");
                failed |= small.code() != 0;
            }
            Stack.Result up = stack.startMissing();
            Faults.log("on small disks: " + moved + (up.code() == 0 ? "" : "FAILED " + up.output().strip()));
            if (failed || up.code() != 0) {
                notes.add("the broker and the database could not be moved to small disks: " + moved);
                diskFull = Duration.ZERO;
            }
        } else if (!stack.fillsDisks()) {
            notes.add("no disk-full step on " + stack.name() + ": the embedded default's run (`./loa chaos`, as root)"
                    + " fills the broker's and the database's disks");
        } else if (!root) {
            notes.add("no disk-full step: it mounts a small filesystem, which needs root");
        }
        try (Broker broker = new Broker(kafka); LiveWatch live = new LiveWatch(api, timeline, gateway)) {
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

            // 3. the open dashboards, then workload, reads and faults together
            live.open(Commune.DEMO);
            Faults.log("live dashboard streams: " + live.figures());
            Workload workload = new Workload(api, runId, targets, radioEvery, Duration.ofSeconds(150), rate, timeline);
            Faults faults = new Faults(stack, t0, gap, api.inFlight::get, workload::open);
            LoginProbe login = new LoginProbe(api.client(), timeline);
            Faults.Listener listener = new Faults.Listener() {
                @Override
                public void down(Faults.Step step) {
                    if (step.parts().contains("keycloak")) {
                        login.start();
                    }
                    if (!step.poison()) {
                        return;
                    }
                    try {
                        if (step.parts().contains("report-service")) {
                            taskPoison.run();
                        } else {
                            contentPoison.run();
                        }
                        Faults.log("poison injected while " + step.parts() + " down: " + poison.size() + " so far");
                    } catch (RuntimeException e) {
                        Faults.log("poison not injected: " + e);
                    }
                }

                @Override
                public void healthy(Faults.Step step) {
                    if (step.parts().contains("keycloak")) {
                        try {
                            login.healthy();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        Faults.log("signing in while Keycloak was down: " + login.figures());
                    }
                }
            };
            List<Faults.Step> schedule = Faults.schedule(down, solo, diskFull, stack.taskInstances());
            Thread faultThread = Thread.ofPlatform().name("chaos-faults").start(() -> faults.run(
                    schedule, warmUp, listener, workloadEnd));
            Thread stopper = Thread.ofPlatform().name("chaos-stopper").start(() -> {
                while (!faults.done && Instant.now().isBefore(workloadEnd)) {
                    Api.pause(500);
                }
                Instant tailEnd = Instant.now().plus(tail);
                while (Instant.now().isBefore(tailEnd) && Instant.now().isBefore(workloadEnd)) {
                    Api.pause(500);
                }
                workload.creating = false;
            });
            Readers readers = new Readers(api, timeline, readsPerSecond);
            Thread reading = Thread.ofPlatform().name("chaos-readers").start(() -> readers.run(() -> workload.creating));
            Thread progress = Thread.ofPlatform().daemon().name("chaos-progress").start(() -> {
                while (true) {
                    Api.pause(15_000);
                    Faults.log(String.format("progress: %d items, %d open, %d requests (%d in flight), %d retried %s,"
                            + " %d reads", workload.items.size(), workload.open(), api.requests.sum(),
                            api.inFlight.get(), api.retried.sum(), api.retriesByReason, readers.done.sum()));
                }
            });
            Instant workloadStart = Instant.now();
            workload.run(workers, maxItems, workloadEnd.plus(settle.dividedBy(2)));
            Instant workloadDone = Instant.now();
            stopper.join();
            faultThread.join();
            reading.join();
            Faults.log("workload finished: " + workload.items.size() + " items in "
                    + Duration.between(workloadStart, workloadDone).toSeconds() + " s; faults: " + faults.injected.size());

            // 4. everything up again, then compare until it matches or time is up
            Stack.Result up = stack.startMissing();
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
                    Instant readBy = Instant.now().plusSeconds(240);
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
                            workload.titlePrefix(), live);
                    outcome.mismatches().addAll(underLoad(faults.injected, login, timeline, api));
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
            r.put("stack", stack);
            r.put("parameters", parameters);
            r.put("rate", rate);
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
            r.put("faultFigures", faultFigures(faults.injected, timeline, warmUp, workloadDone, t0));
            r.put("login", login.figures());
            r.put("liveStreams", live.figures());
            r.put("reads", readers.done.sum());
            r.put("readsGaveUp", readers.gaveUp.sum());
            r.put("serverErrors", api.serverErrors);
            r.put("timeline", timeline.export((int) Duration.between(t0, workloadDone).toSeconds()));
            r.put("mismatchCount", outcome.mismatches().size());
            r.put("mismatches", outcome.mismatches().stream().limit(200).map(Object::toString).toList());
            r.put("notes", notes);
            Report.write(r, Path.of(System.getProperty("bench.out",
                    Files.isDirectory(Path.of("bench")) ? "bench/results" : "results")));
            return outcome.mismatches().isEmpty() ? 0 : 1;
        } finally {
            if (!diskFull.isZero()) {
                StringBuilder back = new StringBuilder();
                for (String part : DISK_PARTS) {
                    back.append(stack.run("__disk", "restore", part).output().strip()).append("; ");
                }
                Stack.Result up = stack.startMissing();
                Faults.log("back on the disk: " + back + (up.code() == 0 ? "" : "restart FAILED "
                        + up.output().strip()));
            }
        }
    }

    /**
     * What the load saw of the faults, beyond the counts: no request answered 500 (a part down is a 503 to try again),
     * the tokens issued before Keycloak was killed kept working (no 401 while it was down), and a user signing in
     * then met the login form or a Vietnamese page, never anything else.
     */
    static List<GroundTruth.Mismatch> underLoad(List<Faults.Injected> injected, LoginProbe login, Timeline timeline,
            Api api) {
        List<GroundTruth.Mismatch> m = new ArrayList<>();
        api.serverErrors.forEach(e -> m.add(new GroundTruth.Mismatch("no answer 500 (a part down is a 503)", e,
                "503 or an answer", "500")));
        for (Faults.Injected f : injected) {
            if (!f.parts().equals("keycloak") || f.downSeconds() == 0) {
                continue;
            }
            long refused = timeline.sum(Timeline.RETRIED + " 401", (int) f.killedAtSeconds(),
                    (int) Math.ceil(f.healthyAtSeconds()) + 1);
            if (refused > 0) {
                m.add(new GroundTruth.Mismatch("tokens issued before Keycloak went down keep working",
                        "Keycloak down " + f.killedAtSeconds() + "–" + f.healthyAtSeconds() + " s", "0 answers 401",
                        refused + " answers 401"));
            }
            if (login.probes.isEmpty()) {
                m.add(new GroundTruth.Mismatch("signing in while Keycloak is down", "login probe", "probes",
                        "none made"));
            }
        }
        login.others().forEach(p -> m.add(new GroundTruth.Mismatch("signing in while Keycloak is down: the login"
                + " form or a Vietnamese page/problem", p.what() + " at " + p.atSeconds() + " s",
                "Keycloak's form, or the gateway's Vietnamese 503", "HTTP " + p.status() + " " + p.detail())));
        return m;
    }

    /**
     * Each fault's figures from the timeline: requests in flight and items open at the kill; between this kill and the
     * next, requests sent again (by reason) and given up; the rate of answered requests and of credits reaching the
     * dashboards before the kill, at its lowest (3-second mean) and how long after the kill it was back at 80 % of the
     * usual rate (the median second of the whole load: dips and catch-ups do not move it).
     */
    static List<Map<String, Object>> faultFigures(List<Faults.Injected> injected, Timeline timeline, Duration warmUp,
            Instant workloadDone, Instant t0) {
        List<Faults.Injected> real = injected.stream().filter(f -> f.downSeconds() > 0).toList();
        double end = Duration.between(t0, workloadDone).toMillis() / 1000.0;
        int from0 = (int) warmUp.toSeconds() / 2;
        double normalAnswered = timeline.median(Timeline.ANSWERED, from0, (int) end);
        double normalCredits = timeline.median(Timeline.DASHBOARD_CREDITS, from0, (int) end);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            Faults.Injected f = real.get(i);
            double from = f.killedAtSeconds();
            double to = i + 1 < real.size() ? real.get(i + 1).killedAtSeconds() : end;
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("parts", f.parts());
            x.put("killedAtSeconds", from);
            x.put("healthyAfterSeconds", Math.round((f.healthyAtSeconds() - from) * 10) / 10.0);
            x.put("requestsInFlight", f.requestsInFlight());
            x.put("itemsOpen", f.itemsOpen());
            Map<String, Long> retried = new TreeMap<>();
            for (String reason : List.of("connection", "token", "401", "429", "500", "502", "503", "504")) {
                long n = timeline.sum(Timeline.RETRIED + " " + reason, (int) from, (int) Math.ceil(to));
                if (n > 0) {
                    retried.put(reason, n);
                }
            }
            x.put("retried", retried);
            x.put("gaveUp", timeline.sum(Timeline.GAVE_UP, (int) from, (int) Math.ceil(to)));
            Timeline.Dip answered = timeline.dip(Timeline.ANSWERED, from, to, normalAnswered, 0.8);
            Timeline.Dip credits = timeline.dip(Timeline.DASHBOARD_CREDITS, from, to, normalCredits, 0.8);
            x.put("answeredPerSecondBefore", round(timeline.rate(Timeline.ANSWERED, (int) from - 5, (int) from)));
            x.put("answeredPerSecondLowest", round(answered.lowest()));
            x.put("answeredBackAfterSeconds", round(answered.backAfterSeconds()));
            x.put("creditsPerSecondBefore", round(timeline.rate(Timeline.DASHBOARD_CREDITS, (int) from - 5,
                    (int) from)));
            x.put("creditsPerSecondLowest", round(credits.lowest()));
            x.put("creditsBackAfterSeconds", round(credits.backAfterSeconds()));
            out.add(x);
        }
        Map<String, Object> normal = new LinkedHashMap<>();
        normal.put("parts", "(the median second of the load, " + from0 + "–" + (int) end + " s)");
        normal.put("answeredPerSecond", round(normalAnswered));
        normal.put("creditsPerSecond", round(normalCredits));
        out.addFirst(normal);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
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
