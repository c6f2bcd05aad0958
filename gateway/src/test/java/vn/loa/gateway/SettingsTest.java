package vn.loa.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import vn.loa.gateway.protection.CorsProperties;
import vn.loa.gateway.routing.BreakerSettings;

/** The gateway's own settings: defaults, values taken, and a wrong value refused at start. */
class SettingsTest {

    @Configuration
    @EnableConfigurationProperties({CorsProperties.class, BreakerSettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void closedToOtherSitesAndThirtySecondsByDefault() {
        context.run(c -> {
            assertThat(c.getBean(CorsProperties.class).allowedOrigins()).isEmpty();
            assertThat(c.getBean(BreakerSettings.class).timeLimit()).isEqualTo(Duration.ofSeconds(30));
        });
        // the compose file passes an empty variable when no origin is named
        context.withPropertyValues("loa.gateway.cors.allowed-origins=")
                .run(c -> assertThat(c.getBean(CorsProperties.class).allowedOrigins()).isEmpty());
    }

    @Test
    void namedOriginsAndATimeLimitAreTaken() {
        context.withPropertyValues("loa.gateway.cors.allowed-origins=https://cchc.example.vn, http://localhost:3000",
                "loa.gateway.time-limit=45s").run(c -> {
                    assertThat(c.getBean(CorsProperties.class).allowedOrigins())
                            .isEqualTo(List.of("https://cchc.example.vn", "http://localhost:3000"));
                    assertThat(c.getBean(BreakerSettings.class).timeLimit()).isEqualTo(Duration.ofSeconds(45));
                });
    }

    @Test
    void aWildcardOriginOrNoTimeLimitStopsTheStart() {
        context.withPropertyValues("loa.gateway.cors.allowed-origins=*").run(c -> assertThat(c).hasFailed());
        context.withPropertyValues("loa.gateway.time-limit=0s").run(c -> assertThat(c).hasFailed());
    }
}
