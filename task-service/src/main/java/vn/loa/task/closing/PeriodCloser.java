package vn.loa.task.closing;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.loa.task.task.Tasks;

/**
 * Closes every bucket whose period has ended and emits its {@code TaskPeriodClosed}, once.
 *
 * <p>It keeps no state of its own: each pass asks the database for buckets that ended and are still open, so a pass
 * after a restart (or after a long outage) catches up with everything it missed. Several instances may run passes
 * at the same time: the close is a revision-guarded write of the task, so exactly one of them wins and emits; the
 * others read the task again and find nothing left to close.
 */
@Component
public class PeriodCloser {

    private static final Logger log = LoggerFactory.getLogger(PeriodCloser.class);

    private final Tasks tasks;
    private final Clock clock;

    public PeriodCloser(Tasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${loa.tasks.closing.interval:PT1M}",
            initialDelayString = "${loa.tasks.closing.initial-delay:PT10S}")
    public void onSchedule() {
        try {
            closeEndedPeriods();
        } catch (RuntimeException e) {
            // the next pass picks up whatever this one left
            log.warn("Period closing pass failed: {}", e.toString());
        }
    }

    /** One pass: closes every bucket that ended by now. Returns how many tasks were looked at. */
    public int closeEndedPeriods() {
        Instant now = clock.instant();
        int seen = 0;
        for (String id : tasks.withBucketsToClose(now)) {
            tasks.change(id, task -> task.closeEndedBuckets(now));
            seen++;
        }
        return seen;
    }
}
