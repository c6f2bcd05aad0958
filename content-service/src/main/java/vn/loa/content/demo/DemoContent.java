package vn.loa.content.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import vn.loa.content.activity.Activities;
import vn.loa.content.activity.Activities.ActivityInput;
import vn.loa.content.item.ContentDraft;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.ContentKind;
import vn.loa.content.item.ContentStatus;
import vn.loa.content.item.Items;
import vn.loa.platform.demo.DemoHistory;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.time.VnTime;

/**
 * With {@code loa.demo.enabled=true}, content-service's part of the demo's year so far ({@link DemoHistory}): each
 * item is written by the demo's writer, sent up, approved by its leader, then recorded as published on its channel on
 * the day it went out — the same "published elsewhere" record (URL and time) a commune uses for what it published
 * outside Loa, so {@code ContentPublished} carries that day and task-service credits it as for anyone. Each activity
 * is recorded as held on its day. Fixed ids: an entry already there is carried on from the step it reached (a crash
 * half-way finishes at the next start) and never made twice; entries whose day has not come are left for a later
 * start. Nothing else is touched: a commune's own items have other ids.
 */
@Component
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);
    /** The hour items went out, Vietnam time. */
    private static final Duration AT = Duration.ofHours(8).plusMinutes(30);

    private final Items items;
    private final Activities activities;
    private final Clock clock;

    DemoContent(Items items, Activities activities, Clock clock) {
        this.items = items;
        this.activities = activities;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            int made = seed(VnTime.dayOf(clock.instant()));
            log.info("Demo history: {} items and activities recorded now", made);
        } catch (RuntimeException e) {
            // demo data must never keep the service from running; the next start carries on
            log.warn("Demo history not (all) recorded: {}", e.toString());
        }
    }

    /** Records every entry up to {@code today} that is not complete yet; returns how many it brought to the end. */
    int seed(LocalDate today) {
        int made = 0;
        for (DemoHistory.Entry entry : DemoHistory.upTo(today)) {
            boolean done = switch (entry) {
                case DemoHistory.Item item -> publish(item, today.getYear());
                case DemoHistory.Activity activity -> hold(activity, today.getYear());
            };
            if (done) {
                made++;
            }
        }
        return made;
    }

    /** Brings the item to PUBLISHED; false when it was there already. */
    private boolean publish(DemoHistory.Item e, int year) {
        Optional<ContentItem> found = items.find(e.id());
        if (found.isPresent() && found.get().status() == ContentStatus.PUBLISHED) {
            return false;
        }
        Instant published = VnTime.startOf(e.on(year)).plus(AT);
        ContentItem item = found.orElseGet(() -> create(e));
        if (!item.tenantId().equals(e.tenant())) {
            return false; // not the demo's (cannot happen with these ids, but never touch another's item)
        }
        Instant now = clock.instant();
        if (item.status() == ContentStatus.DRAFT) {
            item = items.change(item, i -> {
                i.submit(DemoHistory.WRITER, now);
                return true;
            });
        }
        if (item.status() == ContentStatus.SUBMITTED) {
            item = items.change(item, i -> {
                i.approve(DemoHistory.LEADER, true, now);
                return true;
            });
        }
        if (item.status() == ContentStatus.APPROVED) {
            String url = "https://demo.loa.invalid/" + e.tenant() + "/" + e.channel() + "/" + e.id();
            item = items.change(item, i -> {
                i.recordOutside(e.channel(), url, published, DemoHistory.WRITER, now);
                return true;
            });
            log.info("Demo item {} published on {} on {}", e.id(), e.channel(), VnTime.display(published));
        }
        return item.status() == ContentStatus.PUBLISHED;
    }

    private ContentItem create(DemoHistory.Item e) {
        ContentKind kind = ContentKind.parse(e.kind()).orElseThrow();
        ContentDraft draft = new ContentDraft(e.title(), e.summary(), "<p>" + e.summary() + "</p>", kind, List.of(),
                e.taskIds(), List.of(e.channel()), null);
        // recorded now, published then: what "Ghi nhận đã đăng ở nơi khác" is for
        ContentItem item = ContentItem.create(e.id(), e.tenant(), DemoHistory.WRITER, draft, clock.instant());
        try {
            items.insert(item);
            return item;
        } catch (DuplicateKeyException raced) {
            return items.find(e.id()).orElseThrow();
        }
    }

    private boolean hold(DemoHistory.Activity e, int year) {
        if (activities.find(e.id()).isPresent()) {
            return false;
        }
        Caller writer = new Caller(e.tenant(), DemoHistory.WRITER, Set.of(Role.EDITOR));
        try {
            activities.record(e.id(), new ActivityInput(e.kind(), e.title(), e.summary(),
                    VnTime.DAY.format(e.on(year)), e.place(), e.participants(), List.of(), e.taskIds(), null), writer);
            log.info("Demo activity {} held on {}", e.id(), VnTime.display(e.on(year)));
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }
}
