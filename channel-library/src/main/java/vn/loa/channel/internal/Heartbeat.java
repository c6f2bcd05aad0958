package vn.loa.channel.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import vn.loa.channel.Channel;
import vn.loa.channel.ChannelInfo;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.ChannelRegistered;

/**
 * Announces every channel of the app on the compacted {@code channel.registry} topic (key = channel id) at start-up
 * and then every {@code loa.channel.heartbeat} (30 s), with what {@link Channel#healthy()} says at that moment.
 * Sent straight to the broker, not through the outbox: a heartbeat is only worth something when it is fresh, so one
 * that cannot be sent is dropped (logged) and the next one tries again.
 */
public class Heartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final Channels channels;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec;
    private final Clock clock;
    private final String service;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    Heartbeat(Channels channels, KafkaTemplate<String, byte[]> kafka, EventCodec codec, Clock clock, String service,
            Duration interval) {
        this.channels = channels;
        this.kafka = kafka;
        this.codec = codec;
        this.clock = clock;
        this.service = service;
        this.interval = interval;
    }

    /** Sends one announcement per channel now; returns how many the broker acknowledged. */
    public int announce() {
        int sent = 0;
        for (Channel channel : channels.all()) {
            ChannelInfo info = channel.info();
            boolean healthy;
            try {
                healthy = channel.healthy();
            } catch (RuntimeException e) {
                log.warn("Channel {}: healthy() failed, announced unhealthy", info.id(), e);
                healthy = false;
            }
            ChannelRegistered event = new ChannelRegistered(info.id(), info.displayName(), info.acceptedKinds(),
                    info.needsUrl(), healthy, clock.instant());
            EventEnvelope envelope = EventEnvelope.wrap(event, service, clock.instant(), codec);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHANNEL_REGISTRY, info.id(),
                    envelope.data());
            envelope.headers().forEach((name, value) ->
                    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            try {
                kafka.send(record).get(5, TimeUnit.SECONDS);
                sent++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            } catch (Exception e) {
                log.warn("Channel {}: registration heartbeat not sent ({}); next try in {}", info.id(), e.toString(),
                        interval);
            }
        }
        return sent;
    }

    @Override
    public void start() {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("channel-heartbeat").daemon().factory());
        t.scheduleWithFixedDelay(() -> {
            try {
                announce();
            } catch (RuntimeException e) {
                log.warn("Channel heartbeat failed: {}", e.toString());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        timer = t;
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
