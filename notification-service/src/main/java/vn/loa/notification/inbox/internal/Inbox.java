package vn.loa.notification.inbox.internal;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.platform.readmodel.KeyedWrites;
import vn.loa.contracts.notification.NotificationDelivered;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.notification.inbox.Notification;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.problem.NotFound;

/**
 * The in-app notifications: one document per (person, reminder), its id derived from both, inserted together with its
 * {@code NotificationDelivered} in its outbox — the unique id is the "never twice" of the inbox: a replay or a second
 * instance finds it taken and stores nothing. Every read is by tenant and user name.
 */
@Component
public class Inbox {

    static final String COLLECTION = "notifications";
    private static final int PAGE = 50;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;

    public Inbox(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostConstruct
    void indexes() {
        mongo.getCollection(COLLECTION).createIndex(Indexes.ascending("tenant", "username"));
    }

    /** Stores the reminder for a person; false when it was stored before. */
    public boolean deliver(ReminderRaised reminder, String username) {
        String id = id(reminder.tenantId(), username, reminder.reminderId());
        Instant now = clock.instant();
        Document d = new Document("_id", id).append("tenant", reminder.tenantId()).append("username", username)
                .append("reminderId", reminder.reminderId()).append("kind", reminder.kind().name())
                .append("title", reminder.title()).append("text", reminder.text()).append("link", reminder.link())
                .append("dueOn", reminder.dueOn() == null ? null : reminder.dueOn().toString())
                .append("raisedAt", Date.from(reminder.raisedAt())).append("deliveredAt", Date.from(now))
                .append("revision", 1L);
        d.put(Outbox.FIELD, outbox.entries(List.of(new NotificationDelivered(reminder.tenantId(), id, username,
                reminder.reminderId(), now))).stream().map(e -> e.toDocument()).toList());
        try {
            mongo.getCollection(COLLECTION).insertOne(d);
        } catch (MongoWriteException e) {
            if (KeyedWrites.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
        outbox.flush(COLLECTION, id);
        return true;
    }

    public List<Notification> of(String tenant, String username) {
        List<Notification> out = new ArrayList<>();
        for (Document d : mongo.getCollection(COLLECTION).find(mine(tenant, username))
                .sort(Sorts.orderBy(Sorts.descending("deliveredAt"), Sorts.ascending("_id"))).limit(PAGE)) {
            out.add(new Notification(d.getString("_id"), d.getString("kind"), d.getString("title"),
                    d.getString("text"), d.getString("link"),
                    d.getString("dueOn") == null ? null : LocalDate.parse(d.getString("dueOn")),
                    d.getDate("deliveredAt").toInstant(),
                    d.getDate("readAt") == null ? null : d.getDate("readAt").toInstant()));
        }
        return out;
    }

    public long unread(String tenant, String username) {
        return mongo.getCollection(COLLECTION).countDocuments(Filters.and(mine(tenant, username),
                Filters.eq("readAt", null)));
    }

    /** Marks one of the person's notifications read; another person's (or tenant's) id is not found. */
    public void read(String tenant, String username, String id) {
        var result = mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", id),
                mine(tenant, username)), new Document("$max", new Document("readAt", Date.from(clock.instant()))));
        if (result.getMatchedCount() == 0) {
            throw new NotFound("Không tìm thấy thông báo này.");
        }
    }

    public long readAll(String tenant, String username) {
        return mongo.getCollection(COLLECTION).updateMany(Filters.and(mine(tenant, username),
                Filters.eq("readAt", null)), new Document("$set", new Document("readAt", Date.from(clock.instant()))))
                .getModifiedCount();
    }

    private static Bson mine(String tenant, String username) {
        return Filters.and(Filters.eq("tenant", tenant), Filters.eq("username", username));
    }

    static String id(String tenant, String username, String reminderId) {
        return "ntf-" + UUID.nameUUIDFromBytes((tenant + "|" + username + "|" + reminderId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
