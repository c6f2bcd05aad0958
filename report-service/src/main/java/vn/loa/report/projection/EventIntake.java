package vn.loa.report.projection;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.LoaEvent;
import vn.loa.platform.messaging.IncomingEvent;
import vn.loa.report.live.ChangeLog;

/**
 * The one binding of the read models, {@code onEvent-in-0} (group {@code report-service}, from the earliest offset;
 * its topics — plan, task, content, publication, channel registry and engagement events — are listed in
 * application.yml): each event feeds the read models, and what changed goes to the live change log. An unreadable
 * message goes to the dead letters of its own topic ({@code error.<topic>.report-service}, {@code UnreadableEvent});
 * a duplicate changes nothing and is announced only if its first delivery died between the read model and the change
 * log (the change is keyed by the event's id).
 */
@Configuration(proxyBeanMethods = false)
public class EventIntake {

    @Bean
    Consumer<Message<LoaEvent>> onEvent(Projection projection, ChangeLog changes) {
        return message -> {
            changes.appendAll(IncomingEvent.id(message), projection.apply(message.getPayload()));
        };
    }
}
