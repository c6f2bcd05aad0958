package vn.loa.bench.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fault schedule and the stack control it uses: {@code ./loa __kill PART} (SIGKILL to the part's whole process
 * group) and {@code ./loa __start task-service-2} (start whatever is missing, wait until every part answers healthy).
 * Each step kills one or more parts, leaves them down for a while (the workload keeps going: the gateway answers 503,
 * producers keep events in their outboxes, consumers of the other instance take over), then restarts them.
 */
final class Faults {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Faults.class);

    /** One step of the schedule. {@code poison}: inject poison while the parts are down. */
    record Step(List<String> parts, Duration down, String why, boolean poison) {
    }

    /** What happened to one step. */
    record Injected(String parts, String why, double killedAtSeconds, double downSeconds, double restartSeconds,
            boolean restarted, String note) {
    }

    private final Path loa;
    private final Instant t0;
    private final Duration gap;
    final List<Injected> injected = new CopyOnWriteArrayList<>();
    volatile boolean done;

    Faults(Path loa, Instant t0, Duration gap) {
        this.loa = loa;
        this.t0 = t0;
        this.gap = gap;
    }

    /**
     * The schedule: the broker, the database, every service (each task-service instance alone, so that for a while
     * only the other one consumes, and then both again: a consumer-group rebalance each time), the channels and the
     * gateway; then the broker and a task-service instance together. Keycloak is not killed (the suite's tokens are
     * fetched at the start and after a 401; killing the issuer tests Keycloak, not Loa).
     */
    static List<Step> schedule(Duration down, Duration solo) {
        return List.of(
                new Step(List.of("kafka"), down.plusSeconds(2), "Kafka broker", false),
                new Step(List.of("mongo"), down, "the database (mongo-java-server, durable)", false),
                new Step(List.of("task-service"), solo, "task-service: only task-service-2 consumes, then rebalance",
                        true),
                new Step(List.of("content-service"), down, "content-service (outbox of items, publication answers)",
                        false),
                new Step(List.of("task-service-2"), solo, "task-service-2: only task-service consumes, then rebalance",
                        false),
                new Step(List.of("report-service"), down, "report-service (dashboards from events)", true),
                new Step(List.of("portal-channel"), down, "portal channel (publication requests in flight)", false),
                new Step(List.of("plan-service"), down, "plan-service", false),
                new Step(List.of("gateway"), down, "gateway (every request in flight lost)", false),
                new Step(List.of("manual-channel", "radio-channel"), down, "manual and radio channels", false),
                new Step(List.of("kafka", "task-service"), down.plusSeconds(2),
                        "Kafka broker and task-service together", false),
                new Step(List.of("mongo", "content-service"), down, "the database and content-service together",
                        false));
    }

    /** Runs the schedule; {@code onDown} is called while a step's parts are down (poison injection). */
    void run(List<Step> steps, Duration warmUp, Consumer<Step> onDown, Instant deadline) {
        try {
            Api.pause(warmUp.toMillis());
            for (Step step : steps) {
                if (Instant.now().plus(step.down()).plusSeconds(60).isAfter(deadline)) {
                    log("fault schedule: no time left for " + step.why() + " (skipped)");
                    injected.add(new Injected(String.join("+", step.parts()), step.why(), since(), 0, 0, false,
                            "skipped: the run's time bound"));
                    continue;
                }
                double killedAt = since();
                StringBuilder note = new StringBuilder();
                for (String part : step.parts()) {
                    Result r = loa("__kill", part);
                    if (r.code != 0) {
                        note.append(part).append(" not killed: ").append(r.output.strip()).append("; ");
                    }
                }
                log(String.format("fault at %.0f s: SIGKILL %s (%s)", killedAt, String.join(" + ", step.parts()),
                        step.why()));
                long downUntil = System.nanoTime() + step.down().toNanos();
                if (step.poison()) {
                    onDown.accept(step);
                }
                long rest = downUntil - System.nanoTime();
                if (rest > 0) {
                    Api.pause(TimeUnit.NANOSECONDS.toMillis(rest));
                }
                double downFor = since() - killedAt;
                Result r = loa("__start", "task-service-2");
                double restart = since() - killedAt - downFor;
                if (r.code != 0) {
                    note.append("restart failed: ").append(lastLines(r.output)).append("; ");
                }
                log(String.format("  restarted in %.1f s%s", restart, r.code == 0 ? "" : " — FAILED"));
                injected.add(new Injected(String.join("+", step.parts()), step.why(), round(killedAt),
                        round(downFor), round(restart), r.code == 0, note.toString().strip()));
                Api.pause(gap.toMillis());
            }
        } finally {
            done = true;
        }
    }

    record Result(int code, String output) {
    }

    Result loa(String... args) {
        List<String> command = new ArrayList<>();
        command.add(loa.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(loa.getParent().toFile()).redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            int code = p.waitFor();
            return new Result(code, new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private double since() {
        return Duration.between(t0, Instant.now()).toMillis() / 1000.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String lastLines(String s) {
        String[] lines = s.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }

    static void log(String line) {
        log.info("[chaos {}] {}", java.time.LocalTime.now().withNano(0), line);
    }
}
