package vn.loa.report.reminder.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.platform.readmodel.KeyedWrites;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.platform.outbox.Outbox;

/**
 * The reminders raised, one document per reminder id, each inserted together with its {@code ReminderRaised} in its
 * outbox (one single-document write, like content-service's activities): a reminder whose id is taken — an earlier
 * run, another instance at the same moment — fails on the unique {@code _id} and is not raised again. A run costs one
 * unordered bulk insert, whatever the number of communes.
 */
@Component
public class ReminderStore {

    public static final String COLLECTION = "reminders";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    public ReminderStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @PostConstruct
    void indexes() {
        col().createIndex(Indexes.ascending("tenant"));
    }

    /** Inserts the reminders not raised yet; answers those that were new. */
    public List<ReminderRaised> raise(List<ReminderRaised> reminders) {
        if (reminders.isEmpty()) {
            return List.of();
        }
        List<Document> fresh = new ArrayList<>();
        List<ReminderRaised> raised = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ReminderRaised r : reminders) {
            if (seen.add(r.reminderId())) {
                raised.add(r);
                Document d = new Document("_id", r.reminderId()).append("tenant", r.tenantId())
                        .append("kind", r.kind().name()).append("about", r.about()).append("period", r.period())
                        .append("raisedAt", Date.from(r.raisedAt())).append("revision", 1L);
                d.put(Outbox.FIELD, outbox.entries(List.of(r)).stream().map(e -> e.toDocument()).toList());
                fresh.add(d);
            }
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        try {
            col().insertMany(fresh, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // raised before (an earlier run) or by another instance at the same moment: not again
            if (!KeyedWrites.onlyDuplicateKeys(e)) {
                throw e;
            }
            Set<Integer> lost = new HashSet<>();
            e.getWriteErrors().forEach(w -> lost.add(w.getIndex()));
            List<ReminderRaised> won = new ArrayList<>();
            for (int i = 0; i < raised.size(); i++) {
                if (!lost.contains(i)) {
                    won.add(raised.get(i));
                }
            }
            raised = won;
        }
        outbox.flush();
        return raised;
    }

    private MongoCollection<Document> col() {
        return mongo.getCollection(COLLECTION);
    }
}
