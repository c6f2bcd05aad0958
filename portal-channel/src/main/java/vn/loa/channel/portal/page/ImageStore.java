package vn.loa.channel.portal.page;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;
import vn.loa.channel.AttachmentDownload;
import vn.loa.channel.PublicationRefused;
import vn.loa.contracts.channel.PublicationRequested.Attachment;
import vn.loa.platform.file.ContentSniffer;
import vn.loa.platform.file.FileType;

/**
 * Copies an item's images from content-service into the portal's own GridFS, so the public page does not depend on
 * content-service (which is not reachable from outside). Only PNG, JPEG, GIF and WebP, recognised by their first
 * bytes ({@link ContentSniffer}), not by their name or declared type; at most {@code MAX_BYTES} each.
 */
@Component
public class ImageStore {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final GridFsTemplate gridFs;
    private final AttachmentDownload download = new AttachmentDownload("ảnh", MAX_BYTES, Duration.ofSeconds(20));

    public ImageStore(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    public Page.Image copy(String tenantId, String itemId, Attachment attachment) {
        byte[] bytes = download.bytes(attachment);
        String type = ContentSniffer.sniff(bytes).filter(FileType::image).map(FileType::mediaType)
                .orElseThrow(() -> new PublicationRefused("Tệp «" + attachment.fileName()
                        + "» không phải là ảnh PNG, JPEG, GIF hoặc WebP nên không đăng lên cổng thông tin được."));
        ObjectId id = gridFs.store(new ByteArrayInputStream(bytes), attachment.fileName(), type,
                new Document("tenantId", tenantId).append("itemId", itemId).append("attachmentId", attachment.id()));
        return new Page.Image(id.toHexString(), attachment.fileName(), type, bytes.length);
    }

    /** An image of the tenant, or empty (another tenant's id answers the same as a missing one). */
    public Optional<GridFsResource> find(String tenantId, String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Optional.empty();
        }
        var file = gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))
                .and("metadata.tenantId").is(tenantId)));
        return file == null ? Optional.empty() : Optional.of(gridFs.getResource(file));
    }

    /** The item the image belongs to. */
    public Optional<String> itemOf(GridFsResource resource) {
        Document metadata = resource.getGridFSFile().getMetadata();
        return Optional.ofNullable(metadata == null ? null : metadata.getString("itemId"));
    }

    public void delete(String tenantId, String fileId) {
        if (ObjectId.isValid(fileId)) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(fileId)).and("metadata.tenantId")
                    .is(tenantId)));
        }
    }
}
