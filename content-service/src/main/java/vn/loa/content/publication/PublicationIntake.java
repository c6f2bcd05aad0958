package vn.loa.content.publication;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.content.channel.ChannelRegistry;
import vn.loa.content.item.Editorial;
import vn.loa.contracts.Topics;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.contracts.channel.ChannelEvent;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.platform.messaging.IncomingEvent;

/**
 * The two bindings of content-service (group {@code content-service}, see application.yml): the channels' answers
 * on {@code channel.publication.events} and their announcements on {@code channel.registry}. Both are idempotent:
 * an answer is matched to the current request of its channel and remembered by its ce_id; an announcement replaces
 * the stored one only if it is not older.
 */
@Configuration(proxyBeanMethods = false)
public class PublicationIntake {

    private static final Logger log = LoggerFactory.getLogger(PublicationIntake.class);

    @Bean
    Consumer<Message<ChannelEvent>> onPublicationEvent(Editorial editorial) {
        return message -> {
            String id = IncomingEvent.id(message);
            boolean changed = switch (message.getPayload()) {
                case PublicationSucceeded succeeded -> editorial.answered(succeeded, id);
                case PublicationFailed failed -> editorial.answered(failed, id);
                default -> throw new UnreadableEvent("not a publication answer: " + IncomingEvent.type(message));
            };
            if (!changed) {
                log.debug("Answer {} changed nothing (duplicate, stale or unknown item)", id);
            }
        };
    }

    @Bean
    Consumer<Message<ChannelRegistered>> onChannelRegistered(ChannelRegistry registry) {
        return message -> {
            ChannelRegistered registered = message.getPayload();
            if (!Topics.isChannelId(registered.channelId())) {
                throw new UnreadableEvent("not a channel id: " + registered.channelId());
            }
            registry.heard(registered);
        };
    }
}
