package vn.loa.report.projection;

import vn.loa.report.live.Change;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.EventCodec;
import vn.loa.platform.messaging.IncomingEvent;
import vn.loa.report.live.ChangeLog;

/**
 * The bindings of report-service (group {@code report-service}, from the earliest offset, see application.yml): plan,
 * task, content and channel events feed the read models; what changed goes to the live change log. An unreadable
 * message goes to the dead letters ({@code UnreadableEvent}); a duplicate changes nothing and is announced only if its
 * first delivery died between the read model and the change log (the change is keyed by the event's id).
 */
@Configuration(proxyBeanMethods = false)
public class EventIntake {

    @Bean
    Consumer<Message<byte[]>> onPlanEvent(EventCodec codec, Projection projection, ChangeLog changes) {
        return message -> apply(message, codec, projection, changes);
    }

    @Bean
    Consumer<Message<byte[]>> onTaskEvent(EventCodec codec, Projection projection, ChangeLog changes) {
        return message -> apply(message, codec, projection, changes);
    }

    @Bean
    Consumer<Message<byte[]>> onContentEvent(EventCodec codec, Projection projection, ChangeLog changes) {
        return message -> apply(message, codec, projection, changes);
    }

    @Bean
    Consumer<Message<byte[]>> onPublicationEvent(EventCodec codec, Projection projection, ChangeLog changes) {
        return message -> apply(message, codec, projection, changes);
    }

    @Bean
    Consumer<Message<byte[]>> onChannelRegistered(EventCodec codec, Projection projection, ChangeLog changes) {
        return message -> apply(message, codec, projection, changes);
    }

    /** What reached people: {@code PublicationEngaged} on {@code channel.engagement.events}. */
    @Bean
    Consumer<Message<byte[]>> onEngagementEvent(EventCodec codec, Projection projection, ChangeLog changes) {
        return message -> apply(message, codec, projection, changes);
    }

    static void apply(Message<byte[]> message, EventCodec codec, Projection projection, ChangeLog changes) {
        IncomingEvent incoming = IncomingEvent.read(message, codec);
        for (Change change : projection.apply(incoming.event())) {
            changes.append(change, incoming.id() + "/" + change.area() + "/" + change.subject());
        }
    }
}
