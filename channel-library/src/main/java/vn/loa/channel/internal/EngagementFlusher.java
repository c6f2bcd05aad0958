package vn.loa.channel.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Flushes the counter every window (10 s by default) and once more when the app stops: the last window is written to
 * the outbox collection, which the relay sends now or, if it already stopped, at the next start's sweep.
 */
public final class EngagementFlusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngagementFlusher.class);

    private final EngagementCounter counter;
    private final Duration every;
    private ScheduledExecutorService timer;

    public EngagementFlusher(EngagementCounter counter, Duration every) {
        this.counter = counter;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loa-engagement-flush");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::flush, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void flush() {
        try {
            counter.flush();
        } catch (RuntimeException e) {
            log.warn("Engagement flush failed", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
            flush(); // the last window, before the outbox relay stops
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
