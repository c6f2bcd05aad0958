package vn.loa.channel.manual.publication;

import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code manual_screenshots} collection: the picture an operator took of the post as evidence, one per request
 * ({@code _id} the request id, {@code tenantId} on the document and in every query). At most
 * {@link ManualDesk#MAX_SCREENSHOT} bytes, well under a document's 16 MB; what it is (name, type, size, who, when)
 * is kept on the request ({@link ManualPublication.Evidence}).
 */
@Component
class Screenshots {

    static final String COLLECTION = "manual_screenshots";

    private final MongoTemplate mongo;

    Screenshots(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores (or replaces, when the operator sends it again) the request's screenshot. */
    void save(String tenantId, String requestId, byte[] data) {
        mongo.upsert(Query.query(Criteria.where("_id").is(requestId).and("tenantId").is(tenantId)),
                new Update().set("data", new Binary(data)), COLLECTION);
    }

    Optional<byte[]> find(String tenantId, String requestId) {
        Document d = mongo.findOne(Query.query(Criteria.where("_id").is(requestId).and("tenantId").is(tenantId)),
                Document.class, COLLECTION);
        return Optional.ofNullable(d).map(doc -> doc.get("data", Binary.class)).map(Binary::getData);
    }
}
