package vn.loa.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml kept in step with the services: every service module runs in it, gets every variable its
 * configuration needs inside a container, sets no variable the service does not read, is health-checked,
 * memory-limited, restarted, and reachable only through the gateway.
 */
class ComposeConsistencyTest {

    private final Compose compose = Compose.load();

    @Test
    void everyServiceModuleRunsInComposeBuiltFromTheOneDockerfile() {
        List<String> modules = Repo.serviceModules();
        assertThat(modules).as("modules with an application.yml").contains("plan-service", "task-service", "gateway");
        List<String> built = compose.services().keySet().stream().map(compose::module)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(built).as("modules built by compose from " + Repo.DOCKERFILE).containsAll(modules);
        assertThat(modules).as("every service built from the Dockerfile is a service module").containsAll(built);
        for (String service : compose.services().keySet()) {
            String module = compose.module(service);
            if (module != null) {
                assertThat(service).as("the compose service is named after its module").isEqualTo(module);
            }
        }
    }

    @Test
    void everyVariableAServiceNeedsInAContainerIsSet() {
        List<String> missing = new ArrayList<>();
        for (String module : Repo.serviceModules()) {
            Repo.ServiceConfig config = Repo.config(module);
            Set<String> env = compose.environment(module).keySet();
            for (Repo.Placeholder p : config.placeholders()) {
                if (!p.isEnvironmentVariable() && config.defines(p.name())) {
                    continue; // a property of the configuration itself: its own placeholder is checked
                }
                if (!needsAValueInAContainer(p)) {
                    continue;
                }
                if (p.environmentNames().stream().noneMatch(env::contains)) {
                    missing.add(module + ": " + String.join(" or ", p.environmentNames()) + " (from " + p.where()
                            + (p.defaultValue() == null ? ", no default" : ", default " + p.defaultValue()) + ")");
                }
            }
        }
        assertThat(missing).as("variables the services need that docker-compose.yml does not set").isEmpty();
    }

    /** No default, or a default that only works on one machine (loopback): a container must be told. */
    private static boolean needsAValueInAContainer(Repo.Placeholder p) {
        String d = p.defaultValue();
        return d == null || d.contains("127.0.0.1") || d.contains("localhost");
    }

    @Test
    void everyLoaVariableComposeSetsIsReadByThatService() {
        List<String> unread = new ArrayList<>();
        for (String module : Repo.serviceModules()) {
            Repo.ServiceConfig config = Repo.config(module);
            Set<String> known = new TreeSet<>();
            config.placeholders().forEach(p -> known.addAll(p.environmentNames()));
            config.properties().keySet().forEach(k -> known.addAll(Repo.environmentNames(k)));
            for (String name : compose.environment(module).keySet()) {
                if (name.startsWith("LOA_") && !known.contains(name)) {
                    unread.add(module + ": " + name);
                }
            }
        }
        assertThat(unread).as("LOA_* variables set in docker-compose.yml that the service never reads (a typo?)")
                .isEmpty();
    }

    @Test
    void everyServiceHasAHealthcheckAMemoryLimitAndARestartPolicy() {
        for (String service : compose.services().keySet()) {
            Map<String, Object> s = compose.service(service);
            assertThat(s.get("mem_limit")).as(service + " mem_limit").isNotNull();
            assertThat(s.get("restart")).as(service + " restart").isNotNull();
            if (compose.isOneShot(service)) {
                continue; // a job others wait to complete, not a server
            }
            assertThat(s.get("restart")).as(service + " restarts").isIn("unless-stopped", "always", "on-failure");
            Map<String, Object> healthcheck = Compose.cast(s.get("healthcheck"));
            assertThat(healthcheck).as(service + " healthcheck").isNotNull();
            assertThat(healthcheck.get("test")).as(service + " healthcheck test").isNotNull();
            assertThat(healthcheck).as(service + " healthcheck").containsKeys("interval", "retries", "start_period");
        }
    }

    @Test
    void loaServicesAreHealthyWhenReadyOnTheirOwnPort() {
        for (String module : Repo.serviceModules()) {
            Object test = Compose.<Map<String, Object>>cast(compose.service(module).get("healthcheck")).get("test");
            assertThat(test).as(module + " healthcheck")
                    .isEqualTo(List.of("CMD", "loa-healthcheck", String.valueOf(port(module))));
        }
        // the script asks for the readiness probe, which the platform and the gateway turn on
        assertThat(Repo.read("deploy/healthcheck.sh")).contains("/actuator/health/readiness");
        assertThat(Repo.read("platform/src/main/resources/loa-platform.properties"))
                .contains("management.endpoint.health.probes.enabled=true");
        assertThat(Repo.config("gateway").properties()).containsEntry("management.endpoint.health.probes.enabled",
                "true");
    }

    @Test
    void everyDependencyWaitsForHealthOrForAJobToComplete() {
        for (String service : compose.services().keySet()) {
            compose.dependsOn(service).forEach((target, condition) -> {
                assertThat(compose.services()).as(service + " depends on " + target).containsKey(target);
                String expected = compose.isOneShot(target) ? "service_completed_successfully" : "service_healthy";
                assertThat(condition).as(service + " → " + target).isEqualTo(expected);
            });
        }
        for (String module : Repo.serviceModules()) {
            if (!module.equals("gateway")) {
                assertThat(compose.dependsOn(module)).as(module + " waits for its broker and database")
                        .containsEntry("kafka", "service_healthy").containsEntry("mongo", "service_healthy");
            }
        }
        assertThat(compose.dependsOn("gateway")).as("the gateway waits for the issuer and every service")
                .containsKey("keycloak")
                .containsKeys(Repo.serviceModules().stream().filter(m -> !m.equals("gateway")).toArray(String[]::new));
    }

    @Test
    void onlyTheGatewayIsPublished() {
        for (String service : compose.services().keySet()) {
            List<Object> ports = compose.list(service, "ports");
            if (service.equals("gateway")) {
                assertThat(ports).as("the gateway's published port").hasSize(1);
                assertThat(String.valueOf(ports.get(0))).endsWith(":8080");
                continue;
            }
            // operator tools (optional profile) may listen on the host's loopback only
            for (Object port : ports) {
                assertThat(compose.list(service, "profiles")).as(service + " publishes " + port).isNotEmpty();
                assertThat(String.valueOf(port)).as(service + " publishes on loopback only").startsWith("127.0.0.1:");
            }
        }
    }

    @Test
    void urlsBetweenServicesNameAComposeServiceAndItsPort() {
        Pattern url = Pattern.compile("^https?://([a-z0-9-]+):(\\d+)");
        for (String service : compose.services().keySet()) {
            compose.environment(service).forEach((name, value) -> {
                Matcher m = url.matcher(value);
                if (!m.find() || m.group(1).equals("localhost")) {
                    return;
                }
                assertThat(compose.services()).as(service + " " + name + "=" + value).containsKey(m.group(1));
                if (Repo.serviceModules().contains(m.group(1))) {
                    assertThat(Integer.parseInt(m.group(2))).as(service + " " + name + "=" + value)
                            .isEqualTo(port(m.group(1)));
                }
            });
        }
        for (String module : Repo.serviceModules()) {
            Map<String, String> env = compose.environment(module);
            if (Repo.withLoaDependencies(module).contains("platform")) {
                // the platform listens on loopback unless told (the embedded default); the gateway on all addresses
                assertThat(env).as(module + " listens on the private network")
                        .containsEntry("LOA_BIND_ADDRESS", "0.0.0.0");
                assertThat(env).as(module + " broker").containsEntry("LOA_KAFKA", "kafka:9092");
                assertThat(compose.environment("kafka")).containsEntry("KAFKA_ADVERTISED_LISTENERS",
                        "PLAINTEXT://kafka:9092");
                // its own database user (created by deploy/mongo/initdb), authenticated against its own database
                assertThat(env.get("LOA_MONGO")).as(module + " database")
                        .isEqualTo("mongodb://" + module + ":${LOA_MONGO_APP_PASSWORD}@mongo:27017");
                assertThat(Repo.read("deploy/mongo/initdb/10-loa-users.js")).contains("\"" + module + "\"");
                assertThat(Repo.read("platform/src/main/resources/loa-platform.properties"))
                        .contains("spring.mongodb.uri=${LOA_MONGO:mongodb://127.0.0.1:27027}/${spring.application.name}");
                assertThat(Repo.config(module).properties()).containsEntry("spring.application.name", module);
            }
        }
    }

    @Test
    void volumesAreNamedAndImagesArePinned() {
        Set<String> declared = compose.topLevelVolumes().keySet();
        for (String service : compose.services().keySet()) {
            for (Object volume : compose.list(service, "volumes")) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("$")) {
                    assertThat(declared).as(service + " volume " + source).contains(source);
                }
            }
            Object image = compose.service(service).get("image");
            assertThat(image).as(service + " image").isNotNull();
            if (compose.module(service) == null) {
                assertThat(String.valueOf(image)).as(service + " image tag").matches("[^:]+:v?[0-9][^:]*")
                        .doesNotEndWith(":latest");
            }
        }
        assertThat(compose.service("kafka").get("image")).isEqualTo("apache/kafka:4.1.1");
        assertThat(String.valueOf(compose.service("mongo").get("image"))).startsWith("mongo:8.");
        assertThat(String.valueOf(compose.service("keycloak").get("image"))).startsWith("quay.io/keycloak/keycloak:26.");
    }

    @Test
    void mongoIsAnAuthenticatedReplicaSetAndKafkaRunsKRaft() {
        List<Object> command = Compose.cast(compose.service("mongo").get("command"));
        assertThat(command).contains("--replSet", "--keyFile");
        assertThat(compose.environment("mongo")).containsKeys("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD");
        assertThat(Repo.read("deploy/mongo/healthcheck.sh")).contains("rs.initiate").contains("isWritablePrimary");
        assertThat(compose.environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_NUM_PARTITIONS", "6");
        assertThat(Repo.read("platform/src/main/java/vn/loa/platform/messaging/TopicSettings.java"))
                .as("topics have as many partitions as compose can scale a consumer to")
                .containsPattern("@DefaultValue\\(\"6\"\\)[^,]*int partitions");
    }

    @Test
    void everyVariableTheComposeFileUsesIsInEnvExample() {
        Matcher m = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)").matcher(compose.text());
        Set<String> used = new LinkedHashSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        String example = Repo.read(".env.example");
        Set<String> documented = new TreeSet<>();
        example.lines().filter(l -> l.matches("[A-Z][A-Z0-9_]*=.*")).forEach(l -> documented.add(l.split("=")[0]));
        assertThat(documented).as(".env.example documents every variable of docker-compose.yml").containsAll(used);
        assertThat(used).as("and nothing else").containsAll(documented);
    }

    @Test
    void theRadioChannelGetsItsSpeechAndMp3Tools() {
        assertThat(String.valueOf(compose.buildArgs("radio-channel").get("APT_PACKAGES")))
                .contains("espeak-ng").contains("lame");
        assertThat(Repo.read(Repo.DOCKERFILE)).contains("ARG APT_PACKAGES").contains("apt-get install");
    }

    private int port(String module) {
        String configured = Repo.config(module).properties().get("server.port");
        assertThat(configured).as(module + " server.port").isNotNull();
        List<Repo.Placeholder> p = Repo.placeholders(configured, module);
        if (p.isEmpty()) {
            return Integer.parseInt(configured);
        }
        String fromCompose = compose.environment(module).get(p.get(0).name());
        return Integer.parseInt(fromCompose != null ? fromCompose : p.get(0).defaultValue());
    }
}
