package vn.loa.content.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import vn.loa.content.attachment.AttachmentLimits;
import vn.loa.content.channel.RegistrySettings;

/** content-service's settings: the defaults the service runs with, and a wrong value refused at start. */
class PublishingSettingsTest {

    @Configuration
    @EnableConfigurationProperties({PublishingSettings.class, AttachmentLimits.class, RegistrySettings.class})
    static class Settings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void withNothingSetTheServiceRunsWithItsDefaults() {
        context.run(c -> {
            assertThat(c.getBean(PublishingSettings.class)).isEqualTo(new PublishingSettings("http://127.0.0.1:8083",
                    new PublishingSettings.Retry(3, Duration.ofSeconds(30))));
            assertThat(c.getBean(AttachmentLimits.class).maxSize()).isEqualTo(DataSize.ofMegabytes(10));
            assertThat(c.getBean(RegistrySettings.class).fresh()).isEqualTo(Duration.ofSeconds(90));
        });
    }

    @Test
    void aValueSetIsTaken() {
        context.withPropertyValues("loa.content.internal-url=http://content.internal:8083",
                "loa.content.retry.max-tries=5", "loa.content.retry.backoff=1s",
                "loa.content.attachments.max-size=2MB", "loa.content.channels.fresh=2m").run(c -> {
                    assertThat(c.getBean(PublishingSettings.class).retry().maxTries()).isEqualTo(5);
                    assertThat(c.getBean(PublishingSettings.class).retry().backoff()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(c.getBean(AttachmentLimits.class).maxSize()).isEqualTo(DataSize.ofMegabytes(2));
                    assertThat(c.getBean(RegistrySettings.class).fresh()).isEqualTo(Duration.ofMinutes(2));
                });
    }

    @Test
    void noTriesOrABlankUrlStopsTheStart() {
        context.withPropertyValues("loa.content.retry.max-tries=0")
                .run(c -> assertThat(c).hasFailed());
        context.withPropertyValues("loa.content.internal-url= ")
                .run(c -> assertThat(c).hasFailed());
    }
}
