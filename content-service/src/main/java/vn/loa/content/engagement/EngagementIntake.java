package vn.loa.content.engagement;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.platform.messaging.IncomingEvent;

/** {@code channel.engagement.events} (group {@code content-service}): every channel's figures, the operators' too. */
@Configuration(proxyBeanMethods = false)
public class EngagementIntake {

    @Bean
    Consumer<Message<byte[]>> onEngagementEvent(EventCodec codec, EngagementFigures figures) {
        return message -> {
            if (!(IncomingEvent.read(message, codec).event() instanceof PublicationEngaged engaged)) {
                throw new UnreadableEvent("not a PublicationEngaged on the engagement topic");
            }
            figures.apply(engaged);
        };
    }
}
