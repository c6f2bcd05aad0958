package vn.loa.content.engagement;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.contracts.channel.PublicationEngaged;

/** {@code channel.engagement.events} (group {@code content-service}): every channel's figures, the operators' too. */
@Configuration(proxyBeanMethods = false)
public class EngagementIntake {

    @Bean
    Consumer<Message<PublicationEngaged>> onEngagementEvent(EngagementFigures figures) {
        return message -> figures.apply(message.getPayload());
    }
}
