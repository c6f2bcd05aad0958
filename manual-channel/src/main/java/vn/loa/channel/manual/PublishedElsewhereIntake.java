package vn.loa.channel.manual;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.channel.manual.publication.PublishedElsewhere;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.platform.messaging.IncomingEvent;

/**
 * {@code manualPublishedElsewhere-in-0} ({@code content.item.events}, group {@code <application>-published}, see
 * application.yml): a {@code ContentPublished} for an item whose request waits here closes that request (a commune
 * officer recorded the post made elsewhere). Other events are skipped. Its own group, so it does not share the
 * topic's partitions with the library's retraction consumer. Idempotent: only a waiting request is closed.
 */
@Configuration(proxyBeanMethods = false)
class PublishedElsewhereIntake {

    @Bean
    Consumer<Message<byte[]>> manualPublishedElsewhere(EventCodec codec, PublishedElsewhere elsewhere) {
        return message -> {
            IncomingEvent incoming = IncomingEvent.read(message, codec);
            if (incoming.event() instanceof ContentPublished published) {
                elsewhere.heard(published, incoming.envelope().time());
            }
        };
    }
}
