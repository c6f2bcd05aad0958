package vn.loa.task.crediting;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.task.task.Task;

/**
 * The item ledgers, one document per (tenant, item). Each event is one atomic {@code $addToSet}: hearing the same
 * publication twice leaves the set as it was. Sub-documents are built by hand, in a fixed field order and with the
 * named tasks sorted, because {@code $addToSet} compares them byte for byte. Instants are kept to the millisecond.
 */
@Component
public class ItemLedgers {

    static final String COLLECTION = "items";

    private final MongoTemplate mongo;

    public ItemLedgers(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("tenantId", Sort.Direction.ASC).on("publications.kind", Sort.Direction.ASC));
        indexes.createIndex(
                new Index().on("tenantId", Sort.Direction.ASC).on("publications.taskIds", Sort.Direction.ASC));
    }

    /** Adds the publication to its item's ledger and returns the ledger as it is now. */
    public ItemLedger record(ContentPublished published) {
        Document publication = new Document("channel", published.channel())
                .append("at", Date.from(published.publishedAt()))
                .append("kind", published.kind())
                .append("taskIds", published.taskIds().stream().sorted().toList());
        return add(published.tenantId(), published.itemId(), "publications", publication);
    }

    /** Adds the retraction to its item's ledger and returns the ledger as it is now. */
    public ItemLedger record(ContentRetracted retracted) {
        return add(retracted.tenantId(), retracted.itemId(), "retractions",
                new Document("channel", retracted.channel()).append("at", Date.from(retracted.retractedAt())));
    }

    public Optional<ItemLedger> find(String tenantId, String itemId) {
        return Optional.ofNullable(mongo.findById(key(tenantId, itemId), ItemLedger.class, COLLECTION));
    }

    /** The ledger's version now (-1 if there is none): compared with the version a decision was based on. */
    public long version(String tenantId, String itemId) {
        Query query = Query.query(Criteria.where("_id").is(key(tenantId, itemId)));
        query.fields().include("version");
        Document found = mongo.findOne(query, Document.class, COLLECTION);
        return found == null ? -1 : ((Number) found.get("version")).longValue();
    }

    /** The items that may concern a task: those naming it, those of a kind it accepts, those it has credited. */
    public List<String> concerning(Task task) {
        Criteria anyOf = new Criteria().orOperator(
                Criteria.where("publications.taskIds").is(task.taskId()),
                Criteria.where("publications.kind").in(task.everyKind()),
                Criteria.where("itemId").in(task.credits().stream().map(c -> c.itemId()).distinct().toList()));
        Query query = Query.query(new Criteria().andOperator(Criteria.where("tenantId").is(task.tenantId()), anyOf));
        query.fields().include("itemId");
        return mongo.find(query, Document.class, COLLECTION).stream().map(d -> d.getString("itemId")).toList();
    }

    /** Item ids are unique within a commune only. */
    static String key(String tenantId, String itemId) {
        return tenantId + ":" + itemId;
    }

    private ItemLedger add(String tenantId, String itemId, String set, Document element) {
        Query query = Query.query(Criteria.where("_id").is(key(tenantId, itemId)));
        Update update = new Update().setOnInsert("tenantId", tenantId).setOnInsert("itemId", itemId)
                .addToSet(set, element).inc("version", 1);
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, update, upsert, ItemLedger.class, COLLECTION);
        } catch (DuplicateKeyException raced) {
            // two first events of one item upserted at once; the ledger exists now, so this update matches it
            return mongo.findAndModify(query, update, upsert, ItemLedger.class, COLLECTION);
        }
    }
}
