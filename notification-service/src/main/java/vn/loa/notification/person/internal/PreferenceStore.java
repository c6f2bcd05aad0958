package vn.loa.notification.person.internal;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.contracts.notification.ReminderKind;
import vn.loa.notification.person.Preferences;

/** Each person's preferences, one document per (tenant, user name); a person who never chose has the defaults. */
@Component
public class PreferenceStore {

    static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    public PreferenceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Preferences of(String tenant, String username) {
        Document d = mongo.getCollection(COLLECTION).find(Filters.eq("_id", id(tenant, username))).first();
        if (d == null) {
            return Preferences.defaults();
        }
        Set<ReminderKind> muted = new LinkedHashSet<>();
        for (String k : d.getList("muted", String.class, List.of())) {
            muted.add(ReminderKind.valueOf(k));
        }
        return new Preferences(d.getBoolean("inApp", true), d.getBoolean("email", true), d.getBoolean("zalo", true),
                d.getString("zaloUserId"), muted);
    }

    public Preferences save(String tenant, String username, Preferences p) {
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", id(tenant, username)), document(tenant, username,
                p), new ReplaceOptions().upsert(true));
        return of(tenant, username);
    }

    /** Sets a Zalo id where the person has none yet (the demo data); what the person chose is kept. */
    void zaloIdIfNone(String tenant, String username, String zaloUserId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(document(tenant, username,
                    new Preferences(true, true, true, zaloUserId, Set.of())));
        } catch (MongoWriteException exists) {
            mongo.getCollection(COLLECTION).updateOne(Filters.and(Filters.eq("_id", id(tenant, username)),
                    Filters.eq("zaloUserId", null)), new Document("$set", new Document("zaloUserId", zaloUserId)));
        }
    }

    private static Document document(String tenant, String username, Preferences p) {
        List<String> muted = new ArrayList<>();
        p.muted().stream().map(Enum::name).sorted().forEach(muted::add);
        return new Document("_id", id(tenant, username)).append("tenant", tenant).append("username", username)
                .append("inApp", p.inApp()).append("email", p.email()).append("zalo", p.zalo())
                .append("zaloUserId", p.zaloUserId()).append("muted", muted);
    }

    private static String id(String tenant, String username) {
        return tenant + "|" + username;
    }
}
