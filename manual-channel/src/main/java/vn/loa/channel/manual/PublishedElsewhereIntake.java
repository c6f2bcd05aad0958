package vn.loa.channel.manual;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.loa.channel.manual.publication.PublishedElsewhere;
import vn.loa.contracts.content.ContentEvent;
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

    /** Only a publication on one of this app's channels can close a request waiting here: the others cost nothing. */
    @Bean
    Consumer<Message<ContentEvent>> manualPublishedElsewhere(PublishedElsewhere elsewhere,
            List<ManualChannel> channels) {
        Set<String> ours = channels.stream().map(c -> c.info().id()).collect(Collectors.toUnmodifiableSet());
        return message -> {
            if (message.getPayload() instanceof ContentPublished published && published.channel() != null
                    && ours.contains(published.channel())) {
                elsewhere.heard(published, IncomingEvent.time(message));
            }
        };
    }
}
