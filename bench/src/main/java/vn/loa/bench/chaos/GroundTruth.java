package vn.loa.bench.chaos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The check: what the workload implies (the baseline read before it, plus each workload item's outcome) against what
 * the services say after the faults, once everything has settled.
 *
 * <ul>
 *   <li>every workload item finished its steps and is in its final state: RETRACTED if the workload retracted it, else
 *       PUBLISHED with every publication SUCCEEDED; no publication still REQUESTED;</li>
 *   <li>task-service: each task's active credits are exactly the baseline's items plus the workload items that name
 *       the task, are not retracted and have a SUCCEEDED publication whose instant is inside one of the task's
 *       windows (the crediting rule for items naming their task, docs/crediting.md); no item twice; the task's own
 *       count equals that set's size;</li>
 *   <li>report-service: each task's credited figure on the commune dashboard moved by exactly as much; live
 *       publications, in total and per channel, moved by the workload items' live publications;</li>
 *   <li>the live dashboard streams (one per commune, reconnected through every fault with Last-Event-ID): for each task,
 *       the credits announced less the withdrawals announced equal the credits the workload added; no stream was told
 *       to reset (changes missed beyond the log) and every stream is open at the end;</li>
 *   <li>the dead-letter topics received exactly the poison injected (each poison message in every group that reads its
 *       topic) and nothing else.</li>
 * </ul>
 */
final class GroundTruth {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Mismatch(String check, String where, String expected, String actual) {
        @Override
        public String toString() {
            return check + " — " + where + ": expected " + expected + ", found " + actual;
        }
    }

    record Pub(String channel, String status, Instant publishedAt, boolean outside) {
    }

    record ItemFinal(String id, String title, String status, List<Pub> publications) {
    }

    /**
     * This run's items naming {@code taskId} as content-service lists them (created since the run's day), by id: every
     * workload item names one task, so the items of a commune are those of the tasks its items name.
     */
    static Map<String, ItemFinal> items(Api api, Commune c, String taskId, LocalDate since, String titlePrefix,
            Instant deadline) {
        Map<String, ItemFinal> out = new HashMap<>();
        for (int page = 0; page < 1000; page++) {
            JsonNode p = api.get("/api/contents?size=100&page=" + page + "&task=" + Api.query(taskId)
                    + "&from=" + Api.query(DAY.format(since)), c.editor(), deadline).expect("items of " + c.code())
                    .json();
            JsonNode list = p.path("items");
            for (JsonNode i : list) {
                String title = i.path("title").asString();
                if (!title.startsWith(titlePrefix)) {
                    continue;
                }
                List<Pub> pubs = new ArrayList<>();
                for (JsonNode x : i.path("publications")) {
                    pubs.add(new Pub(x.path("channel").asString(), x.path("status").asString(),
                            Api.instant(x.path("publishedAt")), x.path("outside").asBoolean()));
                }
                out.put(i.path("id").asString(), new ItemFinal(i.path("id").asString(), title,
                        i.path("status").asString(), pubs));
            }
            if (list.size() < 100) {
                break;
            }
        }
        return out;
    }

    /** Everything the suite compares, and what differs. */
    record Outcome(List<Mismatch> mismatches, Map<String, Object> figures) {
    }

    static Outcome compare(List<Workload.Item> workload, Map<String, ItemFinal> finals, Map<String, Snapshot> before,
            Map<String, Snapshot> after, List<Broker.Poison> poison, List<Broker.DeadLetter> deadLetters,
            String titlePrefix, LiveWatch live) {
        List<Mismatch> m = new ArrayList<>();
        Map<String, Object> figures = new LinkedHashMap<>();

        // 1. the items
        Map<String, Set<String>> creditsFor = new HashMap<>(); // task → workload items that must credit it
        Map<String, Map<String, Long>> livePubs = new HashMap<>(); // commune → channel → live publications added
        int finished = 0;
        int retracted = 0;
        int published = 0;
        int creditingItems = 0;
        Map<String, Integer> byMode = new TreeMap<>();
        Set<String> ours = new HashSet<>();
        for (Workload.Item item : workload) {
            byMode.merge(item.mode.name(), 1, Integer::sum);
            if (item.id != null) {
                ours.add(item.id);
            }
            boolean done = item.step == Workload.Step.DONE;
            if (!done) {
                m.add(new Mismatch("item finished its steps", "item #" + item.no + " " + item.id,
                        "DONE", item.step + (item.failure == null ? "" : " (" + item.failure + ")")));
            }
            ItemFinal f = item.id == null ? null : finals.get(item.id);
            if (f == null) {
                if (done) {
                    m.add(new Mismatch("item listed by content-service", "item #" + item.no + " " + item.id,
                            "present", "absent"));
                }
                continue;
            }
            // an unfinished item still counts by what it is, so that one failure is not reported again as counts
            if (done) {
                finished++;
            }
            for (Pub p : f.publications()) {
                if ("REQUESTED".equals(p.status())) {
                    m.add(new Mismatch("publication in a final state", "item #" + item.no + " " + item.id + " on "
                            + p.channel(), "SUCCEEDED/FAILED/RETRACTED/CANCELLED", "REQUESTED"));
                }
            }
            String want = item.retract ? "RETRACTED" : "PUBLISHED";
            if (done && !want.equals(f.status())) {
                m.add(new Mismatch("item's final status", "item #" + item.no + " " + item.id + " (" + item.mode + ")",
                        want, f.status() + " " + f.publications()));
            }
            if (done && !item.retract) {
                for (Pub p : f.publications()) {
                    if (!"SUCCEEDED".equals(p.status())) {
                        m.add(new Mismatch("publication succeeded", "item #" + item.no + " " + item.id + " on "
                                + p.channel(), "SUCCEEDED", p.status()));
                    }
                }
            }
            if ("RETRACTED".equals(f.status())) {
                retracted++;
                continue;
            }
            published++;
            Snapshot.TaskState task = before.get(item.commune.code()).tasks().get(item.taskId);
            boolean credits = false;
            for (Pub p : f.publications()) {
                if (!"SUCCEEDED".equals(p.status()) || p.publishedAt() == null) {
                    continue;
                }
                livePubs.computeIfAbsent(item.commune.code(), k -> new TreeMap<>()).merge(p.channel(), 1L, Long::sum);
                if (task != null && task.takesCreditAt(p.publishedAt())) {
                    credits = true;
                }
            }
            if (credits) {
                creditsFor.computeIfAbsent(item.taskId, k -> new TreeSet<>()).add(item.id);
                creditingItems++;
            }
        }
        long extraDrafts = finals.values().stream().filter(f -> !ours.contains(f.id())).count();
        figures.put("items", workload.size());
        figures.put("itemsByMode", byMode);
        figures.put("itemsFinished", finished);
        figures.put("itemsPublished", published);
        figures.put("itemsRetracted", retracted);
        figures.put("itemsExpectedToCredit", creditingItems);
        figures.put("extraDraftsFromLostCreateAnswers", extraDrafts);

        // 2. task-service and 3. report-service, per commune and task
        int tasksChecked = 0;
        long creditsExpected = 0;
        for (Map.Entry<String, Snapshot> e : after.entrySet()) {
            String commune = e.getKey();
            Snapshot b = before.get(commune);
            Snapshot a = e.getValue();
            for (Snapshot.TaskState t : a.tasks().values()) {
                tasksChecked++;
                Snapshot.TaskState tb = b.tasks().get(t.taskId());
                Set<String> expected = new TreeSet<>(tb == null ? List.of() : tb.activeItems());
                expected.addAll(creditsFor.getOrDefault(t.taskId(), Set.of()));
                creditsExpected += expected.size();
                Set<String> actual = new TreeSet<>(t.activeItems());
                String where = "commune " + commune + ", task " + t.taskId();
                if (actual.size() != t.activeItems().size()) {
                    m.add(new Mismatch("task-service: no item credited twice", where, "distinct items",
                            t.activeItems().size() - actual.size() + " repeated"));
                }
                if (!actual.equals(expected)) {
                    Set<String> missing = new TreeSet<>(expected);
                    missing.removeAll(actual);
                    Set<String> extra = new TreeSet<>(actual);
                    extra.removeAll(expected);
                    m.add(new Mismatch("task-service: credited items", where, expected.size() + " items",
                            actual.size() + " (missing " + missing + ", extra " + extra + ")"));
                }
                if (t.credited() != expected.size()) {
                    m.add(new Mismatch("task-service: credited count", where, Integer.toString(expected.size()),
                            Integer.toString(t.credited())));
                }
                int added = expected.size() - (tb == null ? 0 : tb.activeItems().size());
                Integer dashBefore = b.dashboardCredited().get(t.taskId());
                Integer dashAfter = a.dashboardCredited().get(t.taskId());
                int wantDash = (dashBefore == null ? (tb == null ? 0 : tb.activeItems().size()) : dashBefore) + added;
                LiveWatch.Dashboard stream = live == null ? null : live.streams.get(commune);
                if (stream != null && stream.net(t.taskId()) != added) {
                    m.add(new Mismatch("live dashboard stream: credits less withdrawals announced", where,
                            Integer.toString(added), stream.credited.getOrDefault(t.taskId(), new AtomicLong())
                                    + " credits − " + stream.withdrawn.getOrDefault(t.taskId(), new AtomicLong())
                                    + " withdrawals"));
                }
                if (dashAfter == null && dashBefore == null && added == 0) {
                    continue; // not on the dashboard before the run either (noted with the baseline)
                }
                if (dashAfter == null || dashAfter != wantDash) {
                    m.add(new Mismatch("report-service: dashboard credited", where, Integer.toString(wantDash),
                            String.valueOf(dashAfter)));
                }
            }
            LiveWatch.Dashboard stream = live == null ? null : live.streams.get(commune);
            if (stream != null && stream.resets.get() > 0) {
                m.add(new Mismatch("live dashboard stream: resumed without a reset", "commune " + commune,
                        "0 resets", stream.resets.get() + " (changes missed beyond the log)"));
            }
            if (stream != null && !stream.open) {
                m.add(new Mismatch("live dashboard stream: open at the end", "commune " + commune, "open",
                        "closed (" + stream.lastProblem + ")"));
            }
            Map<String, Long> added = livePubs.getOrDefault(commune, Map.of());
            long addedTotal = added.values().stream().mapToLong(Long::longValue).sum();
            if (a.dashboardPublications() != b.dashboardPublications() + addedTotal) {
                m.add(new Mismatch("report-service: live publications", "commune " + commune,
                        Long.toString(b.dashboardPublications() + addedTotal), Long.toString(a.dashboardPublications())));
            }
            Set<String> channels = new TreeSet<>(b.dashboardByChannel().keySet());
            channels.addAll(a.dashboardByChannel().keySet());
            channels.addAll(added.keySet());
            for (String ch : channels) {
                long want = b.dashboardByChannel().getOrDefault(ch, 0L) + added.getOrDefault(ch, 0L);
                long got = a.dashboardByChannel().getOrDefault(ch, 0L);
                if (want != got) {
                    m.add(new Mismatch("report-service: live publications per channel", "commune " + commune
                            + ", channel " + ch, Long.toString(want), Long.toString(got)));
                }
            }
        }
        figures.put("tasksChecked", tasksChecked);
        figures.put("activeCreditsExpected", creditsExpected);

        // 4. dead letters: exactly the poison
        Map<String, Set<String>> expectedDlq = new TreeMap<>();
        for (Broker.Poison p : poison) {
            for (String dlq : p.deadLetters()) {
                expectedDlq.computeIfAbsent(dlq, k -> new TreeSet<>()).add(p.marker());
            }
        }
        Map<String, Set<String>> foundDlq = new TreeMap<>();
        int duplicates = 0;
        Set<String> markers = new HashSet<>();
        poison.forEach(p -> markers.add(p.marker()));
        for (Broker.DeadLetter d : deadLetters) {
            if (d.marker() == null || !markers.contains(d.marker())) {
                m.add(new Mismatch("dead letters: only the injected poison", d.topic() + " partition "
                        + d.partition() + " offset " + d.offset(), "a poison marker",
                        "key " + d.key() + ", reason: " + d.reason()));
                continue;
            }
            if (!foundDlq.computeIfAbsent(d.topic(), k -> new TreeSet<>()).add(d.marker())) {
                duplicates++;
            }
            if (!expectedDlq.getOrDefault(d.topic(), Set.of()).contains(d.marker())) {
                m.add(new Mismatch("dead letters: poison where its topic's consumers are", d.topic(),
                        "not " + d.marker(), d.marker()));
            }
        }
        expectedDlq.forEach((topic, want) -> {
            Set<String> missing = new TreeSet<>(want);
            missing.removeAll(foundDlq.getOrDefault(topic, Set.of()));
            if (!missing.isEmpty()) {
                m.add(new Mismatch("dead letters: every poison message dead-lettered", topic, want.toString(),
                        "missing " + missing));
            }
        });
        figures.put("deadLettersRead", deadLetters.size());
        figures.put("deadLettersExpected", expectedDlq.values().stream().mapToInt(Set::size).sum());
        figures.put("deadLetterDuplicates", duplicates);
        return new Outcome(m, figures);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }
}
