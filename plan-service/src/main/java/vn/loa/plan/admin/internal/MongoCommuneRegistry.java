package vn.loa.plan.admin.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** {@link CommuneRegistry} in MongoDB: one document per commune that was ever switched, {@code _id} = its code. */
@Component
class MongoCommuneRegistry implements CommuneRegistry {

    static final String COLLECTION = "communes";

    private final MongoTemplate mongo;

    MongoCommuneRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Set<String> active(Collection<String> codes) {
        Query query = new Query(Criteria.where("_id").in(List.copyOf(codes)).and("active").is(true));
        query.fields().include("_id");
        Set<String> found = new HashSet<>();
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            found.add(d.getString("_id"));
        }
        return found;
    }

    @Override
    public boolean isActive(String code) {
        return mongo.exists(new Query(Criteria.where("_id").is(code).and("active").is(true)), COLLECTION);
    }

    @Override
    public Set<String> activate(String code, String by) {
        Document before = mongo.findAndModify(new Query(Criteria.where("_id").is(code)),
                new Update().set("active", true).set("changedBy", by).set("changedAt", Instant.now()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        Set<String> suspended = new HashSet<>();
        if (before != null && before.get("suspended") instanceof List<?> ids) {
            ids.forEach(id -> suspended.add(String.valueOf(id)));
        }
        return suspended;
    }

    @Override
    public void deactivate(String code, String by) {
        mongo.upsert(new Query(Criteria.where("_id").is(code)),
                new Update().set("active", false).set("changedBy", by).set("changedAt", Instant.now()), COLLECTION);
    }

    @Override
    public void suspended(String code, Collection<String> accountIds) {
        if (!accountIds.isEmpty()) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(code)),
                    new Update().addToSet("suspended").each(accountIds.toArray()), COLLECTION);
        }
    }

    @Override
    public void released(String code, Collection<String> accountIds) {
        if (!accountIds.isEmpty()) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(code)),
                    new Update().pullAll("suspended", accountIds.toArray()), COLLECTION);
        }
    }

    @Override
    public void activeUnlessKnown(String code) {
        mongo.upsert(new Query(Criteria.where("_id").is(code)),
                new Update().setOnInsert("active", true).setOnInsert("changedBy", "loa-demo")
                        .setOnInsert("changedAt", Instant.now()), COLLECTION);
    }
}
