package vn.loa.bench.chaos;

import vn.loa.bench.stack.Charts;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fault suite's summary: printed, and written to bench/results/chaos-<date>.md and .json. */
final class Report {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Report.class);

    private Report() {
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processors", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            m.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024) * 10) / 10.0);
        }
        m.put("java", System.getProperty("java.vendor") + " " + Runtime.version());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("date", LocalDateTime.now().withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        return m;
    }

    /** Requests answered, sent again and credits reaching the dashboards per second, a line at each kill. */
    private static void chart(Path file, Map<String, long[]> timeline, List<Faults.Injected> faults, Stack stack)
            throws IOException {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        names.put(Timeline.ANSWERED, "yêu cầu được trả lời/giây");
        names.put(Timeline.RETRIED, "yêu cầu gửi lại/giây");
        names.put(Timeline.DASHBOARD_CREDITS, "ghi nhận đến bảng điều khiển/giây");
        names.put(Timeline.CREATED, "tin bài mới/giây");
        names.forEach((key, name) -> {
            long[] v = timeline.getOrDefault(key, new long[0]);
            List<double[]> points = new ArrayList<>();
            for (int s = 0; s < v.length; s++) {
                points.add(new double[] {s, v[s]});
            }
            series.put(name, points);
        });
        Map<Double, String> markers = new LinkedHashMap<>();
        faults.stream().filter(f -> f.downSeconds() > 0).forEach(f -> markers.put(f.killedAtSeconds(), f.parts()));
        Charts.lines(file, "Tải liên tục qua các sự cố (" + stack.command() + ")", "giây kể từ khi bắt đầu", "mỗi giây", series,
                markers);
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> r, Path dir) throws IOException {
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        List<Faults.Injected> faults = (List<Faults.Injected>) r.get("faults");
        List<Broker.Poison> poison = (List<Broker.Poison>) r.get("poison");
        List<String> mismatches = (List<String>) r.get("mismatches");
        List<String> notes = (List<String>) r.get("notes");
        Stack stack = (Stack) r.get("stack");
        long injected = faults.stream().filter(f -> f.killedAtSeconds() > 0 && f.downSeconds() > 0).count();
        List<String> l = new ArrayList<>();
        l.add("# Fault suite (`" + stack.command() + "`), " + machine.get("date"));
        l.add("");
        l.add("Machine: " + machine.get("processors") + " processors, " + machine.get("memoryGiB") + " GiB memory, "
                + machine.get("java") + ", " + machine.get("os") + ". " + stack.description());
        l.add("Run `" + r.get("run") + "`, parameters: " + r.get("parameters") + ".");
        l.add("");
        l.add("| | |");
        l.add("|---|---|");
        l.add("| **mismatches** | **" + r.get("mismatchCount") + "** |");
        l.add("| faults injected (SIGKILL, then restart) | " + injected + " steps, "
                + faults.stream().filter(f -> f.downSeconds() > 0).mapToInt(f -> f.parts().split("\\+").length).sum()
                + " kills |");
        l.add("| workload items | " + r.get("items") + " (" + r.get("itemsByMode") + "): " + r.get("itemsPublished")
                + " published, " + r.get("itemsRetracted") + " retracted, " + r.get("itemsExpectedToCredit")
                + " expected to credit their task |");
        l.add("| workflow transitions | " + r.get("transitions") + "; " + r.get("conflictsResolvedFromState")
                + " answers of 409 resolved from the item's state (an earlier answer was lost) |");
        l.add("| events (messages on the topics during the run) | " + r.get("events") + " |");
        l.add("| HTTP requests | " + r.get("requests") + ", of which " + r.get("retried") + " sent again: "
                + r.get("retriesByReason") + " |");
        l.add("| tasks checked (task-service and dashboard) | " + r.get("tasksChecked") + ", "
                + r.get("activeCreditsExpected") + " active credits expected |");
        l.add("| poison injected / dead letters read | " + poison.size() + " / " + r.get("deadLettersRead")
                + " (expected " + r.get("deadLettersExpected") + ", duplicates " + r.get("deadLetterDuplicates") + ") |");
        l.add("| extra drafts from lost create answers | " + r.get("extraDraftsFromLostCreateAnswers")
                + " (harmless: a draft credits nothing) |");
        l.add("| load | " + r.get("rate") + " new items/s (each 4–6 requests), " + r.get("reads")
                + " reads of dashboards and reports (" + r.get("readsGaveUp") + " given up), one live dashboard stream"
                + " per commune |");
        l.add("| duration | " + r.get("durationSeconds") + " s (workload " + r.get("workloadSeconds")
                + " s, settling and checks " + r.get("settleSeconds") + " s, " + r.get("checks") + " checks) |");
        l.add("");
        l.add("## Faults");
        l.add("");
        l.add("| at (s) | SIGKILL | down (s) | back healthy after (s) | restarted | why | note |");
        l.add("|---|---|---|---|---|---|---|");
        for (Faults.Injected f : faults) {
            l.add("| " + f.killedAtSeconds() + " | " + f.parts() + " | " + f.downSeconds() + " | " + f.restartSeconds()
                    + " | " + (f.restarted() ? "yes" : "**no**") + " | " + f.why() + " | " + f.note() + " |");
        }
        l.add("");
        l.add("## Faults under load");
        l.add("");
        List<Map<String, Object>> figures = (List<Map<String, Object>>) r.get("faultFigures");
        if (!figures.isEmpty()) {
            Map<String, Object> normal = figures.getFirst();
            l.add("Usual rates " + normal.get("parts") + ": " + normal.get("answeredPerSecond")
                    + " requests answered/s, " + normal.get("creditsPerSecond") + " credits reaching the dashboards/s."
                    + " *Back after*: seconds from the kill until the 3-second mean is again at 80 % of the usual"
                    + " rate (0: it never fell below; −1: not before the next fault). Requests sent again and given up"
                    + " are counted from this kill to the next.");
            l.add("");
            l.add("| at (s) | killed | healthy after (s) | requests in flight | items open | sent again | given up"
                    + " | answered/s before → lowest | answered back after (s) | credits/s before → lowest"
                    + " | credits back after (s) |");
            l.add("|---:|---|---:|---:|---:|---|---:|---|---:|---|---:|");
            for (Map<String, Object> f : figures.subList(1, figures.size())) {
                l.add("| " + f.get("killedAtSeconds") + " | " + f.get("parts") + " | " + f.get("healthyAfterSeconds")
                        + " | " + f.get("requestsInFlight") + " | " + f.get("itemsOpen") + " | " + f.get("retried")
                        + " | " + f.get("gaveUp") + " | " + f.get("answeredPerSecondBefore") + " → "
                        + f.get("answeredPerSecondLowest") + " | " + f.get("answeredBackAfterSeconds") + " | "
                        + f.get("creditsPerSecondBefore") + " → " + f.get("creditsPerSecondLowest") + " | "
                        + f.get("creditsBackAfterSeconds") + " |");
            }
        }
        l.add("");
        String stem = stack.resultStem() + "-" + LocalDate.now();
        l.add("![requests and credits per second through the faults](" + stem + "-timeline.png)");
        l.add("");
        List<String> serverErrors = (List<String>) r.get("serverErrors");
        l.add("Answers 500 during the run: " + (serverErrors.isEmpty() ? "none." : serverErrors.size() + ":"));
        serverErrors.forEach(e -> l.add("- " + e));
        l.add("");
        l.add("## Keycloak killed: signing in while it is down");
        l.add("");
        Map<String, Object> login = (Map<String, Object>) r.get("login");
        l.add("While Keycloak was down and restarting, the login page was asked for through the gateway every second"
                + " (as a browser does) and the sign-in API every five. Killed at " + login.get("killedAtSeconds")
                + " s; healthy again after " + login.get("healthyAfterSeconds") + " s; **the login form was back for"
                + " users after " + login.get("loginFormBackAfterSeconds") + " s**.");
        l.add("");
        l.add("| what | seen |");
        l.add("|---|---:|");
        ((Map<String, Long>) login.get("probes")).forEach((k, v) -> l.add("| " + k + " | " + v + " |"));
        l.add("");
        l.add("LOGIN_FORM: Keycloak's form; VIETNAMESE_PAGE: the gateway's «Đăng nhập tạm thời gián đoạn» page (503);"
                + " VIETNAMESE_PROBLEM: «Máy chủ xác thực không phản hồi» (503); OTHER: anything else (a mismatch)."
                + " The workload's tokens, issued before the kill, were used throughout; an answer 401 while Keycloak"
                + " was down would be a mismatch.");
        l.add("");
        l.add("## Live dashboards through the faults");
        l.add("");
        l.add("One Server-Sent Events stream per commune, as its leader, through the gateway; it reconnects by itself"
                + " with Last-Event-ID, as the web app does. Each task's credits less withdrawals announced are compared"
                + " with the credits the workload added.");
        l.add("");
        l.add("| commune | connections | longest without a stream (s) | changes | credits | withdrawals | resets"
                + " | open at the end | reconnections refused (status: count; 0 = no connection) |");
        l.add("|---|---:|---:|---:|---:|---:|---:|---|---|");
        ((Map<String, Map<String, Object>>) r.get("liveStreams")).forEach((code, f) -> l.add("| " + code + " | "
                + f.get("connections") + " | " + f.get("longestWithoutStreamSeconds") + " | " + f.get("changes")
                + " | " + f.get("credits") + " | " + f.get("withdrawals") + " | " + f.get("resets") + " | "
                + f.get("openAtTheEnd") + " | " + f.get("refusedReconnections") + " |"));
        l.add("");
        l.add("## Poison");
        l.add("");
        l.add("| marker | topic | what | must reach |");
        l.add("|---|---|---|---|");
        for (Broker.Poison p : poison) {
            l.add("| " + p.marker() + " | " + p.topic() + " | " + p.kind() + " | " + String.join(", ", p.deadLetters())
                    + " |");
        }
        l.add("");
        l.add("## Events by topic");
        l.add("");
        ((Map<String, Long>) r.get("eventsByTopic")).forEach((t, n) -> l.add("- `" + t + "`: " + n));
        l.add("");
        l.add("Consumer lag at the end: " + r.get("finalLag") + ".");
        l.add("");
        l.add("## Mismatches");
        l.add("");
        if (mismatches.isEmpty()) {
            l.add("None: every task's credits (task-service) and credited figure (report-service dashboard), every"
                    + " commune's live publications in total and per channel, every item's final state and every"
                    + " dead letter are what the workload implies.");
        } else {
            mismatches.forEach(m -> l.add("- " + m));
        }
        if (!notes.isEmpty()) {
            l.add("");
            l.add("## Notes");
            l.add("");
            notes.forEach(n -> l.add("- " + n));
        }
        String markdown = String.join("\n", l) + "\n";
        log.info("\n{}", markdown);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(stem + ".md"), markdown);
        chart(dir.resolve(stem + "-timeline.png"), (Map<String, long[]>) r.get("timeline"), faults, stack);
        Map<String, Object> json = new LinkedHashMap<>(r);
        json.put("stack", stack.name());
        Files.writeString(dir.resolve(stem + ".json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        Faults.log("written to " + dir.toAbsolutePath().resolve(stem + ".{md,json}"));
    }
}
