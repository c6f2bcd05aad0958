package vn.loa.channel;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import vn.loa.channel.internal.ChannelIntake;
import vn.loa.channel.internal.ChannelSettings;
import vn.loa.channel.internal.EngagementCounter;
import vn.loa.channel.internal.EngagementFlusher;
import vn.loa.channel.internal.EngagementOutbox;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.content.ContentEvent;
import vn.loa.platform.PlatformAutoConfiguration;
import vn.loa.platform.outbox.Outbox;

/**
 * Everything a channel app gets by depending on {@code channel-library} and declaring {@link Channel} beans (their
 * ids listed in {@code loa.channel.ids}): the request and retraction bindings, idempotency per request id, results
 * through the outbox, and the registration heartbeat. See docs/new-channel.md.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@EnableConfigurationProperties({ChannelSettings.class, PublicSite.class})
public class ChannelAutoConfiguration {

    @Bean
    ChannelIntake loaChannelIntake(List<Channel> channels, ConfigurableEnvironment env, MongoTemplate mongo,
            Outbox outbox, Clock clock, MeterRegistry meters, EventCodec codec,
            KafkaTemplate<String, byte[]> eventKafkaTemplate,
            @Value("${spring.application.name}") String service, ChannelSettings settings) {
        return ChannelIntake.create(channels, env, mongo, outbox, clock, meters, codec, eventKafkaTemplate, service,
                settings.lease(), settings.heartbeat());
    }

    @Bean
    Consumer<Message<PublicationRequested>> loaChannelRequests(ChannelIntake intake) {
        return intake::onRequest;
    }

    @Bean
    Consumer<Message<ContentEvent>> loaChannelRetractions(ChannelIntake intake) {
        return intake::onContentEvent;
    }

    /** Completes requests a channel parked with {@link PublicationPending} (the manual channel's confirmations). */
    @Bean
    PendingPublications loaPendingPublications(ChannelIntake intake) {
        return intake.pending();
    }

    /**
     * Counting of what reached people (portal views, radio plays): on unless {@code loa.channel.engagement.enabled}
     * is false; windows of {@code loa.channel.engagement.window} (10 s) through the outbox.
     */
    @Bean
    EngagementCounter loaEngagementCounter(MongoTemplate mongo, Outbox outbox, Clock clock,
            @Value("${spring.application.name}") String service, ChannelSettings settings) {
        return new EngagementCounter(settings.engagement().enabled(), clock, service,
                settings.engagement().maxVisitorsPerDay(), new EngagementOutbox(mongo, outbox, clock));
    }

    @Bean
    EngagementFlusher loaEngagementFlusher(EngagementCounter counter, ChannelSettings settings) {
        return new EngagementFlusher(counter, settings.engagement().window());
    }

    @Bean
    vn.loa.channel.internal.Heartbeat loaChannelHeartbeat(ChannelIntake intake) {
        return intake.heartbeat();
    }
}
