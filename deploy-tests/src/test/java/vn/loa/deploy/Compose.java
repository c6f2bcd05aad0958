package vn.loa.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml as parsed by SnakeYAML (anchors and {@code <<} merge keys resolved). */
final class Compose {

    static final String FILE = "docker-compose.yml";

    private final Map<String, Object> root;

    private Compose(Map<String, Object> root) {
        this.root = root;
    }

    static Compose load() {
        return new Compose(Repo.yaml(FILE));
    }

    String text() {
        return Repo.read(FILE);
    }

    Map<String, Map<String, Object>> services() {
        return cast(root.get("services"));
    }

    Map<String, Object> service(String name) {
        return services().get(name);
    }

    Map<String, Object> topLevelVolumes() {
        Map<String, Object> volumes = cast(root.get("volumes"));
        return volumes == null ? Map.of() : volumes;
    }

    /** The environment of a service as a map, whether written as a map or as a list of NAME=value. */
    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return result;
    }

    /** The module a service is built from (deploy/Dockerfile with build-arg MODULE), or null. */
    String module(String service) {
        Map<String, Object> build = cast(service(service).get("build"));
        if (build == null || !Repo.DOCKERFILE.equals(build.get("dockerfile"))) {
            return null;
        }
        Map<String, Object> args = cast(build.get("args"));
        return args == null ? null : String.valueOf(args.get("MODULE"));
    }

    Map<String, Object> buildArgs(String service) {
        Map<String, Object> build = cast(service(service).get("build"));
        Map<String, Object> args = build == null ? null : cast(build.get("args"));
        return args == null ? Map.of() : args;
    }

    /** depends_on as name → condition (a list form means "service_started"). */
    Map<String, String> dependsOn(String service) {
        Object deps = service(service).get("depends_on");
        Map<String, String> result = new LinkedHashMap<>();
        if (deps instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                Object condition = v instanceof Map<?, ?> m ? m.get("condition") : null;
                result.put(String.valueOf(k), condition == null ? "service_started" : String.valueOf(condition));
            });
        } else if (deps instanceof List<?> list) {
            list.forEach(name -> result.put(String.valueOf(name), "service_started"));
        }
        return result;
    }

    /** A one-shot job: it does not restart and others wait for it to complete. */
    boolean isOneShot(String service) {
        return "no".equals(String.valueOf(service(service).get("restart")))
                && services().keySet().stream().anyMatch(
                        other -> "service_completed_successfully".equals(dependsOn(other).get(service)));
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String service, String key) {
        Object value = service(service).get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    /**
     * How to run Compose here: Debian's {@code docker-compose}, else the {@code docker compose} plugin. Where neither
     * exists the calling test is skipped, with the reason in the log and the report.
     */
    static List<String> command(String testName, String withoutIt) {
        if (works(List.of("docker-compose", "version"))) {
            return List.of("docker-compose");
        }
        if (works(List.of("docker", "compose", "version"))) {
            return List.of("docker", "compose");
        }
        String reason = "no docker-compose binary and no `docker compose` plugin on this machine: " + withoutIt;
        org.slf4j.LoggerFactory.getLogger(Compose.class).warn("SKIPPED {}: {}", testName, reason);
        org.junit.jupiter.api.Assumptions.assumeTrue(false, reason);
        return List.of();
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
