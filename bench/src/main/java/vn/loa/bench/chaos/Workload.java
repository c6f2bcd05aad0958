package vn.loa.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import vn.loa.client.GatewayClient;
import vn.loa.client.GatewayClient.Reply;

/**
 * The known workload: content items of the five demo communes, each naming one task of its commune explicitly, driven
 * through the editorial workflow by the commune's editor and leader — create → submit → approve (the leader, never the
 * author) → publish on the portal (a few on the radio) and/or record a publication made outside Loa → retract (one in
 * five, by the leader, at various moments, sometimes before the channel has answered).
 *
 * <p>Each step is one request; its answer (the item as it now is) decides the next step. When the answer is a 409 (the
 * transition was already made: an earlier request whose answer was lost had been applied) the item is read and the
 * next step decided from what it is, so a lost answer never causes a second action. Only a create whose answer is lost
 * can leave an extra draft behind (no request id to recognise it by); drafts credit nothing, and the suite counts them.
 */
final class Workload {

    enum Mode { PORTAL, RADIO, OUTSIDE, PORTAL_AND_OUTSIDE }

    enum Step { CREATE, SUBMIT, APPROVE, PUBLISH, OUTSIDE, RETRACT, DONE, FAILED }

    static final String OUTSIDE_CHANNEL = "cchc-tinh";
    /** The plan number the end-to-end benchmark gives its plans (vn.loa.bench.stack.BenchCommunes). */
    static final String BENCH_PLAN = "99/KH-ĐT";
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter VN_MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VN);

    /** Which tasks a commune's items name: one taking credit now (portal, radio), and past instants (outside). */
    record Targets(Commune commune, List<String> nowTasks, List<String> anyTasks, List<String> pastTasks,
            Map<String, Instant> pastInstant) {
    }

    static final class Item {
        final int no;
        final Commune commune;
        final Mode mode;
        final String taskId;
        final boolean retract;
        final Instant outsideAt;
        volatile String id;
        volatile Step step = Step.CREATE;
        volatile String failure;
        volatile int rounds;
        volatile int refusals;

        Item(int no, Commune commune, Mode mode, String taskId, boolean retract, Instant outsideAt) {
            this.no = no;
            this.commune = commune;
            this.mode = mode;
            this.taskId = taskId;
            this.retract = retract;
            this.outsideAt = outsideAt;
        }

        List<String> channels() {
            return switch (mode) {
                case PORTAL, PORTAL_AND_OUTSIDE -> List.of("portal");
                case RADIO -> List.of("radio");
                case OUTSIDE -> List.of();
            };
        }

        boolean outside() {
            return outsideAt != null;
        }
    }

    private final Api api;
    private final String runId;
    private final Map<String, Targets> targets;
    private final int radioEvery;
    private final Duration stepTimeout;
    private final double rate;
    private final Timeline timeline;
    final List<Item> items = new CopyOnWriteArrayList<>();
    final Map<String, LongAdder> transitions = new ConcurrentHashMap<>();
    final LongAdder conflictsResolved = new LongAdder();
    private final DelayQueue<Job> queue = new DelayQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    volatile boolean creating = true;

    Workload(Api api, String runId, Map<String, Targets> targets, int radioEvery, Duration stepTimeout, double rate,
            Timeline timeline) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("chaos.rate must be above 0 items/s: " + rate);
        }
        this.api = api;
        this.rate = rate;
        this.timeline = timeline;
        this.runId = runId;
        this.targets = targets;
        this.radioEvery = radioEvery;
        this.stepTimeout = stepTimeout;
    }

    /** Chooses, from the baseline, the tasks each commune's items will name (tasks of issued plans, not withdrawn). */
    static Targets targets(Commune c, Snapshot baseline, Instant now, Duration horizon) {
        List<String> nowTasks = new ArrayList<>();
        List<String> any = new ArrayList<>();
        List<String> past = new ArrayList<>();
        Map<String, Instant> pastInstant = new LinkedHashMap<>();
        for (Snapshot.TaskState t : baseline.tasks().values()) {
            // the end-to-end benchmark's own plans (./loa bench e2e) are left to it
            if (!t.live() || t.windows().isEmpty() || BENCH_PLAN.equals(t.planNumber())) {
                continue;
            }
            any.add(t.taskId());
            if (t.windows().stream().anyMatch(w -> w.contains(now) && w.contains(now.plus(horizon)))) {
                nowTasks.add(t.taskId());
            }
            for (Snapshot.Window w : t.windows()) {
                // the second day of the window, 09:00 in Việt Nam: inside the window, in the past
                Instant at = w.start().plus(Duration.ofDays(1)).plus(Duration.ofHours(9)).truncatedTo(ChronoUnit.MINUTES);
                if (w.contains(at) && at.isBefore(now.minus(Duration.ofHours(1)))) {
                    past.add(t.taskId());
                    pastInstant.put(t.taskId(), at);
                    break;
                }
            }
        }
        return new Targets(c, nowTasks, any, past, pastInstant);
    }

    /** The item numbered {@code no}: its commune, how it is published, the task it names, whether it is retracted. */
    Item plan(int no) {
        List<Targets> usable = targets.values().stream().filter(t -> !t.anyTasks().isEmpty()).toList();
        if (usable.isEmpty()) {
            throw new IllegalStateException("no commune has a task taking credit (issued plan, task not withdrawn)");
        }
        Targets t = usable.get(no % usable.size());
        int k = no / usable.size();
        Mode mode;
        if (radioEvery > 0 && no % radioEvery == radioEvery / 2) {
            mode = Mode.RADIO;
        } else if (no % 4 == 1) {
            mode = Mode.OUTSIDE;
        } else if (no % 4 == 2) {
            mode = Mode.PORTAL_AND_OUTSIDE;
        } else {
            mode = Mode.PORTAL;
        }
        if ((mode == Mode.OUTSIDE || mode == Mode.PORTAL_AND_OUTSIDE) && t.pastTasks().isEmpty()) {
            mode = Mode.PORTAL;
        }
        String task;
        Instant outsideAt = null;
        if (mode == Mode.OUTSIDE || mode == Mode.PORTAL_AND_OUTSIDE) {
            task = t.pastTasks().get(k % t.pastTasks().size());
            outsideAt = t.pastInstant().get(task);
        } else if (!t.nowTasks().isEmpty()) {
            task = t.nowTasks().get(k % t.nowTasks().size());
        } else {
            task = t.anyTasks().get(k % t.anyTasks().size()); // publication outside the task's window: credits nothing
        }
        // one item in five is retracted, in every commune: k counts the commune's own items (no % 5 would pick the
        // same commune each time when there are five)
        return new Item(no, t.commune(), mode, task, k % 5 == 3, outsideAt);
    }

    /**
     * Creates items at the steady rate until {@code creating} is turned off (or {@code maxItems}), and runs
     * {@code workers} workers until no item is open and no new one may be created. The rate does not wait for the
     * workers: while a fault holds requests up, new items queue and the items in flight grow, as they do when people
     * keep publishing.
     */
    void run(int workers, int maxItems, Instant hardDeadline) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        threads.add(Thread.ofPlatform().name("chaos-creator").start(() -> create(maxItems, hardDeadline)));
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name("chaos-worker-" + i).start(() -> work(hardDeadline)));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    int open() {
        return open.get();
    }

    private void create(int maxItems, Instant hardDeadline) {
        Pace pace = new Pace(rate);
        for (int no = 0; creating && no < maxItems && Instant.now().isBefore(hardDeadline); no++) {
            if (!pace.await(no)) {
                break;
            }
            Item item = plan(no);
            items.add(item);
            open.incrementAndGet();
            timeline.mark(Timeline.CREATED);
            queue.add(new Job(item, System.nanoTime()));
        }
        creating = false;
    }

    private void work(Instant hardDeadline) {
        while (true) {
            Job job;
            try {
                job = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job == null) {
                if (!creating && open.get() == 0) {
                    return;
                }
                continue;
            }
            Item item = job.item;
            long delay;
            try {
                delay = advance(item, hardDeadline);
            } catch (Api.GaveUp e) {
                fail(item, e.getMessage());
                delay = -1;
            } catch (RuntimeException e) {
                fail(item, e.toString());
                delay = -1;
            }
            if (delay >= 0) {
                queue.add(new Job(item, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay)));
            } else {
                open.decrementAndGet();
            }
        }
    }

    private void fail(Item item, String why) {
        item.failure = "bước " + item.step + ": " + why;
        item.step = Step.FAILED;
        Faults.log("item #" + item.no + " (" + item.id + ") failed: " + item.failure);
    }

    /** Does the item's current step; returns the delay before its next step, or -1 when it is finished. */
    private long advance(Item item, Instant hardDeadline) {
        if (++item.rounds > 80) {
            fail(item, "more than 80 steps");
            return -1;
        }
        Instant deadline = min(Instant.now().plus(stepTimeout), hardDeadline);
        String ed = item.commune.editor();
        String le = item.commune.leader();
        String path = item.id == null ? null : "/api/contents/" + item.id;
        Reply r = switch (item.step) {
            case CREATE -> api.post("/api/contents", ed, body(item), deadline);
            case SUBMIT -> api.post(path + "/submit", ed, null, deadline);
            case APPROVE -> api.post(path + "/approve", le, null, deadline);
            case PUBLISH -> api.post(path + "/publish", ed, Map.of(), deadline);
            case OUTSIDE -> api.post(path + "/publications", ed, Map.of("channel", OUTSIDE_CHANNEL,
                    "url", "https://cchc.example.vn/chaos/" + runId + "/" + item.no,
                    "publishedAt", VN_MINUTE.format(item.outsideAt)), deadline);
            case RETRACT -> api.post(path + "/retract", le, Map.of("reason", "Kiểm thử chịu lỗi: gỡ tin"), deadline);
            case DONE, FAILED -> null;
        };
        if (r == null) {
            return -1;
        }
        JsonNode view;
        if (r.ok()) {
            transitions.computeIfAbsent(item.step.name(), k -> new LongAdder()).increment();
            view = r.json();
            if (item.step == Step.CREATE) {
                item.id = view.path("id").asString();
            }
        } else if (r.status() == 409 && item.id != null) {
            // already done (an earlier answer was lost) or not possible yet: decide from what the item is
            conflictsResolved.increment();
            Reply now = api.get(path, ed, deadline);
            if (!now.ok()) {
                fail(item, "GET after 409: HTTP " + now.status() + " " + GatewayClient.abbreviate(now.body()));
                return -1;
            }
            view = now.json();
        } else if (r.status() == 400 && (item.step == Step.CREATE || item.step == Step.PUBLISH)
                && ++item.refusals <= 45) {
            // a channel not offered right now (its announcements stopped while it was down): later
            if (item.refusals == 1) {
                Faults.log("item #" + item.no + " " + item.step + " refused, trying again: "
                        + GatewayClient.abbreviate(r.body()));
            }
            return 2000;
        } else {
            fail(item, "HTTP " + r.status() + " " + GatewayClient.abbreviate(r.body()));
            return -1;
        }
        Step before = item.step;
        item.step = next(item, view);
        if (item.step == Step.DONE) {
            return -1;
        }
        if (item.step == Step.FAILED) {
            return -1;
        }
        if (item.step == Step.RETRACT && before != Step.RETRACT) {
            return (item.no % 3) * 1500L; // at once, after 1.5 s or 3 s: before or after the channel answers
        }
        return item.step == before ? 500 : 0;
    }

    /** The next step, from what the item is now. */
    private Step next(Item item, JsonNode view) {
        String status = view.path("status").asString();
        boolean outsideDone = false;
        for (JsonNode p : view.path("publications")) {
            if (OUTSIDE_CHANNEL.equals(p.path("channel").asString()) && p.path("outside").asBoolean()) {
                outsideDone = true;
            }
        }
        switch (status) {
            case "DRAFT", "REJECTED":
                return Step.SUBMIT;
            case "SUBMITTED":
                return Step.APPROVE;
            case "APPROVED":
                if (!item.channels().isEmpty()) {
                    return Step.PUBLISH;
                }
                if (item.outside() && !outsideDone) {
                    return Step.OUTSIDE;
                }
                return item.retract ? Step.RETRACT : Step.DONE;
            case "PUBLISHING", "PUBLISHED", "PARTIALLY_PUBLISHED":
                if (item.outside() && !outsideDone) {
                    return Step.OUTSIDE;
                }
                return item.retract ? Step.RETRACT : Step.DONE;
            case "RETRACTED":
                if (!item.retract) {
                    item.failure = "retracted, but the workload never retracted it";
                    return Step.FAILED;
                }
                return Step.DONE;
            default:
                item.failure = "unexpected status " + status;
                return Step.FAILED;
        }
    }

    private Map<String, Object> body(Item item) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("title", title(item) + " " + item.commune.name()
                + " đẩy mạnh dịch vụ công trực tuyến, cải cách thủ tục hành chính");
        b.put("summary", "Tin kiểm thử chịu lỗi (./loa chaos).");
        b.put("body", "<p>Người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, "
                + "không phải đến trụ sở Ủy ban nhân dân.</p>");
        b.put("kind", "NEWS");
        b.put("themes", List.of("Dịch vụ công trực tuyến"));
        b.put("taskIds", List.of(item.taskId));
        b.put("channels", item.channels());
        return b;
    }

    /** The start of every title of this run's items: drafts left by a lost create answer are found by it. */
    String titlePrefix() {
        return "[chaos " + runId + " ";
    }

    String title(Item item) {
        return titlePrefix() + "#" + item.no + "]";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record Job(Item item, long at) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(at, ((Job) o).at);
        }
    }
}
