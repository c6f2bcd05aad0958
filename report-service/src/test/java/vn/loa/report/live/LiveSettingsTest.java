package vn.loa.report.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.loa.testsupport.Settings;

/** The live stream's settings: the defaults, and a log that keeps nothing refused at start. */
class LiveSettingsTest {

    @Test
    void withNothingSetTheServiceRunsWithItsDefaults() {
        assertThat(Settings.bind(LiveSettings.class))
                .isEqualTo(new LiveSettings(Duration.ofMinutes(30), Duration.ofSeconds(1), 1000));
    }

    @Test
    void aLogThatKeepsNothingOrNoSweepStopsTheStart() {
        Settings.assertRefused(LiveSettings.class, "loa.report.live.retain-per-tenant=0");
        Settings.assertRefused(LiveSettings.class, "loa.report.live.sweep-interval=0s");
    }
}
