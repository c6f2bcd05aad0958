package vn.loa.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/local/docker-compose.local.yml, the override for hosts without an image registry (./loa compose): it changes
 * only what must change, uses only images that ./loa images builds, composes with docker-compose.yml under
 * {@code docker-compose -f docker-compose.yml -f deploy/local/docker-compose.local.yml config}, and the result
 * publishes the gateway alone, on 127.0.0.1.
 */
class LocalComposeTest {

    static final String OVERRIDE = "deploy/local/docker-compose.local.yml";
    static final String IMAGES_SCRIPT = "deploy/local/images.sh";
    /** ./loa compose chaos adds it: the broker on the host's loopback for the fault suite. */
    static final String CHAOS_OVERRIDE = "deploy/local/docker-compose.chaos.yml";

    /** What the override may change, per service: nothing else (volumes, limits, depends_on stay the main file's). */
    private static final Set<String> ALLOWED = Set.of("image", "command", "entrypoint", "healthcheck", "environment",
            "build");

    private static Map<String, Object> override;

    @BeforeAll
    static void load() {
        override = Repo.yaml(OVERRIDE);
    }

    private static Map<String, Map<String, Object>> overrideServices() {
        return Compose.cast(override.get("services"));
    }

    @Test
    void theOverrideChangesOnlyWhatMustChangeWithPlainValues() {
        String text = String.join("\n", Repo.read(OVERRIDE).lines().filter(l -> !l.strip().startsWith("#")).toList());
        assertThat(text).as("docker-compose 1.29 has no !reset / !override").doesNotContain("!reset")
                .doesNotContain("!override");
        Compose main = Compose.load();
        overrideServices().forEach((service, config) -> {
            assertThat(main.services()).as("the override names a service of docker-compose.yml").containsKey(service);
            assertThat(ALLOWED).as(service + " changes only " + ALLOWED).containsAll(config.keySet());
            assertThat(config).as(service + " publishes nothing").doesNotContainKey("ports");
        });
        // the services connect to the stand-in without credentials (it has no users), each still to its own database
        for (String module : Repo.serviceModules()) {
            if (module.equals("gateway")) {
                continue;
            }
            Map<String, Object> env = Compose.cast(overrideServices().get(module).get("environment"));
            assertThat(env).as(module).containsEntry("LOA_MONGO", "mongodb://mongo:27017");
        }
        // the real MongoDB path stays the main file's: replica set and keyfile there, not here
        assertThat(String.valueOf(main.service("mongo").get("command"))).contains("--replSet");
    }

    @Test
    void everyImageOfTheOverrideIsOneThatLoaImagesBuilds() {
        String script = Repo.read(IMAGES_SCRIPT);
        overrideServices().forEach((service, config) -> {
            Object image = config.get("image");
            if (image != null) {
                String tag = String.valueOf(image);
                assertThat(tag).as(service).startsWith("loa-local/");
                String name = tag.substring("loa-local/".length(), tag.indexOf(':'));
                String version = tag.substring(tag.indexOf(':') + 1);
                assertThat(script).as(IMAGES_SCRIPT + " builds " + tag)
                        .containsPattern("loa-local/" + name + ":(" + java.util.regex.Pattern.quote(version) + "|\\$SUITE)");
                assertThat(Repo.exists("deploy/images/" + name.replace("debian", "base"))).as("recipe of " + tag).isTrue();
            }
            Map<String, Object> build = Compose.cast(config.get("build"));
            if (build != null) {
                assertThat(Compose.<Map<String, Object>>cast(build.get("args")))
                        .containsEntry("BUILD_IMAGE", "loa-local/jdk:21").containsEntry("RUNTIME_IMAGE", "loa-local/jre:21");
            }
        });
        // every service built from deploy/Dockerfile gets the local base images
        Compose main = Compose.load();
        for (String module : Repo.serviceModules()) {
            assertThat(overrideServices()).as(module).containsKey(module);
            assertThat(overrideServices().get(module)).as(module).containsKey("build");
            assertThat(main.module(module)).isEqualTo(module);
        }
        // the radio channel's system packages are the same in both recipes
        assertThat(script).contains("[radio-channel]=\"" + main.buildArgs("radio-channel").get("APT_PACKAGES") + "\"");
        // every Dockerfile under deploy/images is labelled by the script and pulls nothing from a registry
        assertThat(script).contains("--label vn.loa.local-build=true").contains("LABEL vn.loa.local-build=true");
        for (String recipe : List.of("jre", "jdk", "kafka", "postgres", "keycloak", "prometheus", "mongo-standin")) {
            String dockerfile = Repo.read("deploy/images/" + recipe + "/Dockerfile");
            assertThat(dockerfile).as(recipe).doesNotContain("# syntax=");
            dockerfile.lines().filter(l -> l.startsWith("FROM ")).forEach(from ->
                    assertThat(from).as(recipe + ": " + from).matches("FROM \\$\\{[A-Z_]+}( AS [a-z]+)?"));
            dockerfile.lines().filter(l -> l.startsWith("ARG ") && l.contains("_IMAGE=")).forEach(arg ->
                    assertThat(arg).as(recipe + ": " + arg).contains("=loa-local/"));
        }
    }

    @Test
    void composedWithTheMainFileItPublishesOnlyTheGatewayOnLoopback() throws Exception {
        Map<String, Map<String, Object>> services = composed(OVERRIDE);
        Map<String, List<String>> published = published(services);
        assertThat(published).as("published ports outside the observability profile").containsOnlyKeys("gateway");
        assertThat(published.get("gateway")).containsExactly("127.0.0.1:8080");

        for (String service : List.of("kafka", "mongo", "mongo-keyfile", "keycloak-db", "keycloak")) {
            assertThat(String.valueOf(services.get(service).get("image"))).as(service).startsWith("loa-local/");
        }
        for (String module : Repo.serviceModules()) {
            assertThat(String.valueOf(services.get(module).get("image"))).as(module).startsWith("loa/" + module + ":");
            Map<String, Object> build = Compose.cast(services.get(module).get("build"));
            assertThat(Compose.<Map<String, Object>>cast(build.get("args"))).as(module)
                    .containsEntry("MODULE", module).containsEntry("BUILD_IMAGE", "loa-local/jdk:21");
            Map<String, Object> env = Compose.cast(services.get(module).get("environment"));
            if (env.containsKey("LOA_MONGO")) {
                assertThat(String.valueOf(env.get("LOA_MONGO"))).as(module).isEqualTo("mongodb://mongo:27017");
            }
            // everything else of the main file is kept: its healthcheck and memory limit
            assertThat(String.valueOf(services.get(module).get("healthcheck"))).contains("loa-healthcheck");
        }
        assertThat(String.valueOf(services.get("mongo").get("command"))).doesNotContain("--replSet");
        assertThat(String.valueOf(services.get("mongo").get("healthcheck"))).contains("loa-mongo-ping");
    }

    @Test
    void theFaultSuitesOverridePublishesTheBrokerOnLoopbackBesideItsPrivateAddress() throws Exception {
        assertThat(Compose.<Map<String, Object>>cast(Repo.yaml(CHAOS_OVERRIDE).get("services")))
                .as("the fault suite's override changes the broker only").containsOnlyKeys("kafka");
        Map<String, Map<String, Object>> services = composed(OVERRIDE, CHAOS_OVERRIDE);
        assertThat(published(services)).as("published ports outside the observability profile")
                .containsOnlyKeys("gateway", "kafka").containsEntry("gateway", List.of("127.0.0.1:8080"))
                .containsEntry("kafka", List.of("127.0.0.1:19092"));
        Map<String, Object> env = Compose.cast(services.get("kafka").get("environment"));
        // the services keep kafka:9092 (LOA_KAFKA); the suite on the host gets the loopback listener
        assertThat(String.valueOf(env.get("KAFKA_ADVERTISED_LISTENERS")))
                .isEqualTo("PLAINTEXT://kafka:9092,HOST://127.0.0.1:19092");
        assertThat(String.valueOf(env.get("KAFKA_LISTENERS"))).contains("PLAINTEXT://:9092", "CONTROLLER://:9093",
                "HOST://:19092");
        assertThat(String.valueOf(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"))).contains("HOST:PLAINTEXT");
        assertThat(String.valueOf(services.get("task-service").get("environment"))).contains("LOA_KAFKA=kafka:9092");
    }

    /** The services of {@code docker-compose config} over docker-compose.yml and the given overrides. */
    private static Map<String, Map<String, Object>> composed(String... overrides) throws Exception {
        List<String> compose = Compose.command("LocalComposeTest", "the override is checked statically only");
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("--env-file", Repo.ROOT.resolve(".env.example").toString(), "-f", Compose.FILE));
        for (String override : overrides) {
            command.addAll(List.of("-f", override));
        }
        command.add("config");
        ProcessBuilder pb = new ProcessBuilder(command).directory(Repo.ROOT.toFile());
        // as ./loa compose runs it (deploy/local/compose.sh exports LOA_HTTP_ADDRESS=127.0.0.1)
        pb.environment().put("LOA_HTTP_ADDRESS", "127.0.0.1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
        Map<String, Object> merged = new Yaml(new LoaderOptions()).load(out);
        return Compose.cast(merged.get("services"));
    }

    /** Per service outside a profile: the host addresses and ports it publishes. */
    private static Map<String, List<String>> published(Map<String, Map<String, Object>> services) {
        Map<String, List<String>> published = new LinkedHashMap<>();
        services.forEach((name, s) -> {
            List<Object> ports = s.get("ports") == null ? List.of() : Compose.cast(s.get("ports"));
            if (!ports.isEmpty() && s.get("profiles") == null) {
                published.put(name, ports.stream().map(LocalComposeTest::hostAddressAndPort).toList());
            }
        });
        return published;
    }

    /** A port entry of `config` output as host-address:published, short syntax (1.29) or long syntax (v2). */
    private static String hostAddressAndPort(Object port) {
        if (port instanceof Map<?, ?> m) {
            Object ip = m.get("host_ip");
            return (ip == null ? "0.0.0.0" : ip) + ":" + m.get("published");
        }
        String[] parts = String.valueOf(port).replace("/tcp", "").split(":");
        return parts.length == 3 ? parts[0] + ":" + parts[1] : "0.0.0.0:" + parts[0];
    }

}
