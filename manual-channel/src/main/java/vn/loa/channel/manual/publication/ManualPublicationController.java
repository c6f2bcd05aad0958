package vn.loa.channel.manual.publication;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.loa.channel.manual.publication.ManualDesk.Confirmation;
import vn.loa.channel.manual.publication.ManualDesk.Refusal;
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
    @PostMapping("/{requestId}/confirm")
    ManualPublicationView confirm(@PathVariable String requestId,
            @RequestBody(required = false) Confirmation body, Caller caller) {
        return ManualPublicationView.of(desk.confirm(caller, requestId, body));
    }

    /** {@code {reason}}: the item could not be published there (→ PublicationFailed, not retryable). */
    @PostMapping("/{requestId}/fail")
    ManualPublicationView fail(@PathVariable String requestId, @RequestBody(required = false) Refusal body,
            Caller caller) {
        return ManualPublicationView.of(desk.fail(caller, requestId, body));
    }
}
