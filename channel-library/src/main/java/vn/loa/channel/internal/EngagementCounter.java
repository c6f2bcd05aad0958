package vn.loa.channel.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.loa.channel.Engagement;
import vn.loa.channel.Visitor;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.platform.time.VnTime;

/**
 * The in-memory counter behind {@link Engagement}.
 *
 * <p><b>Once per visitor per day, nothing personal kept.</b> A visitor's key is HMAC-SHA256(salt of the day, figure,
 * tenant, channel, item, address, user agent), cut to 64 bits. The salt is 32 random bytes drawn when the commune
 * day begins, held in this object only, never logged nor written; at the first count of a new commune day
 * (Asia/Ho_Chi_Minh) the salt is replaced and every key of the day before is dropped. So nothing links a visitor
 * across days, and a key cannot be turned back into an address (the salt is gone at midnight). Keys of one day are
 * held in one set, at most {@code maxKeysPerDay}; beyond that a count is not checked against the day (an
 * over-count, logged once) rather than memory growing without bound.
 *
 * <p><b>Windows.</b> Counts go to the current window's adders on the request thread (a read lock, a hash and a
 * map look-up). {@link #flush()} closes the window {@code [from, now)} under the write lock, starts the next, and
 * hands one {@code PublicationEngaged} per (tenant, channel, item) with something counted to the sink (the outbox
 * writer). {@code counter} is this instance's id for its run, so windows of two instances or of a restart never
 * collide.
 */
public final class EngagementCounter implements Engagement {


    private record Key(String tenantId, String channel, String itemId, String publicationId) {
    }

    private record Day(LocalDate day, byte[] salt, Set<Long> seen) {
    }

    private final boolean enabled;
    private final Clock clock;
    private final String counterId;
    private final int maxKeysPerDay;
    private final Consumer<List<PublicationEngaged>> sink;
    private final SecureRandom random = new SecureRandom();
    private final ReentrantReadWriteLock windowLock = new ReentrantReadWriteLock();
    private final ThreadLocal<Mac> macs = new ThreadLocal<>();
    private final ThreadLocal<byte[]> macSalt = new ThreadLocal<>();
    private final AtomicLong overflow = new AtomicLong();
    private volatile Day day;
    private Map<Key, LongAdder[]> window = new ConcurrentHashMap<>();
    private Instant windowFrom;

    public EngagementCounter(boolean enabled, Clock clock, String service, int maxKeysPerDay,
            Consumer<List<PublicationEngaged>> sink) {
        this.enabled = enabled;
        this.clock = clock;
        this.maxKeysPerDay = maxKeysPerDay;
        this.sink = sink;
        byte[] id = new byte[6];
        random.nextBytes(id);
        this.counterId = service + "-" + HexFormat.of().formatHex(id);
        this.windowFrom = clock.instant();
        this.day = newDay(VnTime.dayOf(windowFrom));
    }

    public String counterId() {
        return counterId;
    }

    @Override
    public boolean count(String tenantId, String channel, String itemId, String publicationId, Figure figure,
            Visitor visitor) {
        if (!enabled) {
            return false;
        }
        Day today = today();
        long key = visitorKey(today, figure, tenantId, channel, itemId, visitor);
        if (today.seen().size() < maxKeysPerDay) {
            if (!today.seen().add(key)) {
                return false;
            }
        } else if (overflow.getAndIncrement() == 0) {
            org.slf4j.LoggerFactory.getLogger(EngagementCounter.class).warn("More than {} visitors counted today on"
                    + " this instance: later counts are not checked against the day", maxKeysPerDay);
        }
        windowLock.readLock().lock();
        try {
            window.computeIfAbsent(new Key(tenantId, channel, itemId, publicationId), k -> adders())[figure.ordinal()]
                    .increment();
        } finally {
            windowLock.readLock().unlock();
        }
        return true;
    }

    /** Closes the current window and hands what it counted to the sink; returns what was handed. */
    public List<PublicationEngaged> flush() {
        Map<Key, LongAdder[]> closed;
        Instant from;
        Instant to;
        windowLock.writeLock().lock();
        try {
            to = clock.instant();
            if (!to.isAfter(windowFrom)) {
                return List.of();
            }
            closed = window;
            from = windowFrom;
            window = new ConcurrentHashMap<>();
            windowFrom = to;
        } finally {
            windowLock.writeLock().unlock();
        }
        List<PublicationEngaged> events = new ArrayList<>();
        closed.forEach((k, a) -> {
            Figures f = new Figures(a[Figure.VIEWS.ordinal()].sum(), a[Figure.FEED_FETCHES.ordinal()].sum(),
                    a[Figure.PLAYS.ordinal()].sum(), a[Figure.DOWNLOADS.ordinal()].sum(), 0, 0, 0);
            if (!f.nothing()) {
                events.add(new PublicationEngaged(k.tenantId(), k.itemId(), k.channel(), k.publicationId(), counterId,
                        EngagementBasis.COUNTED_IN_WINDOW, from, to, f));
            }
        });
        if (!events.isEmpty()) {
            sink.accept(events);
        }
        return events;
    }

    /** How many visitor keys the current day holds (for tests and metrics). */
    public int keysToday() {
        return day.seen().size();
    }

    /** The visitor keys held for today: 64-bit hashes only (for the privacy test). */
    Set<Long> keysHeld() {
        return Set.copyOf(day.seen());
    }

    private Day today() {
        Day d = day;
        LocalDate now = VnTime.dayOf(clock.instant());
        if (!now.equals(d.day())) {
            synchronized (this) {
                d = day;
                if (!now.equals(d.day())) {
                    Arrays.fill(d.salt(), (byte) 0);
                    d = newDay(now);
                    day = d;
                    overflow.set(0);
                }
            }
        }
        return d;
    }

    private Day newDay(LocalDate date) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        return new Day(date, salt, ConcurrentHashMap.newKeySet());
    }

    private long visitorKey(Day today, Figure figure, String tenantId, String channel, String itemId,
            Visitor visitor) {
        Mac mac = macs.get();
        if (mac == null || macSalt.get() != today.salt()) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(today.salt(), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
            macs.set(mac);
            macSalt.set(today.salt());
        }
        String text = figure.name() + '\u001f' + tenantId + '\u001f' + channel + '\u001f' + itemId + '\u001f'
                + visitor.address() + '\u001f' + visitor.userAgent();
        byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        return java.nio.ByteBuffer.wrap(digest).getLong(); // the first 64 bits: a collision among a day's keys ≈ n²/2⁶⁵

    }

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[Figure.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** The flush period's default: windows of 10 s. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
}
