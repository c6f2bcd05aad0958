package vn.loa.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import vn.loa.platform.PlatformDefaults;

/** The compose profile turns on JSON (ECS) logs; without it the log stays plain; a service may still override. */
class PlatformDefaultsTest {

    @Test
    void theComposeProfileGivesStructuredLogs() {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles("compose");
        new PlatformDefaults().postProcessEnvironment(env, null);
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(env.getProperty("spring.cloud.stream.kafka.binder.enable-observation")).isEqualTo("true");
    }

    @Test
    void withoutTheProfileLogsStayPlain() {
        StandardEnvironment env = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(env, null);
        assertThat(env.getProperty("logging.structured.format.console")).isNull();
        assertThat(env.getProperty("management.endpoints.web.exposure.include"))
                .isEqualTo("health,info,prometheus,metrics");
    }

    @Test
    void aServicesOwnSettingWins() {
        StandardEnvironment env = new StandardEnvironment();
        env.setActiveProfiles("compose");
        env.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("logging.structured.format.console", "logstash")));
        new PlatformDefaults().postProcessEnvironment(env, null);
        assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }
}
