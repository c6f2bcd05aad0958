package vn.loa.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.platform.database.DatabaseFailures;

/**
 * How a consumer binding tries an event again (the binders' retry template, {@code @StreamRetryTemplate}):
 * <ul>
 * <li>an event that can never be read ({@link UnreadableEvent}) is not tried again: it goes to the binding's dead
 * letters at once, with its reason;</li>
 * <li>a failure that passes by itself ({@link #passes}: the database unreachable, restarting or its disk full; a server
 * the consumer calls not answering while it restarts) is tried again, with a growing pause up to
 * {@code passing-max-pause}, for as long as it lasts — the event was fine, so sending it to the dead letters would
 * lose it;</li>
 * <li>any other failure is tried {@code attempts} times (3) in all, then goes to the dead letters.</li>
 * </ul>
 * The retry template asks {@link #shouldRetry} about each failure and then the back-off for the pause; both run on
 * the consumer's thread, one after the other, so the failure is handed to the pause through a thread-local. While an
 * event waits for the database, its partition waits too (order is kept); past Kafka's {@code max.poll.interval.ms}
 * the group hands the partition to another instance, which delivers the event again — consumers are idempotent.
 */
public final class ConsumerRetry implements RetryPolicy {

    private static final ThreadLocal<Throwable> FAILURE = new ThreadLocal<>();

    private final Settings settings;

    public ConsumerRetry(Settings settings) {
        this.settings = settings;
    }

    /**
     * {@code loa.consumer.retry.*}: tries in all for a failure that does not pass by itself, and the pauses between
     * tries (doubling up to the maximum).
     */
    @ConfigurationProperties("loa.consumer.retry")
    public record Settings(int attempts, Duration firstPause, Duration maxPause, Duration passingFirstPause,
            Duration passingMaxPause) {

        public Settings {
            attempts = attempts <= 0 ? 3 : attempts;
            firstPause = firstPause == null ? Duration.ofMillis(200) : firstPause;
            maxPause = maxPause == null ? Duration.ofSeconds(2) : maxPause;
            passingFirstPause = passingFirstPause == null ? Duration.ofMillis(500) : passingFirstPause;
            passingMaxPause = passingMaxPause == null ? Duration.ofSeconds(5) : passingMaxPause;
        }
    }

    @Override
    public boolean shouldRetry(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnreadableEvent) {
                return false;
            }
        }
        FAILURE.set(failure);
        return true;
    }

    @Override
    public BackOff getBackOff() {
        return Pauses::new;
    }

    /**
     * True for a failure that passes by itself: the database's ({@link DatabaseFailures#isPassing}), or a server the
     * consumer calls that does not answer for now — not reachable, timed out, or answering 502/503/504 while it
     * restarts (Keycloak for the addresses of a reminder's recipients, content-service for an attachment).
     */
    static boolean passes(Throwable failure) {
        if (DatabaseFailures.isPassing(failure)) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResourceAccessException || t instanceof java.net.ConnectException
                    || t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof HttpServerErrorException.BadGateway
                    || t instanceof HttpServerErrorException.ServiceUnavailable
                    || t instanceof HttpServerErrorException.GatewayTimeout) {
                return true;
            }
        }
        return false;
    }

    /** The pauses of one event's tries. */
    private final class Pauses implements BackOffExecution {
        private int others = 1; // the first try has failed
        private long pause = settings.firstPause().toMillis();
        private long passingPause = settings.passingFirstPause().toMillis();

        @Override
        public long nextBackOff() {
            Throwable failure = FAILURE.get();
            FAILURE.remove();
            if (failure != null && passes(failure)) {
                long next = passingPause;
                passingPause = Math.min(settings.passingMaxPause().toMillis(), passingPause * 2);
                return next;
            }
            if (++others > settings.attempts()) {
                return STOP;
            }
            long next = pause;
            pause = Math.min(settings.maxPause().toMillis(), pause * 2);
            return next;
        }
    }
}
