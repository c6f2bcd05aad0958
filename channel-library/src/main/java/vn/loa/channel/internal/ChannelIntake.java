package vn.loa.channel.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import vn.loa.channel.Channel;
import vn.loa.channel.PendingPublications;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.content.ContentEvent;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.platform.messaging.IncomingEvent;
import vn.loa.platform.outbox.Outbox;

/**
 * The library's two consumers, reading events as the platform's {@code LoaEventConverter} decoded them. A message
 * that cannot be read as the expected event throws {@link UnreadableEvent} there and goes straight to the dead-letter
 * topic ({@code error.<topic>.<group>}, platform binder defaults); a failure that does not pass by itself is tried
 * three times and then dead-lettered too ({@code ConsumerRetry}).
 */
public final class ChannelIntake {

    private final PublicationDesk publications;
    private final RetractionDesk retractions;
    private final Heartbeat heartbeat;
    private final Channels channels;
    private final PendingPublications pending;

    private ChannelIntake(PublicationDesk publications, RetractionDesk retractions,
            Heartbeat heartbeat, Channels channels, PendingPublications pending) {
        this.pending = pending;
        this.publications = publications;
        this.retractions = retractions;
        this.heartbeat = heartbeat;
        this.channels = channels;
    }

    public static ChannelIntake create(List<Channel> beans, ConfigurableEnvironment env, MongoTemplate mongo,
            Outbox outbox, Clock clock, MeterRegistry meters, EventCodec codec,
            KafkaTemplate<String, byte[]> kafka, String service, Duration lease, Duration heartbeatInterval) {
        Channels channels = new Channels(beans, ChannelBindings.ids(env));
        Duration poll = Duration.ofMillis(250);
        PublicationDesk publications = new PublicationDesk(channels,
                new Ledger(mongo, RequestLedger.COLLECTION, clock, lease, poll, meters), outbox, clock, meters);
        RetractionDesk retractions = new RetractionDesk(channels,
                new Ledger(mongo, RequestLedger.RETRACTIONS, clock, lease, poll, meters), meters);
        Heartbeat heartbeat = new Heartbeat(channels, kafka, codec, clock, service, heartbeatInterval);
        PendingDesk pending = new PendingDesk(mongo, channels, outbox, clock, meters);
        return new ChannelIntake(publications, retractions, heartbeat, channels, pending);
    }

    public void onRequest(Message<PublicationRequested> message) {
        publications.handle(message.getPayload());
    }

    public void onContentEvent(Message<ContentEvent> message) {
        if (message.getPayload() instanceof ContentRetracted retracted) {
            retractions.handle(IncomingEvent.id(message), retracted);
        }
    }

    public Heartbeat heartbeat() {
        return heartbeat;
    }

    /** Completes requests parked by {@link vn.loa.channel.PublicationPending}. */
    public PendingPublications pending() {
        return pending;
    }

    public Channels channels() {
        return channels;
    }
}
