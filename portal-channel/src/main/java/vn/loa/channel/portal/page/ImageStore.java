package vn.loa.channel.portal.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;
import vn.loa.channel.ChannelUnavailable;
import vn.loa.channel.PublicationRefused;
import vn.loa.contracts.channel.PublicationRequested.Attachment;

/**
 * Copies an item's images from content-service into the portal's own GridFS, so the public page does not depend on
 * content-service (which is not reachable from outside). Only PNG, JPEG, GIF and WebP, recognised by their first
 * bytes, not by their name or declared type; at most {@code MAX_BYTES} each.
 */
@Component
public class ImageStore {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final GridFsTemplate gridFs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public ImageStore(GridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    public Page.Image copy(String tenantId, String itemId, Attachment attachment) {
        byte[] bytes = download(attachment);
        String type = imageType(bytes).orElseThrow(() -> new PublicationRefused("Tệp «" + attachment.fileName()
                + "» không phải là ảnh PNG, JPEG, GIF hoặc WebP nên không đăng lên cổng thông tin được."));
        ObjectId id = gridFs.store(new ByteArrayInputStream(bytes), attachment.fileName(), type,
                new Document("tenantId", tenantId).append("itemId", itemId).append("attachmentId", attachment.id()));
        return new Page.Image(id.toHexString(), attachment.fileName(), type, bytes.length);
    }

    private byte[] download(Attachment attachment) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(attachment.url())).timeout(Duration.ofSeconds(20))
                    .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            throw new ChannelUnavailable("Không tải được ảnh «" + attachment.fileName() + "» từ kho nội dung; hãy"
                    + " thử lại sau.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable("Việc tải ảnh bị gián đoạn; hãy thử lại sau.", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() == 404 || response.statusCode() == 410) {
                throw new PublicationRefused("Ảnh «" + attachment.fileName() + "» không còn trong kho nội dung.");
            }
            if (response.statusCode() != 200) {
                throw new ChannelUnavailable("Kho nội dung trả lời mã " + response.statusCode() + " khi tải ảnh «"
                        + attachment.fileName() + "»; hãy thử lại sau.");
            }
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new PublicationRefused("Ảnh «" + attachment.fileName() + "» lớn hơn 10 MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ChannelUnavailable("Không đọc hết được ảnh «" + attachment.fileName() + "»; hãy thử lại sau.", e);
        }
    }

    /** The image type by its magic bytes. */
    static Optional<String> imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
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
