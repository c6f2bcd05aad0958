package vn.loa.content.item.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.content.attachment.AttachmentStore;
import vn.loa.content.attachment.FileResponses;
import vn.loa.content.attachment.Uploads;
import vn.loa.content.item.Attachment;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.Items;
import vn.loa.content.item.web.ItemViews.ItemView;
import vn.loa.platform.tenancy.Caller;

/**
 * Files of items: upload (checked by content, stored in GridFS), read by users through the gateway (tenant checked)
 * and by channels at {@code /internal/files/…} (not routed by the gateway).
 */
@RestController
@Tag(name = "Tệp đính kèm", description = "Ảnh, âm thanh, tài liệu của tin, bài")
class AttachmentController {

    private final Editorial editorial;
    private final Items items;
    private final Uploads uploads;
    private final AttachmentStore store;
    private final java.time.Clock clock;

    AttachmentController(Editorial editorial, Items items, Uploads uploads, AttachmentStore store,
            java.time.Clock clock) {
        this.editorial = editorial;
        this.items = items;
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping(path = "/api/contents/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Tải tệp lên (tối đa 10 MB; JPEG, PNG, WebP, GIF, PDF, DOCX, MP3, OGG, kiểm tra theo nội dung)")
    ResponseEntity<ItemView> upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
            Caller caller) {
        ContentItem item = editorial.writable(id, caller);
        Uploads.Checked checked = uploads.check(file);
        String attachmentId = store.store(item.tenantId(), item.id(), checked.fileName(), checked.type(),
                checked.data());
        Attachment attachment = new Attachment(attachmentId, checked.fileName(), checked.type().mediaType(),
                checked.data().length, null, null);
        try {
            ContentItem after = items.change(item, i -> {
                i.attach(attachment, caller.userId(), clock.instant());
                return true;
            });
            return ResponseEntity.status(HttpStatus.CREATED).body(ItemViews.of(after));
        } catch (RuntimeException refused) {
            store.delete(attachmentId);
            throw refused;
        }
    }

    @GetMapping("/api/contents/{id}/attachments/{attachmentId}")
    @Operation(summary = "Tải tệp đính kèm về")
    ResponseEntity<InputStreamResource> read(@PathVariable String id, @PathVariable String attachmentId,
            Caller caller) throws IOException {
        ContentItem item = editorial.readable(id, caller);
        return serve(item.tenantId(), item.id(), attachmentId);
    }

    /** For channel services on the internal network: the URL in {@code PublicationRequested.attachments[].url}. */
    @GetMapping("/internal/files/{tenant}/{itemId}/{attachmentId}")
    ResponseEntity<InputStreamResource> internal(@PathVariable String tenant, @PathVariable String itemId,
            @PathVariable String attachmentId) throws IOException {
        return serve(tenant, itemId, attachmentId);
    }

    private ResponseEntity<InputStreamResource> serve(String tenant, String owner, String attachmentId)
            throws IOException {
        return FileResponses.inline(store.read(tenant, owner, attachmentId));
    }
}
