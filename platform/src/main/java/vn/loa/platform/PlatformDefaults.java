package vn.loa.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Puts {@code loa-platform.properties} last in the environment: the defaults every service shares (consumer
 * retries and dead letters, actuator exposure, tracing, problem details). A service's own configuration overrides
 * them. For each active profile that has a {@code loa-platform-<profile>.properties} (e.g. {@code compose}: JSON
 * logs), that file comes just before the shared defaults.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            var sources = environment.getPropertySources();
            sources.addLast(new ResourcePropertySource("loa-platform", new ClassPathResource("loa-platform.properties")));
            for (String profile : environment.getActiveProfiles()) {
                ClassPathResource file = new ClassPathResource("loa-platform-" + profile + ".properties");
                if (file.exists()) {
                    sources.addBefore("loa-platform", new ResourcePropertySource("loa-platform-" + profile, file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
