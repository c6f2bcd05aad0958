package vn.loa.plan.plan.internal;

import com.mongodb.client.result.DeleteResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.loa.contracts.plan.PlanEvent;
import vn.loa.plan.plan.Plan;
import vn.loa.plan.plan.PlanStore;
import vn.loa.platform.aggregate.AggregateStore;
import vn.loa.platform.problem.Conflict;

/**
 * Plans in MongoDB, one document each (collection {@value #COLLECTION}). A write replaces the plan's fields and
 * pushes its events onto the document's outbox in the same {@code updateOne} ({@link AggregateStore}), filtered on
 * the revision and status it was read at: no transaction is needed (none is available on mongo-java-server), and of
 * two concurrent writes exactly one matches.
 */
@Repository
class MongoPlanStore implements PlanStore {

    static final String COLLECTION = "plans";
    private static final Logger log = LoggerFactory.getLogger(MongoPlanStore.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoPlanStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** At start-up, not in the constructor: the database may not be up yet while the context starts. */
    @EventListener(ApplicationReadyEvent.class)
    void ensureIndexes() {
        try {
            var indexes = mongo.indexOps(COLLECTION);
            indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("created.at", Sort.Direction.DESC)
                    .named("tenant_created"));
            indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("content.number", Sort.Direction.ASC)
                    .named("tenant_number"));
        } catch (RuntimeException e) {
            log.warn("Could not create the plans indexes now ({}); queries still work, only slower", e.toString());
        }
    }

    @Override
    public Optional<Plan> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Plan.class, COLLECTION));
    }

    @Override
    public List<Plan> list(Collection<String> tenantIds, int limit) {
        Query query = tenantIds == null ? new Query() : Query.query(Criteria.where("tenantId").in(tenantIds));
        query.with(Sort.by(Sort.Direction.DESC, "created.at")).limit(limit);
        return mongo.find(query, Plan.class, COLLECTION);
    }

    @Override
    public boolean existsWithNumber(String tenantId, String number) {
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId).and("content.number").is(number)),
                Plan.class, COLLECTION);
    }

    @Override
    public boolean insert(Plan plan) {
        try {
            mongo.insert(plan, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Plan write(Plan before, Plan after, List<? extends PlanEvent> events) {
        Plan written = after.atRevision(before.revision() + 1);
        Criteria sameTenantAndStatus = Criteria.where("tenantId").is(before.tenantId())
                .and("status").is(before.status().name());
        if (!store.write(COLLECTION, written, written.id(), before.revision(), events, Map.of(), sameTenantAndStatus)) {
            throw changedMeanwhile();
        }
        return written;
    }

    @Override
    public void delete(Plan draft) {
        DeleteResult result = mongo.remove(sameAs(draft), COLLECTION);
        if (result.getDeletedCount() == 0) {
            throw changedMeanwhile();
        }
    }

    /** The document exactly as it was read: same tenant, revision and status. */
    private static Query sameAs(Plan plan) {
        return Query.query(Criteria.where("_id").is(plan.id()).and("tenantId").is(plan.tenantId())
                .and("revision").is(plan.revision()).and("status").is(plan.status().name()));
    }

    private static Conflict changedMeanwhile() {
        return new Conflict("Kế hoạch vừa được người khác thay đổi. Vui lòng tải lại rồi thử lại.");
    }
}
