package vn.loa.report.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.loa.contracts.Tenants;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.live.ChangeLog.Entry;

/**
 * Pushes the change log to the open dashboards, from one thread per instance.
 *
 * <p><b>Hot path, no database read</b>: every change this instance appends is handed over in memory
 * ({@link ChangeLog#onAppend}) and sent at once to the subscribers allowed to see it. <b>Sweep</b>: every
 * {@code loa.report.live.sweep-interval} (1 s) the thread reads the log after the last number it has settled, to send
 * what <em>another</em> instance appended (report-service scaled out) and anything not handed over.
 *
 * <p>Numbers are taken before their change is written, so the log may have a gap for a while (a slow writer). A gap
 * never holds the stream up: later changes go out at once, and the missing one is sent when it appears, out of
 * order; after {@link #GAP_WAIT} a number that never appeared is given up on. Each change is sent to a subscriber at
 * most once (the thread remembers what it sent above the settled number; each subscriber what it received), so the
 * resume from {@code Last-Event-ID} may repeat a change a dashboard already had, never lose one it had not.
 */
@Component
public class LiveStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    /** How long a number that was taken but not written is looked for, from when it was first seen missing. */
    static final Duration GAP_WAIT = Duration.ofSeconds(10);
    private static final int PAGE = 1000;

    private final ChangeLog changeLog;
    private final Clock clock;
    private final long timeoutMillis;
    private final Duration sweepInterval;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Changes this instance appended, waiting to be sent. */
    private final ConcurrentLinkedQueue<Entry> appended = new ConcurrentLinkedQueue<>();
    private final Semaphore changed = new Semaphore(0);
    private volatile boolean running;

    // the pusher thread's own state
    /** Every number up to this one was sent or given up on (-1: not read yet). */
    private long settled = -1;
    /** Numbers above {@link #settled} already sent. */
    private final NavigableSet<Long> sentAbove = new TreeSet<>();
    /** Numbers above {@link #settled} seen missing from the log, and since when. */
    private final Map<Long, Instant> missingSince = new HashMap<>();
    private long lastSweep;

    public LiveStream(ChangeLog changeLog, Clock clock, LiveSettings settings) {
        this.changeLog = changeLog;
        this.clock = clock;
        this.timeoutMillis = settings.emitterTimeout().toMillis();
        this.sweepInterval = settings.sweepInterval();
        changeLog.onAppend(entry -> {
            appended.add(entry);
            changed.release();
        });
    }

    private void push() {
        while (running) {
            try {
                if (settled < 0 && !readStart()) {
                    Thread.sleep(sweepInterval.toMillis());
                    continue;
                }
                changed.tryAcquire(sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                changed.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Entry e;
                while ((e = appended.poll()) != null) {
                    deliver(e);
                }
                if (System.nanoTime() - lastSweep >= sweepInterval.toNanos()) {
                    lastSweep = System.nanoTime();
                    sweep();
                } else {
                    settle(Long.MIN_VALUE); // only what was sent: no database read
                }
            } catch (RuntimeException e) {
                log.warn("Live stream: could not read the change log ({}); trying again", e.toString());
            }
        }
    }

    /**
     * What was in the log before this instance started is not news. Read before the first wait, so that a change
     * appended meanwhile has a higher number and is sent.
     */
    private boolean readStart() {
        try {
            settled = changeLog.lastSeq();
            return true;
        } catch (RuntimeException e) {
            log.warn("Live stream: could not read the change log ({}); trying again", e.toString());
            return false;
        }
    }

    /** Sends a change to every subscriber who may see it, once. */
    private void deliver(Entry e) {
        if (e.seq() <= settled || !sentAbove.add(e.seq())) {
            return;
        }
        missingSince.remove(e.seq());
        for (Subscriber s : subscribers) {
            if (s.sees(e)) {
                try {
                    s.send(e);
                } catch (IOException | IllegalStateException ex) {
                    subscribers.remove(s);
                }
            }
        }
    }

    /** Reads the log after the settled number (a page at a time), sends what was not sent, settles what it can. */
    void sweep() {
        long last = changeLog.lastSeq();
        long from = settled;
        while (from < last) {
            long to = Math.min(last, from + PAGE);
            for (Entry e : changeLog.range(from, to)) {
                deliver(e);
            }
            settle(to);
            if (settled < to) {
                return; // a number is still missing: the next sweep looks again
            }
            from = settled;
        }
    }

    /**
     * Moves {@link #settled} over the numbers sent, and — where {@code readUpTo} says the log was read that far — over
     * the numbers missing for longer than {@link #GAP_WAIT}.
     */
    private void settle(long readUpTo) {
        Instant now = clock.instant();
        long n = settled + 1;
        while (true) {
            if (sentAbove.remove(n)) {
                settled = n++;
                continue;
            }
            if (n > readUpTo) {
                break;
            }
            Instant since = missingSince.computeIfAbsent(n, k -> now);
            if (Duration.between(since, now).compareTo(GAP_WAIT) < 0) {
                break;
            }
            log.warn("Live stream: change {} was numbered but not written within {}; going on without it", n,
                    GAP_WAIT);
            missingSince.remove(n);
            settled = n++;
        }
        sentAbove.headSet(settled, true).clear();
        missingSince.keySet().removeIf(k -> k <= settled);
    }

    @Override
    public void start() {
        running = true;
        Thread.ofPlatform().name("live-push").daemon().start(this::push);
    }

    @Override
    public void stop() {
        running = false;
        changed.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A dashboard's stream; {@code lastEventId} (the header) resumes after what the client already has. */
    public SseEmitter subscribe(Caller caller, String lastEventId) {
        TenantScope scope = TenantScope.readableBy(caller);
        Bson filter = ChangeLog.visibleTo(scope);
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Long resumeFrom = parse(lastEventId);
        Subscriber subscriber = new Subscriber(emitter, scope);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        synchronized (subscriber) {
            subscribers.add(subscriber);
            try {
                emitter.send(SseEmitter.event().comment("Loa: đã kết nối luồng cập nhật"));
                if (resumeFrom != null) {
                    if (changeLog.prunedAfter(resumeFrom, filter)) {
                        emitter.send(SseEmitter.event().name("reset")
                                .data(Map.of("message", "Đã bỏ lỡ quá nhiều thay đổi, vui lòng tải lại bảng điều khiển."),
                                        MediaType.APPLICATION_JSON));
                    }
                    long after = resumeFrom;
                    List<Entry> missed;
                    do {
                        missed = changeLog.after(after, filter, 500);
                        for (Entry e : missed) {
                            subscriber.send(e);
                            after = e.seq();
                        }
                    } while (missed.size() == 500);
                }
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
        return emitter;
    }

    @Scheduled(fixedDelayString = "${loa.report.live.heartbeat:PT15S}")
    public void heartbeat() {
        for (Subscriber s : subscribers) {
            try {
                synchronized (s) {
                    s.emitter.send(SseEmitter.event().comment("ping"));
                }
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }

    private static Long parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            log.debug("ignoring Last-Event-ID {}", id);
            return null;
        }
    }

    /** The event sent for a change: enough for a dashboard to know what to refresh. */
    public record ChangeEvent(long id, String tenant, String area, String subject, String cause, String at) {
    }

    private static final class Subscriber {
        private static final int REMEMBERED = 10_000;

        final SseEmitter emitter;
        final TenantScope scope;
        /** The numbers this subscriber received lately (the replay and the live push may both offer one). */
        private final Map<Long, Boolean> received = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };

        Subscriber(SseEmitter emitter, TenantScope scope) {
            this.emitter = emitter;
            this.scope = scope;
        }

        /** The same rule as {@link ChangeLog#visibleTo}: the caller's scope, and the platform's own changes. */
        boolean sees(Entry e) {
            return Tenants.PLATFORM.equals(e.tenant()) || scope.includes(e.tenant());
        }

        synchronized void send(Entry e) throws IOException {
            if (received.putIfAbsent(e.seq(), Boolean.TRUE) != null) {
                return;
            }
            emitter.send(SseEmitter.event().id(Long.toString(e.seq())).name("change")
                    .data(new ChangeEvent(e.seq(), e.tenant(), e.area(), e.subject(), e.cause(), e.at().toString()),
                            MediaType.APPLICATION_JSON));
        }
    }
}
