package vn.loa.channel.manual.publication;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.loa.channel.Outcome;
import vn.loa.channel.PendingPublications;
import vn.loa.channel.PendingPublications.Completion;
import vn.loa.contracts.content.ContentPublished;

/**
 * Closes the waiting requests of an item on a channel once content-service says the item is published there — a
 * commune officer recorded the post made elsewhere ("Ghi nhận đã đăng ở nơi khác") while the request waited here.
 * The request is completed through the library with the recorded URL and time (its {@code PublicationSucceeded} is a
 * duplicate that content-service ignores: the publication no longer waits there), then marked PUBLISHED here with
 * {@code resolvedElsewhere}; the operator's queue no longer shows it. Only a request sent before the event was made
 * is closed, so a replayed old {@code ContentPublished} never closes a later request.
 */
@Service
public class PublishedElsewhere {

    private static final Logger log = LoggerFactory.getLogger(PublishedElsewhere.class);

    private final ManualPublications publications;
    private final PendingPublications pending;

    PublishedElsewhere(ManualPublications publications, PendingPublications pending) {
        this.publications = publications;
        this.pending = pending;
    }

    /**
     * @param event    the publication content-service recorded
     * @param madeAt   when content-service made the event (its CloudEvents time)
     * @return how many waiting requests this closed
     */
    public int heard(ContentPublished event, Instant madeAt) {
        if (event.channel() == null || (event.url() == null && event.visual() == null)) {
            return 0; // an activity held, or a channel that gives no URL: nothing waits for an operator here
        }
        // a visual product (truc-quan) has no URL: its record in content-service closes the request all the same
        int closed = 0;
        List<ManualPublication> waiting = publications.pendingFor(event.tenantId(), event.itemId(), event.channel());
        for (ManualPublication p : waiting) {
            if (madeAt != null && p.requestedAt() != null && p.requestedAt().isAfter(madeAt)) {
                continue; // a request sent after this publication was recorded: not the one it resolved
            }
            Completion done = pending.succeed(p.tenantId(), p.requestId(),
                    Outcome.at(event.url()).publishedAt(event.publishedAt()));
            switch (done.status()) {
                case SUCCEEDED -> {
                    if (publications.markPublishedElsewhere(p.tenantId(), p.requestId(), done.url(),
                            done.publishedAt())) {
                        closed++;
                        log.info("Request {} ({}, tenant {}) closed: published elsewhere at {}", p.requestId(),
                                p.channel(), p.tenantId(), done.url());
                    }
                }
                case FAILED -> publications.markFailed(p.tenantId(), p.requestId(), done.reason(), null);
                // the library has not parked it yet: let the binder deliver the event again in a moment
                case IN_PROGRESS -> throw new IllegalStateException("request " + p.requestId()
                        + " is being received; the publication elsewhere is applied on redelivery");
                case UNKNOWN -> log.error("Request {} of {} is waiting here but unknown to the channel library",
                        p.requestId(), p.tenantId());
            }
        }
        return closed;
    }
}
