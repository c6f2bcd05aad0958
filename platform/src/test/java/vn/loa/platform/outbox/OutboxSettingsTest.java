package vn.loa.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.platform.export.ExportSettings;
import vn.loa.platform.messaging.TopicSettings;
import vn.loa.testsupport.Settings;

/** The platform's settings (outbox, topics, archive): the defaults, a value set, a wrong value refused at start. */
class OutboxSettingsTest {

    @Test
    void withNothingSetTheServiceRunsWithItsDefaults() {
        assertThat(Settings.bind(OutboxSettings.class)).isEqualTo(new OutboxSettings(List.of(),
                Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        assertThat(Settings.bind(TopicSettings.class)).isEqualTo(new TopicSettings(6, (short) 1));
        assertThat(Settings.bind(ExportSettings.class).skipped()).isEmpty();
    }

    @Test
    void aValueSetIsTaken() {
        OutboxSettings outbox = Settings.bind(OutboxSettings.class, "loa.outbox.collections=plans,tasks",
                "loa.outbox.poll-interval=200ms");
        assertThat(outbox.collections()).isEqualTo(List.of("plans", "tasks"));
        assertThat(outbox.pollInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(Settings.bind(TopicSettings.class, "loa.topics.partitions=12").partitions()).isEqualTo(12);
        assertThat(Settings.bind(ExportSettings.class, "loa.export.skipped-collections=changes").skipped())
                .containsExactly("changes");
    }

    @Test
    void aZeroLeaseOrNoPartitionStopsTheStart() {
        Settings.assertRefused(OutboxSettings.class, "loa.outbox.lease=0s");
        Settings.assertRefused(TopicSettings.class, "loa.topics.partitions=0");
    }
}
