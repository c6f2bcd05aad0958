package vn.loa.content.schedule;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.Items;

/**
 * Publishes items whose scheduled time has come and re-sends requests whose back-off after a retryable failure is
 * over. Keeps no state: each pass asks the database, so a pass after a restart catches up. Several instances may
 * run passes at once: the publication is a revision-guarded write of the item (the same idea as task-service's
 * period closer), so exactly one instance wins and its events are the only ones; the others read the item again
 * and find nothing to do.
 */
@Component
public class PublishingScheduler {

    private static final Logger log = LoggerFactory.getLogger(PublishingScheduler.class);

    private final Items items;
    private final Editorial editorial;
    private final Clock clock;

    public PublishingScheduler(Items items, Editorial editorial, Clock clock) {
        this.items = items;
        this.editorial = editorial;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loa.content.scheduler.interval:PT15S}",
            initialDelayString = "${loa.content.scheduler.initial-delay:PT10S}")
    public void onSchedule() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("Publishing pass failed: {}", e.toString());
        }
    }

    /** One pass; returns how many items were looked at. */
    public int pass() {
        Instant now = clock.instant();
        int seen = 0;
        for (String id : items.scheduledBy(now)) {
            editorial.publishScheduled(id);
            seen++;
        }
        for (String id : items.resendDueBy(now)) {
            editorial.resendDue(id);
            seen++;
        }
        return seen;
    }
}
