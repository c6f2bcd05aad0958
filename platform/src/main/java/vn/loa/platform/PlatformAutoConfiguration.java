package vn.loa.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.integration.channel.interceptor.GlobalChannelInterceptorWrapper;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import vn.loa.contracts.EventCodec;
import vn.loa.platform.health.DatabaseHealth;
import vn.loa.platform.messaging.ConsumerRetry;
import vn.loa.platform.messaging.LoaEventConverter;
import vn.loa.platform.messaging.LoaTopicsConfiguration;
import vn.loa.platform.messaging.TopicSettings;
import vn.loa.platform.observability.ConsumedEvents;
import vn.loa.platform.observability.TraceHeaders;
import vn.loa.platform.aggregate.AggregateStore;
import vn.loa.platform.export.ExportSettings;
import vn.loa.platform.export.TenantExport;
import vn.loa.platform.export.web.TenantExportController;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.outbox.OutboxRelay;
import vn.loa.platform.outbox.OutboxSettings;
import vn.loa.platform.problem.ProblemAdvice;
import vn.loa.platform.tenancy.CallerInOpenApi;
import vn.loa.platform.tenancy.CallerWebMvc;

/**
 * What every Loa service gets by depending on the platform: the event codec, the outbox and its relay, the core
 * topics, the caller from the gateway's headers, Vietnamese problem details and a ping-based MongoDB health check. Defaults for the Kafka binder (DLQ, bounded retries) come from
 * {@code loa-platform.properties} via {@link PlatformDefaults}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties({OutboxSettings.class, TopicSettings.class, ExportSettings.class,
        ConsumerRetry.Settings.class})
@Import({LoaTopicsConfiguration.class, ProblemAdvice.class, CallerWebMvc.class, CallerInOpenApi.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /**
     * Consumer bindings read {@code Message<PlanEvent>}, {@code Message<ContentEvent>}…: every event is decoded here,
     * and one that cannot be read goes to the dead letters with its reason.
     */
    @Bean
    LoaEventConverter loaEventConverter(EventCodec codec) {
        return new LoaEventConverter(codec);
    }

    /**
     * Every consumer binding's retries: an unreadable event to the dead letters at once, a database failure that
     * passes by itself tried until the database is back, anything else three times ({@link ConsumerRetry}).
     */
    @Bean
    @StreamRetryTemplate
    RetryTemplate consumerRetryTemplate(ConsumerRetry.Settings settings) {
        return new RetryTemplate(new ConsumerRetry(settings));
    }

    /** Raw bytes and string headers: the CloudEvents headers stay exactly as written. */
    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(KafkaProperties properties) {
        Map<String, Object> config = properties.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> eventKafkaTemplate, Clock clock,
            MeterRegistry meters, OutboxSettings settings) {
        return new OutboxRelay(mongo, eventKafkaTemplate, settings.collections(), clock, settings.pollInterval(),
                settings.sweepInterval(), settings.lease(), Duration.ofSeconds(15), meters);
    }

    /** Keeps the producing request's trace with each event (when tracing is on), so it crosses Kafka. */
    @Bean
    Outbox outbox(@Value("${spring.application.name}") String service, EventCodec codec, Clock clock,
            OutboxRelay relay, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfUnique();
        Propagator p = propagator.getIfUnique();
        return new Outbox(service, codec, clock, relay,
                t == null || p == null ? TraceHeaders.NONE : new TraceHeaders(t, p));
    }

    /** The one way an aggregate and its events are written (state, revision guard, outbox). */
    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, Outbox outbox) {
        return new AggregateStore(mongo, outbox);
    }

    /** {@code loa.events.consumed} on every consumer binding's input channel ({@code <function>-in-<n>}). */
    @Bean
    GlobalChannelInterceptorWrapper loaConsumedEvents(MeterRegistry meters) {
        GlobalChannelInterceptorWrapper wrapper = new GlobalChannelInterceptorWrapper(new ConsumedEvents(meters));
        wrapper.setPatterns(new String[] {"*-in-*"});
        return wrapper;
    }

    /** Every service's part of a commune's archive (issue 20), with the collections it leaves out. */
    @Bean
    TenantExportController tenantExportController(MongoTemplate mongo,
            @Value("${spring.application.name}") String service, ExportSettings settings) {
        return new TenantExportController(new TenantExport(mongo.getDb(), settings.skipped()), service);
    }

    /** Takes the place of Boot's Mongo health indicator (same bean name), which mongo-java-server cannot answer. */
    @Bean(name = "mongoHealthIndicator")
    DatabaseHealth mongoHealthIndicator(MongoTemplate mongo) {
        return new DatabaseHealth(mongo);
    }
}
