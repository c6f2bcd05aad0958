package vn.loa.platform.messaging;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import vn.loa.contracts.Topics;

/**
 * The core topics, created at start-up if missing (KafkaAdmin), with enough partitions for several consumer
 * instances. {@code channel.registry} is compacted: it keeps the last word of every channel (one channel, one key,
 * one partition).
 */
@Configuration(proxyBeanMethods = false)
public class LoaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics loaTopics(TopicSettings settings) {
        return new KafkaAdmin.NewTopics(coreTopics(settings).toArray(NewTopic[]::new));
    }

    /** The core topics as they are created. */
    static List<NewTopic> coreTopics(TopicSettings settings) {
        int partitions = settings.partitions();
        short replicas = settings.replicas();
        return List.of(
                topic(Topics.PLAN_EVENTS, partitions, replicas),
                topic(Topics.TASK_EVENTS, partitions, replicas),
                topic(Topics.CONTENT_EVENTS, partitions, replicas),
                topic(Topics.PUBLICATION_EVENTS, partitions, replicas),
                topic(Topics.ENGAGEMENT_EVENTS, partitions, replicas),
                // as many partitions as every other topic: the binders grow a bound topic to
                // spring.cloud.stream.kafka.binder.min-partition-count (the same setting), and a consumer that
                // subscribed before the growth reads only the first partition until its metadata is refreshed
                // (up to 5 min) — channels announced on the others stayed "not registered" in content-service
                TopicBuilder.name(Topics.CHANNEL_REGISTRY).partitions(partitions).replicas(replicas)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                        .build());
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
