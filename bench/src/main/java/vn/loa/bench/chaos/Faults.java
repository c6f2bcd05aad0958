package vn.loa.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The fault schedule, run through the {@link Stack}'s control: {@code __kill PART} (SIGKILL) and {@code __start}
 * (start whatever is missing, wait until every part answers healthy). Each step kills one or more parts, leaves them
 * down for a while (the workload keeps going: the gateway answers 503, producers keep events in their outboxes,
 * consumers of the other instances take over), then restarts them.
 */
final class Faults {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Faults.class);

    /**
     * One step of the schedule. {@code poison}: inject poison while the parts are down. {@code diskFull}: instead of a
     * kill, the parts' small disk ({@code ./loa __disk small}) is filled for {@code down}, then freed.
     */
    record Step(List<String> parts, Duration down, String why, boolean poison, boolean diskFull) {

        Step(List<String> parts, Duration down, String why, boolean poison) {
            this(parts, down, why, poison, false);
        }

        String name() {
            return String.join("+", parts) + (diskFull ? " (disk full)" : "");
        }
    }

    /**
     * What happened to one step: when its parts were killed, how long they stayed down, how long the restart took
     * until every part answered healthy, and the workload's requests in flight and items open at the kill.
     */
    record Injected(String parts, String why, double killedAtSeconds, double downSeconds, double restartSeconds,
            boolean restarted, String note, int requestsInFlight, int itemsOpen) {

        double healthyAtSeconds() {
            return killedAtSeconds + downSeconds + restartSeconds;
        }
    }

    /** Told of each step as it goes: at the kill (parts down) and once every part answers healthy again. */
    interface Listener {
        default void down(Step step) {
        }

        default void healthy(Step step) {
        }
    }

    private final Stack stack;
    private final Instant t0;
    private final Duration gap;
    private final IntSupplier requestsInFlight;
    private final IntSupplier itemsOpen;
    final List<Injected> injected = new CopyOnWriteArrayList<>();
    volatile boolean done;

    Faults(Stack stack, Instant t0, Duration gap, IntSupplier requestsInFlight, IntSupplier itemsOpen) {
        this.stack = stack;
        this.t0 = t0;
        this.gap = gap;
        this.requestsInFlight = requestsInFlight;
        this.itemsOpen = itemsOpen;
    }

    /**
     * The schedule: the broker, the database, every service (the first two task-service instances each alone, so
     * that for a while only the others consume, and then all again: a consumer-group rebalance each time), the
     * channels and the gateway, Keycloak (the tokens already issued must keep working: the gateway holds the keys; a
     * new login meets the gateway's Vietnamese page); then the broker and a task-service instance together, and the
     * database and content-service together.
     *
     * @param taskInstances the task-service instances of the stack, at least two
     */
    static List<Step> schedule(Duration down, Duration solo, Duration diskFull, List<String> taskInstances) {
        List<Step> steps = new java.util.ArrayList<>(List.of(
                new Step(List.of("kafka"), down.plusSeconds(2), "Kafka broker", false),
                new Step(List.of("mongo"), down, "the database (mongo-java-server, durable)", false),
                instanceAlone(taskInstances, 0, solo, true),
                new Step(List.of("content-service"), down, "content-service (outbox of items, publication answers)",
                        false),
                instanceAlone(taskInstances, 1, solo, false),
                new Step(List.of("report-service"), down, "report-service (dashboards from events)", true),
                new Step(List.of("portal-channel"), down, "portal channel (publication requests in flight)", false),
                new Step(List.of("plan-service"), down, "plan-service", false),
                new Step(List.of("gateway"), down, "gateway (every request in flight lost)", false),
                new Step(List.of("keycloak"), down, "Keycloak (the login server): tokens already issued keep working",
                        false),
                new Step(List.of("manual-channel", "radio-channel"), down, "manual and radio channels", false),
                new Step(List.of("kafka", "task-service"), down.plusSeconds(2),
                        "Kafka broker and task-service together", false),
                new Step(List.of("mongo", "content-service"), down, "the database and content-service together",
                        false)));
        if (!diskFull.isZero()) {
            int afterKeycloak = steps.indexOf(steps.stream().filter(s -> s.parts().equals(List.of("keycloak")))
                    .findFirst().orElseThrow()) + 1;
            steps.add(afterKeycloak, new Step(List.of("mongo"), diskFull,
                    "the database's disk full: not a byte left for its journal and store, then freed", false, true));
            steps.add(afterKeycloak, new Step(List.of("kafka"), diskFull,
                    "the broker's disk full: not a byte left for its logs, then freed", false, true));
        }
        return List.copyOf(steps);
    }

    /** One task-service instance killed for {@code solo}: the others of the group consume alone, then rebalance. */
    private static Step instanceAlone(List<String> instances, int i, Duration solo, boolean poison) {
        String killed = instances.get(i);
        List<String> others = instances.stream().filter(x -> !x.equals(killed)).toList();
        return new Step(List.of(killed), solo, killed + ": " + (others.size() == 1 ? "only " + others.getFirst()
                + " consumes" : String.join(" and ", others) + " consume without it") + ", then rebalance", poison);
    }

    /** Runs the schedule; {@code listener} hears of each step while its parts are down and once they are back. */
    void run(List<Step> steps, Duration warmUp, Listener listener, Instant deadline) {
        try {
            Api.pause(warmUp.toMillis());
            for (Step step : steps) {
                if (Instant.now().plus(step.down()).plusSeconds(60).isAfter(deadline)) {
                    log("fault schedule: no time left for " + step.why() + " (skipped)");
                    injected.add(new Injected(step.name(), step.why(), since(), 0, 0, false,
                            "skipped: the run's time bound", 0, 0));
                    continue;
                }
                double killedAt = since();
                int inFlight = requestsInFlight.getAsInt();
                int open = itemsOpen.getAsInt();
                StringBuilder note = new StringBuilder();
                for (String part : step.parts()) {
                    Stack.Result r = step.diskFull() ? stack.run("__disk", "fill", part) : stack.run("__kill", part);
                    if (r.code() != 0) {
                        note.append(part).append(step.diskFull() ? " disk not filled: " : " not killed: ")
                                .append(r.output().strip()).append("; ");
                    }
                }
                log(String.format("fault at %.0f s: %s %s (%s)", killedAt, step.diskFull() ? "disk full:" : "SIGKILL",
                        String.join(" + ", step.parts()), step.why()));
                long downUntil = System.nanoTime() + step.down().toNanos();
                listener.down(step);
                long rest = downUntil - System.nanoTime();
                if (rest > 0) {
                    Api.pause(TimeUnit.NANOSECONDS.toMillis(rest));
                }
                double downFor = since() - killedAt;
                if (step.diskFull()) {
                    for (String part : step.parts()) {
                        boolean alive = stack.run("__running", part).code() == 0;
                        note.append(part).append(alive ? " still running on the full disk" : " stopped on the full disk")
                                .append("; ");
                        stack.run("__disk", "free", part);
                    }
                }
                Stack.Result r = stack.startMissing();
                double restart = since() - killedAt - downFor;
                if (r.code() != 0) {
                    note.append("restart failed: ").append(lastLines(r.output())).append("; ");
                }
                log(String.format("  restarted in %.1f s%s", restart, r.code() == 0 ? "" : " — FAILED"));
                listener.healthy(step);
                injected.add(new Injected(step.name(), step.why(), round(killedAt),
                        round(downFor), round(restart), r.code() == 0, note.toString().strip(), inFlight, open));
                Api.pause(gap.toMillis());
            }
        } finally {
            done = true;
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
