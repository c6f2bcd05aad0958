package vn.loa.bench.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack the fault suite strikes, and how it is driven. Both answer the same commands through {@code ./loa}:
 * {@code __kill PART} (SIGKILL, no shutdown hook, no flush), {@code __start [EXTRA…]} (start whatever is missing and
 * wait until every part answers healthy) and {@code __running PART}; only the embedded default has {@code __disk}.
 *
 * <ul>
 *   <li><b>embedded</b> ({@code ./loa chaos}): the processes of {@code ./loa up} on this host, plus a second
 *       task-service instance that the suite starts ({@code task-service-2});</li>
 *   <li><b>compose</b> ({@code ./loa compose chaos}): the containers of {@code ./loa compose up}, task-service scaled
 *       to three instances ({@code task-service-N} is the container numbered N); a kill is {@code docker kill}, a
 *       restart {@code docker start}. Keycloak is reached through the gateway (its only door there), the broker on
 *       the loopback port that {@code deploy/local/docker-compose.chaos.yml} publishes.</li>
 * </ul>
 *
 * @param taskInstances the task-service instances in the one consumer group, the first being {@code task-service}
 * @param rate the default of {@code chaos.rate}, new items per second: what the stack sustains on this 2-core machine
 *     with room to catch up after a fault (the compose containers answered about 20 requests/s under the schedule, the
 *     embedded processes about 30; at 8 items/s compose fell behind by 4–5 items every second)
 * @param maxMinutes the default of {@code chaos.maxMinutes}, the whole run's bound: room for every step of the schedule
 *     (a container restarted under the load took 15–175 s to answer healthy, against 20–35 s for an embedded process;
 *     20 minutes left the last four steps out, 30 minutes the last two)
 */
record Stack(String name, Path loa, List<String> prefix, List<String> taskInstances, String keycloak,
        double rate, int maxMinutes, String description) {

    static Stack of(String name, Path loa, String gateway) {
        return switch (name) {
            case "embedded" -> new Stack(name, loa, List.of(), List.of("task-service", "task-service-2"),
                    "http://127.0.0.1:18180/auth", 8, 20, "The whole embedded stack (Kafka, mongo-java-server, Keycloak, eight"
                            + " services and a second task-service) and this driver share the machine; loopback only.");
            case "compose" -> new Stack(name, loa, List.of("compose"),
                    List.of("task-service", "task-service-2", "task-service-3"),
                    gateway.replaceAll("/+$", "") + "/auth", 3, 40, "The compose stack (`./loa compose up`: one container"
                            + " each for Kafka, the mongo-java-server stand-in, PostgreSQL, Keycloak, the mail server,"
                            + " eight services, and task-service scaled to three) and this driver share the machine;"
                            + " kills are `docker kill` (SIGKILL to the container), restarts `docker start`; loopback"
                            + " only.");
            default -> throw new IllegalArgumentException("chaos.stack: embedded or compose, not " + name);
        };
    }

    /** Whether the broker's and the database's disks can be filled (the embedded default's data folders, as root). */
    boolean fillsDisks() {
        return name.equals("embedded");
    }

    /** The task-service instances that this stack runs beside the first (the embedded default starts them itself). */
    private List<String> extras() {
        return name.equals("embedded") ? taskInstances.subList(1, taskInstances.size()) : List.of();
    }

    /** Starts whatever is missing, the extra task-service instances included, and waits until all is healthy. */
    Result startMissing() {
        List<String> args = new ArrayList<>(List.of("__start"));
        args.addAll(extras());
        return run(args.toArray(String[]::new));
    }

    /** The stem of the result files: {@code chaos-<date>} or {@code chaos-compose-<date>}. */
    String resultStem() {
        return name.equals("embedded") ? "chaos" : "chaos-" + name;
    }

    /** The command that runs the suite on this stack, as the report names it. */
    String command() {
        return name.equals("embedded") ? "./loa chaos" : "./loa compose chaos";
    }

    record Result(int code, String output) {
    }

    /** Runs {@code ./loa [compose] ARGS} and returns its exit status and output. */
    Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(loa.toString());
        command.addAll(prefix);
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
}
