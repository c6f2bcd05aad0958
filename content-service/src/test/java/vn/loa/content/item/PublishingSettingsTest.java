package vn.loa.content.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import vn.loa.content.attachment.AttachmentLimits;
import vn.loa.content.channel.RegistrySettings;
import vn.loa.testsupport.Settings;

/** content-service's settings: the defaults the service runs with, and a wrong value refused at start. */
class PublishingSettingsTest {

    @Test
    void withNothingSetTheServiceRunsWithItsDefaults() {
        assertThat(Settings.bind(PublishingSettings.class)).isEqualTo(new PublishingSettings("http://127.0.0.1:8083",
                new PublishingSettings.Retry(3, Duration.ofSeconds(30))));
        assertThat(Settings.bind(AttachmentLimits.class).maxSize()).isEqualTo(DataSize.ofMegabytes(10));
        assertThat(Settings.bind(RegistrySettings.class).fresh()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aValueSetIsTaken() {
        PublishingSettings publishing = Settings.bind(PublishingSettings.class,
                "loa.content.internal-url=http://content.internal:8083", "loa.content.retry.max-tries=5",
                "loa.content.retry.backoff=1s");
        assertThat(publishing.retry().maxTries()).isEqualTo(5);
        assertThat(publishing.retry().backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Settings.bind(AttachmentLimits.class, "loa.content.attachments.max-size=2MB").maxSize())
                .isEqualTo(DataSize.ofMegabytes(2));
        assertThat(Settings.bind(RegistrySettings.class, "loa.content.channels.fresh=2m").fresh())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void noTriesOrABlankUrlStopsTheStart() {
        Settings.assertRefused(PublishingSettings.class, "loa.content.retry.max-tries=0");
        Settings.assertRefused(PublishingSettings.class, "loa.content.internal-url= ");
    }
}
