package vn.loa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.loa.channel.internal.ChannelSettings;
import vn.loa.testsupport.Settings;

/** A channel app's settings: the defaults, the engagement part and the public address, a wrong value refused. */
class ChannelSettingsTest {

    @Test
    void withNothingSetTheAppRunsWithItsDefaults() {
        assertThat(Settings.bind(ChannelSettings.class)).isEqualTo(new ChannelSettings(Duration.ofMinutes(2),
                Duration.ofSeconds(30), new ChannelSettings.Engagement(true, 500_000, Duration.ofSeconds(10))));
        assertThat(Settings.bind(PublicSite.class).link("/radio")).isEqualTo("http://127.0.0.1:8080/radio");
    }

    @Test
    void theEngagementPartAndThePublicAddressAreTaken() {
        ChannelSettings settings = Settings.bind(ChannelSettings.class, "loa.channel.engagement.enabled=false",
                "loa.channel.engagement.window=PT1S", "loa.channel.ids=radio");
        assertThat(settings.engagement().enabled()).isFalse();
        assertThat(settings.engagement().window()).isEqualTo(Duration.ofSeconds(1));
        PublicSite site = Settings.bind(PublicSite.class, "loa.public-url=https://loa.kimthanh.gov.vn//");
        assertThat(site.link("/p/01234/cchc"))
                .isEqualTo("https://loa.kimthanh.gov.vn/p/01234/cchc");
    }

    @Test
    void aZeroWindowOrAnAddressThatIsNoWebAddressStopsTheStart() {
        Settings.assertRefused(ChannelSettings.class, "loa.channel.engagement.window=0s");
        Settings.assertRefused(PublicSite.class, "loa.public-url=loa.kimthanh.gov.vn");
    }
}
