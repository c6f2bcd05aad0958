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
 * retries and dead letters, actuator exposure, problem details). A service's own configuration overrides them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("loa-platform", new ClassPathResource("loa-platform.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
