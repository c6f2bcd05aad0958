package vn.loa.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Puts {@code loa-platform.properties} last in the environment: the defaults every service shares (consumer
 * retries and dead letters, actuator exposure, tracing, problem details). A service's own configuration overrides
 * them. For each active profile that has a {@code loa-platform-<profile>.properties} (e.g. {@code compose}: JSON
 * logs), that file comes just before the shared defaults.
 *
 * <p>Requests run on virtual threads ({@code spring.threads.virtual.enabled}) only on Java 24 and later. Before JEP 491
 * a virtual thread that blocks inside {@code synchronized} pins its carrier, and a container of two processors has two
 * carriers: under {@code ./loa compose chaos} a report-service on Java 21 (the images' runtime) stopped answering HTTP
 * for good, both carriers holding a stuck virtual thread, while its Kafka consumers (platform threads) went on. On an
 * older Java the default is therefore Tomcat's pool of platform threads; a service's own setting still wins.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    /** The first Java whose virtual threads do not pin their carrier inside {@code synchronized} (JEP 491). */
    static final int VIRTUAL_THREADS_WITHOUT_PINNING = 24;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addDefaults(environment, Runtime.version().feature());
    }

    static void addDefaults(ConfigurableEnvironment environment, int javaVersion) {
        try {
            var sources = environment.getPropertySources();
            sources.addLast(new ResourcePropertySource("loa-platform", new ClassPathResource("loa-platform.properties")));
            for (String profile : environment.getActiveProfiles()) {
                ClassPathResource file = new ClassPathResource("loa-platform-" + profile + ".properties");
                if (file.exists()) {
                    sources.addBefore("loa-platform", new ResourcePropertySource("loa-platform-" + profile, file));
                }
            }
            if (javaVersion < VIRTUAL_THREADS_WITHOUT_PINNING) {
                sources.addBefore("loa-platform", new MapPropertySource("loa-platform-java" + javaVersion,
                        Map.of("spring.threads.virtual.enabled", "false")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
