package vn.loa.channel.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.platform.outbox.Outbox;

/**
 * Writes closed windows to the outbox: one document per (tenant, channel, item) in {@value #COLLECTION}, whose
 * {@code outbox} array takes each window's {@code PublicationEngaged} (the relay sends and removes it). The document
 * holds the ids and the time of the last window, nothing about a visitor. A write that fails keeps its events for the
 * next flush (their ids are deterministic, so a window written twice is recognised downstream).
 */
public final class EngagementOutbox implements Consumer<List<PublicationEngaged>> {

    public static final String COLLECTION = "engagement_outbox";
    private static final Logger log = LoggerFactory.getLogger(EngagementOutbox.class);

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final List<PublicationEngaged> retry = new ArrayList<>();

    public EngagementOutbox(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static String id(PublicationEngaged e) {
        return e.tenantId() + "|" + e.channel() + "|" + (e.itemId() == null ? "-" : e.itemId());
    }

    @Override
    public synchronized void accept(List<PublicationEngaged> events) {
        List<PublicationEngaged> all = new ArrayList<>(retry);
        all.addAll(events);
        retry.clear();
        for (PublicationEngaged e : all) {
            String id = id(e);
            try {
                Update update = new Update().set("tenantId", e.tenantId()).set("channel", e.channel())
                        .set("itemId", e.itemId()).set("lastWindowTo", Date.from(e.to()))
                        .set("writtenAt", Date.from(clock.instant()));
                mongo.upsert(Query.query(Criteria.where("_id").is(id)), outbox.append(update, List.of(e)),
                        COLLECTION);
                outbox.flush(COLLECTION, id);
            } catch (RuntimeException failed) {
                log.warn("Engagement window of {} not written yet ({}); kept for the next flush", id,
                        failed.getMessage());
                retry.add(e);
            }
        }
    }

    /** Windows waiting for a failed write to be tried again. */
    public synchronized int waiting() {
        return retry.size();
    }
}
