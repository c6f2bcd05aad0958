package vn.loa.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.Topics;

/**
 * Every core topic is created with the partitions the binders would grow it to: a topic grown under a consumer that
 * had already subscribed is read on its first partition only, until the consumer's metadata is refreshed.
 */
class LoaTopicsConfigurationTest {

    @Test
    void everyCoreTopicTheRegistryIncludedHasThePartitionsTheBindersGrowTopicsTo() throws Exception {
        TopicSettings settings = new TopicSettings(6, (short) 1);

        var topics = LoaTopicsConfiguration.coreTopics(settings);

        assertThat(topics).extracting(NewTopic::name).contains(Topics.CHANNEL_REGISTRY, Topics.CONTENT_EVENTS);
        assertThat(topics).allSatisfy(t -> assertThat(t.numPartitions()).as(t.name()).isEqualTo(6));
        assertThat(topics).filteredOn(t -> t.name().equals(Topics.CHANNEL_REGISTRY)).singleElement()
                .satisfies(t -> assertThat(t.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT));
        // the binders' growth follows the same setting
        Properties platform = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/loa-platform.properties")) {
            platform.load(in);
        }
        assertThat(platform.getProperty("spring.cloud.stream.kafka.binder.min-partition-count"))
                .isEqualTo("${loa.topics.partitions:6}");
    }
}
