package vn.loa.report.live;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.loa.contracts.Tenants;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Role;
import vn.loa.report.live.ChangeLog.Entry;

/**
 * Pushes the change log to the open dashboards. One pusher thread per instance reads new changes from the log and
 * hands each to the subscribers allowed to see it. It is woken by every change this instance appends
 * ({@link ChangeLog#onAppend}), so a change reaches an open dashboard right after its write, with no polling
 * interval in between. Changes that <em>another</em> instance appended (report-service scaled out) are found by a
 * sweep of the log every {@code loa.report.live.sweep-interval} (1 s), so every instance's clients see every change.
 * A subscriber remembers the last id it sent, so the resume from {@code Last-Event-ID} and the pusher never send a
 * change twice or out of order.
 */
@Component
public class LiveStream implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    /**
     * How long a gap in the sequence is waited for, counted from when the pusher first saw it: a writer that took its
     * number but has not inserted yet (slow under load) is waited for; one that died in between is given up on.
     */
    static final Duration GAP_WAIT = Duration.ofSeconds(10);

    private final ChangeLog changeLog;
    private final Clock clock;
    private final long timeoutMillis;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final Duration sweepInterval;
    private final java.util.concurrent.Semaphore changed = new java.util.concurrent.Semaphore(0);
    private volatile Thread pusher;
    private volatile boolean running;
    private volatile long cursor = -1;
    /** Since when the numbers after the cursor have been taken but none of them found (see {@link #poll}). */
    private Instant emptySince;
    /** The first missing number after the cursor and when the pusher first saw it missing. */
    private long gapAt;
    private Instant gapSeenAt;

    public LiveStream(ChangeLog changeLog, Clock clock,
            @Value("${loa.report.live.emitter-timeout:PT30M}") Duration timeout,
            @Value("${loa.report.live.sweep-interval:PT1S}") Duration sweepInterval) {
        this.changeLog = changeLog;
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
        this.sweepInterval = sweepInterval;
        changeLog.onAppend(changed::release);
    }

    private void push() {
        while (running) {
            try {
                changed.tryAcquire(sweepInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                changed.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                while (poll()) {
                    // a full page went out: there may be more at once
                }
            } catch (RuntimeException e) {
                log.warn("Live stream: could not read the change log ({}); trying again", e.toString());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        pusher = Thread.ofPlatform().name("live-push").daemon().start(this::push);
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
        boolean everything = caller.has(Role.SYSADMIN);
        boolean province = !everything && CommuneDirectory.instance().isProvince(caller.tenantId());
        Bson filter = ChangeLog.visibleTo(caller.tenantId(), province, everything);
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        long start = cursor();
        Long resumeFrom = parse(lastEventId);
        Subscriber subscriber = new Subscriber(emitter, caller.tenantId(), province, everything,
                resumeFrom != null ? resumeFrom : start);
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
                    List<Entry> missed;
                    do {
                        missed = changeLog.after(subscriber.lastSent, filter, 500);
                        for (Entry e : missed) {
                            subscriber.send(e);
                        }
                    } while (missed.size() == 500);
                }
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
            }
        }
        return emitter;
    }

    private long cursor() {
        if (cursor < 0) {
            synchronized (this) {
                if (cursor < 0) {
                    cursor = changeLog.lastSeq();
                }
            }
        }
        return cursor;
    }

    /**
     * Sends the changes after the cursor to the subscribers who may see them; true when there may be more to send at
     * once (a full page went out).
     */
    boolean poll() {
        long from = cursor();
        long last = changeLog.lastSeq(); // one lookup; nothing more to do when nothing was numbered since
        if (last <= from) {
            return false;
        }
        List<Entry> entries = changeLog.range(from, Math.min(last, from + 1000));
        if (entries.isEmpty()) {
            // numbers taken but not written yet (wait a little), or never to be written / pruned: after a while,
            // the next entries that exist, by a range query
            Instant now = clock.instant();
            if (emptySince == null) {
                emptySince = now;
            }
            if (Duration.between(emptySince, now).compareTo(GAP_WAIT) < 0) {
                return false; // the writer's append (or the sweep) wakes the pusher again
            }
            entries = changeLog.after(from, new org.bson.Document(), 1000);
        }
        emptySince = null;
        long next = from;
        boolean gap = false;
        for (Entry e : entries) {
            if (e.seq() != next + 1) {
                // a number taken but not yet written: wait for it (its append wakes the pusher again), from when it
                // was first seen missing — not from the later change's own time, which under load is already old
                Instant now = clock.instant();
                if (gapSeenAt == null || gapAt != next + 1) {
                    gapAt = next + 1;
                    gapSeenAt = now;
                }
                if (Duration.between(gapSeenAt, now).compareTo(GAP_WAIT) < 0) {
                    gap = true;
                    break;
                }
                log.warn("Live stream: changes {} to {} were numbered but not written within {}; going on without"
                        + " them", next + 1, e.seq() - 1, GAP_WAIT);
            }
            for (Subscriber s : subscribers) {
                if (s.sees(e)) {
                    try {
                        s.send(e);
                    } catch (IOException | IllegalStateException ex) {
                        subscribers.remove(s);
                    }
                }
            }
            next = e.seq();
        }
        cursor = next;
        if (!gap) {
            gapSeenAt = null;
        }
        return !gap && entries.size() == 1000;
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
        final SseEmitter emitter;
        final String tenant;
        final boolean province;
        final boolean everything;
        long lastSent;

        Subscriber(SseEmitter emitter, String tenant, boolean province, boolean everything, long lastSent) {
            this.emitter = emitter;
            this.tenant = tenant;
            this.province = province;
            this.everything = everything;
            this.lastSent = lastSent;
        }

        boolean sees(Entry e) {
            return everything || Tenants.PLATFORM.equals(e.tenant())
                    || (province ? tenant.equals(e.province()) : tenant.equals(e.tenant()));
        }

        synchronized void send(Entry e) throws IOException {
            if (e.seq() <= lastSent) {
                return;
            }
            emitter.send(SseEmitter.event().id(Long.toString(e.seq())).name("change")
                    .data(new ChangeEvent(e.seq(), e.tenant(), e.area(), e.subject(), e.cause(), e.at().toString()),
                            MediaType.APPLICATION_JSON));
            lastSent = e.seq();
        }
    }
}
