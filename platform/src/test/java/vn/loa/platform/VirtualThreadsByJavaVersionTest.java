package vn.loa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Requests on virtual threads only where they do not pin their carrier inside synchronized (Java 24, JEP 491). */
class VirtualThreadsByJavaVersionTest {

    private static String virtualThreads(int javaVersion, Map<String, Object> serviceSettings) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("service", serviceSettings));
        PlatformDefaults.addDefaults(env, javaVersion);
        return env.getProperty("spring.threads.virtual.enabled");
    }

    @Test
    void onJava21RequestsRunOnPlatformThreads() {
        assertThat(virtualThreads(21, Map.of())).isEqualTo("false");
    }

    @Test
    void fromJava24OnRequestsRunOnVirtualThreads() {
        assertThat(virtualThreads(24, Map.of())).isEqualTo("true");
        assertThat(virtualThreads(25, Map.of())).isEqualTo("true");
    }

    @Test
    void aServicesOwnSettingWinsOnEitherJava() {
        assertThat(virtualThreads(21, Map.of("spring.threads.virtual.enabled", "true"))).isEqualTo("true");
        assertThat(virtualThreads(25, Map.of("spring.threads.virtual.enabled", "false"))).isEqualTo("false");
    }
}
