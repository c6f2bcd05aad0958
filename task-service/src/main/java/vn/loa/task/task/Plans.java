package vn.loa.task.task;

import java.time.LocalDate;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What task-service remembers of a plan itself: its period and its issue date, so that a task added by a later
 * amendment (which carries neither) gets its buckets over the same plan period, with the same periods not applicable.
 */
@Component
public class Plans {

    static final String COLLECTION = "plans";

    private final MongoTemplate mongo;

    public Plans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The period of an issued plan and its issue date (null for a plan recorded before the date was kept). */
    public record PlanPeriod(LocalDate from, LocalDate to, LocalDate issuedOn) {
    }

    /** Idempotent: the first issue of a plan is kept, a replay changes nothing. */
    public void recordIssued(String tenantId, String planId, LocalDate from, LocalDate to, LocalDate issuedOn) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key(tenantId, planId))),
                new Update().setOnInsert("tenantId", tenantId).setOnInsert("planId", planId)
                        .setOnInsert("periodFrom", from.toString()).setOnInsert("periodTo", to.toString())
                        .setOnInsert("issuedOn", issuedOn == null ? null : issuedOn.toString()),
                COLLECTION);
    }

    /** Plan ids are unique within a commune only. */
    private static String key(String tenantId, String planId) {
        return tenantId + ":" + planId;
    }

    public Optional<PlanPeriod> period(String tenantId, String planId) {
        Document plan = mongo.findById(key(tenantId, planId), Document.class, COLLECTION);
        return Optional.ofNullable(plan).map(p -> new PlanPeriod(LocalDate.parse(p.getString("periodFrom")),
                LocalDate.parse(p.getString("periodTo")),
                p.getString("issuedOn") == null ? null : LocalDate.parse(p.getString("issuedOn"))));
    }
}
