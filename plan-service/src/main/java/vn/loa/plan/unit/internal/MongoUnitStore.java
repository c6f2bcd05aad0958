package vn.loa.plan.unit.internal;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import vn.loa.plan.unit.Unit;
import vn.loa.plan.unit.UnitType;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.tenancy.TenantScope;

/**
 * {@link UnitStore} in MongoDB, collection {@code units}: one document each, {@code _id} = tenant and the unit's plain
 * name (so one name cannot be listed twice, whatever its spelling of case and diacritics).
 */
@Component
class MongoUnitStore implements UnitStore {

    static final String COLLECTION = "units";

    private final MongoTemplate mongo;

    MongoUnitStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Unit> of(String tenant) {
        Query query = new Query(Criteria.where(TenantScope.FIELD).is(tenant)).with(Sort.by("name"));
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> Unit.of(d.getString(TenantScope.FIELD), d.getString("name"),
                        UnitType.valueOf(d.getString("kind")), Unit.LISTED))
                .toList();
    }

    @Override
    public void insert(Unit unit, String by) {
        Document d = new Document("_id", unit.tenantId() + ":" + UnitType.plain(unit.name()))
                .append(TenantScope.FIELD, unit.tenantId()).append("name", unit.name())
                .append("kind", unit.kind().name()).append("createdBy", by).append("createdAt", Instant.now());
        try {
            mongo.insert(d, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new Conflict("Đơn vị \"" + unit.name() + "\" đã có trong danh sách của xã, phường.");
        }
    }
}
