package vn.loa.content.attachment;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;
import vn.loa.platform.file.FileType;

/**
 * Attachment bytes in GridFS, each tagged with its tenant and its owner (item or activity) so that a read always
 * checks both.
 */
@Component
public class AttachmentStore {

    private final GridFsTemplate gridFs;

    public AttachmentStore(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    public String store(String tenantId, String ownerId, String fileName, FileType type, byte[] data) {
        Document metadata = new Document("tenantId", tenantId).append("ownerId", ownerId)
                .append("mediaType", type.mediaType());
        ObjectId id = gridFs.store(new ByteArrayInputStream(data), fileName, type.mediaType(), metadata);
        return id.toHexString();
    }

    /** The file if it belongs to this tenant and owner; empty otherwise (also for a malformed id). */
    public Optional<GridFsResource> read(String tenantId, String ownerId, String attachmentId) {
        if (!ObjectId.isValid(attachmentId)) {
            return Optional.empty();
        }
        GridFSFile file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(attachmentId))
                .and("metadata.tenantId").is(tenantId).and("metadata.ownerId").is(ownerId)));
        return Optional.ofNullable(file).map(gridFs::getResource);
    }

    public void delete(String attachmentId) {
        if (ObjectId.isValid(attachmentId)) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(attachmentId))));
        }
    }
}
