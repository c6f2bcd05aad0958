package vn.loa.channel.portal.page;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The pages, always queried with their tenant. */
@Repository
public class Pages {

    static final String COLLECTION = "pages";

    private final MongoTemplate mongo;

    public Pages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Puts the page up (or replaces it); returns the page it replaced, if any. */
    public Optional<Page> put(Page page) {
        Update update = new Update().set("tenantId", page.tenantId()).set("itemId", page.itemId())
                .set("requestId", page.requestId()).set("kind", page.kind()).set("title", page.title())
                .set("summary", page.summary()).set("bodyHtml", page.bodyHtml()).set("images", page.images())
                .set("publishedAt", page.publishedAt()).unset("retractedAt");
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(page.id())), update,
                FindAndModifyOptions.options().upsert(true).returnNew(false), Page.class, COLLECTION));
    }

    /** Takes the page down; true when it was up. */
    public boolean retract(String tenantId, String itemId, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(Page.id(tenantId, itemId))
                .and("tenantId").is(tenantId).and("retractedAt").is(null)),
                new Update().set("retractedAt", at), COLLECTION).getModifiedCount() == 1;
    }

    public Optional<Page> find(String tenantId, String itemId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(Page.id(tenantId, itemId))
                .and("tenantId").is(tenantId)), Page.class, COLLECTION));
    }

    /** The commune's live pages, newest first. */
    public List<Page> live(String tenantId, int limit) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("retractedAt").is(null))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt")).limit(limit), Page.class, COLLECTION);
    }
}
