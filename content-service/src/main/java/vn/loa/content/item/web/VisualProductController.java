package vn.loa.content.item.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.content.attachment.AttachmentStore;
import vn.loa.content.attachment.Uploads;
import vn.loa.content.item.Attachment;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.Editorial.CheckedVisual;
import vn.loa.content.item.Editorial.VisualInput;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.web.ItemViews.ItemView;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.platform.file.FileType;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.Caller;

/**
 * A visual or print product (pano, banners, posters, leaflets, notice boards, printed documents) recorded on the
 * visual channel {@code truc-quan}: {@code POST /api/contents/{id}/publications} as multipart/form-data with the
 * product's kind, place, quantity, day and a photo as evidence, no URL. The fields are checked first (all problems at
 * once), then the photo (an image by its content, stored in GridFS like any attachment of the item, under the item),
 * then the item is changed; a refused change deletes the stored photo.
 */
@RestController
@Tag(name = "Tin, bài")
class VisualProductController {

    private static final Set<FileType> IMAGES = Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.GIF);

    private final Editorial editorial;
    private final Uploads uploads;
    private final AttachmentStore store;

    VisualProductController(Editorial editorial, Uploads uploads, AttachmentStore store) {
        this.editorial = editorial;
        this.uploads = uploads;
        this.store = store;
    }

    @PostMapping(path = "/api/contents/{id}/publications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Ghi nhận sản phẩm trực quan (pano, băng rôn, áp phích, tờ rơi, bảng tin, tài liệu): loại "
            + "sản phẩm, nơi đặt, số lượng, ngày thực hiện (dd/MM/yyyy) và ảnh minh chứng; không cần đường dẫn")
    ResponseEntity<ItemView> record(@PathVariable String id,
            @RequestParam(name = "channel", required = false) String channel,
            @RequestParam(name = "product", required = false) String product,
            @RequestParam(name = "place", required = false) String place,
            @RequestParam(name = "quantity", required = false) String quantity,
            @RequestParam(name = "publishedOn", required = false) String publishedOn,
            @RequestParam(name = "photo", required = false) MultipartFile photo, Caller caller) {
        CheckedVisual checked = editorial.checkVisual(id, new VisualInput(channel, product, place, quantity,
                publishedOn), photo != null && !photo.isEmpty(), caller);
        Uploads.Checked file = uploads.check(photo, "photo");
        if (!IMAGES.contains(file.type())) {
            throw new InvalidInput("photo", "Ảnh minh chứng phải là ảnh JPEG, PNG, WebP hoặc GIF; tệp '"
                    + file.fileName() + "' là " + file.type().mediaType() + ".");
        }
        ContentItem item = editorial.readable(id, caller);
        String photoId = store.store(item.tenantId(), item.id(), file.fileName(), file.type(), file.data());
        Attachment stored = new Attachment(photoId, file.fileName(), file.type().mediaType(), file.data().length, null,
                VisualProduct.CHANNEL);
        try {
            ContentItem after = editorial.recordVisual(id, checked, stored, caller);
            return ResponseEntity.status(HttpStatus.CREATED).body(ItemViews.of(after));
        } catch (RuntimeException refused) {
            store.delete(photoId);
            throw refused;
        }
    }
}
