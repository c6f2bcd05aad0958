package vn.loa.bench.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What task-service and report-service say about one commune at one moment: every task of every plan with its active
 * credits (item ids) and its windows, and the commune dashboard's figures (credited per task, live publications in
 * total and per channel).
 */
record Snapshot(String commune, Map<String, TaskState> tasks, Map<String, Integer> dashboardCredited,
        long dashboardPublications, Map<String, Long> dashboardByChannel) {

    /** A window of a task's buckets, [start, end). */
    record Window(String period, Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /**
     * One task as task-service shows it. {@code credited} is its own count; {@code activeItems} the items of its
     * active credits (a repeated item would be a double count); {@code live}: the plan is issued or amended and the
     * task not withdrawn, so it takes credit.
     */
    record TaskState(String taskId, String planId, String planNumber, String status, boolean live, int credited,
            List<String> activeItems, List<Window> windows) {

        boolean takesCreditAt(Instant t) {
            return live && windows.stream().anyMatch(w -> w.contains(t));
        }
    }

    static Snapshot read(Api api, Commune c, Instant deadline) {
        String leader = c.leader();
        Map<String, TaskState> tasks = new TreeMap<>();
        JsonNode plans = api.get("/api/plans", leader, deadline).expect("plans of " + c.code()).json();
        for (JsonNode plan : plans) {
            String planId = plan.path("id").asString();
            String planStatus = plan.path("status").asString();
            if ("DRAFT".equals(planStatus)) {
                continue;
            }
            boolean planLive = "ISSUED".equals(planStatus) || "AMENDED".equals(planStatus);
            JsonNode list = api.get("/api/tasks?plan=" + Api.query(planId), leader, deadline)
                    .expect("tasks of " + planId).json();
            for (JsonNode summary : list) {
                String id = summary.path("id").asString();
                JsonNode t = api.get("/api/tasks/" + Api.query(id), leader, deadline).expect("task " + id).json();
                List<String> active = new ArrayList<>();
                for (JsonNode credit : t.path("credits")) {
                    JsonNode withdrawn = credit.path("withdrawn");
                    if (withdrawn.isMissingNode() || withdrawn.isNull()) {
                        active.add(credit.path("itemId").asString());
                    }
                }
                List<Window> windows = new ArrayList<>();
                for (JsonNode p : t.path("periods")) {
                    // a period withdrawn (CANCELLED) or over before the plan was issued (NOT_APPLICABLE, ADR 0004)
                    // takes no credit
                    String periodStatus = p.path("status").asString();
                    if (!"CANCELLED".equals(periodStatus) && !"NOT_APPLICABLE".equals(periodStatus)) {
                        windows.add(new Window(p.path("period").asString(), Api.instant(p.path("start")),
                                Api.instant(p.path("end"))));
                    }
                }
                String status = t.path("status").asString();
                tasks.put(id, new TaskState(id, planId, plan.path("number").asString(), status, planLive && !"WITHDRAWN".equals(status),
                        t.path("credited").asInt(), List.copyOf(active), List.copyOf(windows)));
            }
        }
        JsonNode dash = api.get("/api/dashboard", leader, deadline).expect("dashboard of " + c.code()).json();
        Map<String, Integer> credited = new LinkedHashMap<>();
        for (JsonNode v : dash.path("tasks")) {
            credited.put(v.path("taskId").asString(), v.path("totalCredited").asInt());
        }
        Map<String, Long> byChannel = new TreeMap<>();
        for (JsonNode count : dash.path("publications").path("byChannel")) {
            byChannel.put(count.path("key").asString(), count.path("count").asLong());
        }
        return new Snapshot(c.code(), tasks, credited, dash.path("publications").path("total").asLong(), byChannel);
    }
}
