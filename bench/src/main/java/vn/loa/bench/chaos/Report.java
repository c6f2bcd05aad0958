package vn.loa.bench.chaos;

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

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> r, Path dir) throws IOException {
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        List<Faults.Injected> faults = (List<Faults.Injected>) r.get("faults");
        List<Broker.Poison> poison = (List<Broker.Poison>) r.get("poison");
        List<String> mismatches = (List<String>) r.get("mismatches");
        List<String> notes = (List<String>) r.get("notes");
        long injected = faults.stream().filter(f -> f.killedAtSeconds() > 0 && f.downSeconds() > 0).count();
        List<String> l = new ArrayList<>();
        l.add("# Fault suite (`./loa chaos`), " + machine.get("date"));
        l.add("");
        l.add("Machine: " + machine.get("processors") + " processors, " + machine.get("memoryGiB") + " GiB memory, "
                + machine.get("java") + ", " + machine.get("os") + ". The whole embedded stack (Kafka, mongo-java-server,"
                + " Keycloak, eight services and a second task-service) and this driver share the machine; loopback only.");
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
        l.add("Keycloak is not killed: the suite's tokens come from it, and killing the issuer tests Keycloak, not Loa.");
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
        String date = LocalDate.now().toString();
        Files.writeString(dir.resolve("chaos-" + date + ".md"), markdown);
        Files.writeString(dir.resolve("chaos-" + date + ".json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n");
        Faults.log("written to " + dir.toAbsolutePath().resolve("chaos-" + date + ".{md,json}"));
    }
}
