package vn.loa.notification.delivery;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.platform.readmodel.KeyedWrites;

/**
 * Never twice: before a way of delivering (e-mail, Zalo…) sends a reminder to a person it inserts the key
 * (way, tenant, person, reminder id) — the reminder id names the subject and the period — with a unique {@code _id}.
 * The insert that fails finds the reminder already delivered (a replay, another instance, a rerun) and sends nothing.
 * A send that fails gives its key back ({@link #release}) so the retry may send. (A process killed between the
 * insert and the send loses that one delivery: at most once, never twice.)
 */
@Component
public class Deliveries {

    static final String COLLECTION = "deliveries";

    private final MongoTemplate mongo;
    private final Clock clock;

    public Deliveries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** True when this caller may send now; false when it was sent (or is being sent) already. */
    public boolean claim(String way, String tenant, String username, String reminderId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", key(way, tenant, username, reminderId))
                    .append("way", way).append("tenant", tenant).append("username", username)
                    .append("reminderId", reminderId).append("at", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (KeyedWrites.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Gives a claim back after a failed send. */
    public void release(String way, String tenant, String username, String reminderId) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", key(way, tenant, username, reminderId)));
    }

    /** How many deliveries of one way were made to a person (tests, checks). */
    public long count(String way, String tenant, String username) {
        return mongo.getCollection(COLLECTION).countDocuments(Filters.and(Filters.eq("way", way),
                Filters.eq("tenant", tenant), Filters.eq("username", username)));
    }

    static String key(String way, String tenant, String username, String reminderId) {
        return way + "|" + tenant + "|" + username + "|" + reminderId;
    }
}
