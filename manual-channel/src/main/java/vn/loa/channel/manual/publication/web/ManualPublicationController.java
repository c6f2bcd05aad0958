package vn.loa.channel.manual.publication.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.channel.manual.publication.ManualDesk;
import vn.loa.channel.manual.publication.ManualDesk.Confirmation;
import vn.loa.channel.manual.publication.ManualDesk.Refusal;
import vn.loa.channel.manual.publication.ManualDesk.Screenshot;
import vn.loa.channel.manual.publication.ManualDesk.StoredScreenshot;
import vn.loa.platform.tenancy.Caller;

/**
 * The operator's API (the gateway routes {@code /api/manual-publications/**} here): the caller's commune's requests
 * for outside channels, and the confirmation (or refusal) of each.
 */
@RestController
@RequestMapping("/api/manual-publications")
class ManualPublicationController {

    private final ManualDesk desk;

    ManualPublicationController(ManualDesk desk) {
        this.desk = desk;
    }

    /** The caller's commune's requests, newest first (at most 200): {@code ?status=PENDING&channel=press}. */
    @GetMapping
    List<ManualPublicationView> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String channel, Caller caller) {
        return desk.list(caller, status, channel).stream().map(ManualPublicationView::of).toList();
    }

    @GetMapping("/{requestId}")
    ManualPublicationView one(@PathVariable String requestId, Caller caller) {
        return ManualPublicationView.of(desk.one(caller, requestId));
    }

    /** {@code {url, publishedAt}}: the item is on the channel at that URL (→ PublicationSucceeded). */
    @PostMapping(path = "/{requestId}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    ManualPublicationView confirm(@PathVariable String requestId,
            @RequestBody(required = false) Confirmation body, Caller caller) {
        return ManualPublicationView.of(desk.confirm(caller, requestId, body));
    }

    /**
     * The same as a form ({@code multipart/form-data}: {@code url}, {@code publishedAt}) with an optional
     * {@code screenshot} of the post as evidence.
     */
    @PostMapping(path = "/{requestId}/confirm", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ManualPublicationView confirmWithScreenshot(@PathVariable String requestId,
            @RequestParam(required = false) String url, @RequestParam(required = false) String publishedAt,
            @RequestPart(required = false) MultipartFile screenshot, Caller caller) throws IOException {
        Screenshot shot = screenshot == null ? null
                : new Screenshot(screenshot.getOriginalFilename(), screenshot.getBytes());
        return ManualPublicationView.of(desk.confirm(caller, requestId, new Confirmation(url, publishedAt), shot));
    }

    /** The operator's screenshot of the post (404 when none was sent). */
    @GetMapping("/{requestId}/screenshot")
    ResponseEntity<byte[]> screenshot(@PathVariable String requestId, Caller caller) {
        StoredScreenshot shot = desk.screenshot(caller, requestId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(shot.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(shot.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(shot.data());
    }

    /** {@code {reason}}: the item could not be published there (→ PublicationFailed, not retryable). */
    @PostMapping("/{requestId}/fail")
    ManualPublicationView fail(@PathVariable String requestId, @RequestBody(required = false) Refusal body,
            Caller caller) {
        return ManualPublicationView.of(desk.fail(caller, requestId, body));
    }
}
