package vn.loa.content.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.loa.platform.problem.NotFound;

/** How a stored file is answered (an item's or an activity's): inline, its own type and name, never sniffed. */
public final class FileResponses {

    private FileResponses() {
    }

    /** The file found by {@link AttachmentStore#read}, or the Vietnamese 404. */
    public static ResponseEntity<InputStreamResource> inline(Optional<GridFsResource> found) throws IOException {
        GridFsResource file = found.orElseThrow(() -> new NotFound("Không tìm thấy tệp đính kèm."));
        var metadata = file.getGridFSFile().getMetadata();
        String mediaType = metadata != null ? metadata.getString("mediaType") : null;
        return ResponseEntity.ok()
                .contentType(mediaType != null ? MediaType.parseMediaType(mediaType) : MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.contentLength())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.getFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(file.getInputStream()));
    }
}
