package vn.loa.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service image recipe (deploy/Dockerfile) and its healthcheck script, as far as they can be checked without a
 * Docker engine: the jar it copies is the one the build makes, it runs as a non-root user from Spring Boot layers,
 * and the healthcheck really tells a ready service (200) from one that is not (503) or not listening.
 */
class ImageTest {

    private final String dockerfile = Repo.read(Repo.DOCKERFILE);

    @Test
    void theDockerfileBuildsTheModuleAndRunsItsLayersAsNonRoot() {
        // official base images by default; ./loa images passes locally built ones (deploy/local/images.sh)
        assertThat(dockerfile).contains("ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-${JAVA_VERSION}")
                .contains("FROM ${BUILD_IMAGE} AS build")
                .contains("ARG RUNTIME_IMAGE=eclipse-temurin:${JAVA_VERSION}-jre")
                .contains("FROM ${RUNTIME_IMAGE}")
                .doesNotContain("# syntax=")
                // one Maven run builds every service (the build stage does not depend on MODULE)
                .contains("mvn -B -q -pl \"$SERVICE_MODULES\" -am package -DskipTests")
                .contains("java -Djarmode=tools -jar app.jar extract --layers --launcher")
                .contains("org.springframework.boot.loader.launch.JarLauncher")
                .contains("USER loa:loa")
                .contains("COPY --chmod=755 deploy/healthcheck.sh /usr/local/bin/loa-healthcheck");
        // the repackaged (runnable) jar carries the classifier the root pom gives it
        assertThat(Repo.read("pom.xml")).contains("<classifier>exec</classifier>");
        assertThat(dockerfile).contains("\"$m\"/target/\"$m\"-*-exec.jar").contains("COPY --from=build /jars/${MODULE}.jar");
        java.util.regex.Matcher modules = java.util.regex.Pattern.compile("ARG SERVICE_MODULES=(\\S+)").matcher(dockerfile);
        assertThat(modules.find()).as("ARG SERVICE_MODULES=…").isTrue();
        assertThat(List.of(modules.group(1).split(","))).as("the modules the build stage builds: every service module")
                .containsExactlyInAnyOrderElementsOf(Repo.serviceModules());
        String build = dockerfile.substring(dockerfile.indexOf("AS build"), dockerfile.indexOf("AS extract"));
        assertThat(build).as("the shared build stage does not depend on MODULE").doesNotContain("ARG MODULE")
                .doesNotContain("$MODULE").doesNotContain("${MODULE}");
        // the last stage is the runtime one and switches away from root before the entrypoint
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(runtime.indexOf("USER loa:loa")).isPositive().isLessThan(runtime.indexOf("ENTRYPOINT"));
        assertThat(Repo.read("deploy/Dockerfile.dockerignore")).contains("**/target").contains("data");
    }

    @Test
    void theHealthcheckIsHealthyOnlyWhenTheServiceAnswers200() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash on this machine to run the script");
        AtomicInteger status = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = ("{\"status\":\"" + (status.get() == 200 ? "UP" : "OUT_OF_SERVICE") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        try {
            assertThat(healthcheck(port)).as("ready").isZero();
            status.set(503);
            assertThat(healthcheck(port)).as("not ready").isNotZero();
        } finally {
            server.stop(0);
        }
        assertThat(healthcheck(port)).as("nothing listening").isNotZero();
    }

    private static int healthcheck(int port) throws Exception {
        Process p = new ProcessBuilder("/bin/bash", Repo.ROOT.resolve("deploy/healthcheck.sh").toString(),
                String.valueOf(port)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
