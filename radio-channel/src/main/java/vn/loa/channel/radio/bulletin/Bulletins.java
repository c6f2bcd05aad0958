package vn.loa.channel.radio.bulletin;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Repository;

/** Bulletins and their audio (GridFS), always looked up with their tenant. */
@Repository
public class Bulletins {

    static final String COLLECTION = "bulletins";

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;

    public Bulletins(MongoTemplate mongo, GridFsTemplate gridFs) {
        this.mongo = mongo;
        this.gridFs = gridFs;
    }

    public String storeAudio(String tenantId, String itemId, String fileName, byte[] mp3) {
        return gridFs.store(new ByteArrayInputStream(mp3), fileName, "audio/mpeg",
                new Document("tenantId", tenantId).append("itemId", itemId)).toHexString();
    }

    /** Puts the bulletin on the schedule (or replaces it); returns the one it replaced. */
    public Optional<Bulletin> put(Bulletin b) {
        Update update = new Update().set("tenantId", b.tenantId()).set("itemId", b.itemId())
                .set("requestId", b.requestId()).set("title", b.title()).set("day", b.day())
                .set("publishedAt", b.publishedAt()).set("audioFileId", b.audioFileId()).set("fileName", b.fileName())
                .set("size", b.size()).set("durationSeconds", b.durationSeconds()).unset("retractedAt");
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("_id").is(b.id())), update,
                FindAndModifyOptions.options().upsert(true).returnNew(false), Bulletin.class, COLLECTION));
    }

    public boolean retract(String tenantId, String itemId, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(Bulletin.id(tenantId, itemId))
                .and("tenantId").is(tenantId).and("retractedAt").is(null)),
                new Update().set("retractedAt", at), COLLECTION).getModifiedCount() == 1;
    }

    /** The day's live bulletins of a commune, in broadcast order (as published). */
    public List<Bulletin> day(String tenantId, String day) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(tenantId).and("day").is(day)
                .and("retractedAt").is(null)).with(Sort.by("publishedAt")), Bulletin.class, COLLECTION);
    }

    /** The live bulletin whose audio this is, for this tenant. */
    public Optional<Bulletin> byAudio(String tenantId, String audioFileId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("tenantId").is(tenantId)
                .and("audioFileId").is(audioFileId).and("retractedAt").is(null)), Bulletin.class, COLLECTION));
    }

    public Optional<GridFsResource> audio(String tenantId, String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        var file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))
                .and("metadata.tenantId").is(tenantId)));
        return file == null ? Optional.empty() : Optional.of(gridFs.getResource(file));
    }

    public void deleteAudio(String tenantId, String fileId) {
        if (ObjectId.isValid(fileId)) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(fileId)).and("metadata.tenantId")
                    .is(tenantId)));
        }
    }
}
