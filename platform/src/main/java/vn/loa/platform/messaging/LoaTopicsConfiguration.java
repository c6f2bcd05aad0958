package vn.loa.platform.messaging;

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
 * instances. {@code channel.registry} is compacted: it keeps the last word of every channel.
 */
@Configuration(proxyBeanMethods = false)
public class LoaTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics loaTopics(TopicSettings settings) {
        int partitions = settings.partitions();
        short replicas = settings.replicas();
        return new KafkaAdmin.NewTopics(
                topic(Topics.PLAN_EVENTS, partitions, replicas),
                topic(Topics.TASK_EVENTS, partitions, replicas),
                topic(Topics.CONTENT_EVENTS, partitions, replicas),
                topic(Topics.PUBLICATION_EVENTS, partitions, replicas),
                topic(Topics.ENGAGEMENT_EVENTS, partitions, replicas),
                TopicBuilder.name(Topics.CHANNEL_REGISTRY).partitions(1).replicas(replicas)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                        .build());
    }

    private static NewTopic topic(String name, int partitions, short replicas) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicas).build();
    }
}
