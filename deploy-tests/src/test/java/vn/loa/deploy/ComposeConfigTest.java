package vn.loa.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker compose's own verdict on docker-compose.yml ({@code config -q}, with .env.example as the environment),
 * with and without the observability profile. Needs a compose binary — Debian's {@code docker-compose} package here
 * (./loa test installs it) or the {@code docker compose} plugin; without one the test is skipped and says so.
 */
class ComposeConfigTest {


    @Test
    void composeAcceptsTheFile() throws Exception {
        List<String> compose = Compose.command("ComposeConfigTest", "docker-compose.yml is checked only by ComposeConsistencyTest (install Debian's docker-compose package to run this)");
        assertThat(run(compose, "config", "-q")).isEmpty();
        assertThat(run(compose, "--profile", "observability", "config", "-q")).isEmpty();
        String services = run(compose, "--profile", "observability", "config", "--services");
        assertThat(services.lines().toList()).containsAll(Repo.serviceModules())
                .contains("kafka", "mongo", "keycloak", "prometheus", "grafana");
    }

    @Test
    void composeRefusesToStartWithoutTheSecrets() throws Exception {
        List<String> compose = Compose.command("ComposeConfigTest", "docker-compose.yml is checked only by ComposeConsistencyTest (install Debian's docker-compose package to run this)");
        Path empty = Files.createTempFile("loa-empty", ".env");
        try {
            Process p = new ProcessBuilder(withEnvFile(compose, empty, "config", "-q")).directory(Repo.ROOT.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isNotZero();
            assertThat(out).contains("in .env");
        } finally {
            Files.deleteIfExists(empty);
        }
    }


    private static List<String> withEnvFile(List<String> compose, Path envFile, String... args) {
        List<String> command = new ArrayList<>(compose);
        command.add("--env-file");
        command.add(envFile.toString());
        command.addAll(List.of(args));
        return command;
    }

    private static String run(List<String> compose, String... args) throws Exception {
        Process p = new ProcessBuilder(withEnvFile(compose, Repo.ROOT.resolve(".env.example"), args))
                .directory(Repo.ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("compose finished").isTrue();
        assertThat(p.exitValue()).as("compose " + String.join(" ", args) + ":\n" + out).isZero();
        return out;
    }
}
