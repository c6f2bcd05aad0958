package vn.loa.channel.manual.publication.web;

import vn.loa.channel.manual.publication.ManualPublication;
import vn.loa.platform.time.VnTime;
import java.util.List;

/**
 * A request as the operator sees it: what to post (title, summary, body, files to download through content-service)
 * and where it stands. Times are ISO-8601 with the Vietnamese offset ({@code +07:00}).
 */
record ManualPublicationView(String requestId, String itemId, String channel, String channelName, String kind,
        String title, String summary, String bodyHtml, List<FileView> files, String status, String statusLabel,
        String requestedAt, String receivedAt, String url, String publishedAt, String confirmedBy,
        String confirmedAt, String reason, String failedBy, String failedAt, String retractedAt,
        boolean resolvedElsewhere, ScreenshotView screenshot) {

    /** {@code href}: the file through the gateway (content-service checks the caller's commune). */
    record FileView(String id, String fileName, String mediaType, long size, String href) {
    }

    /** The operator's screenshot of the post: {@code href} through the gateway; who sent it and when. */
    record ScreenshotView(String fileName, String mediaType, long size, String by, String at, String href) {
    }

    static ManualPublicationView of(ManualPublication p) {
        List<FileView> files = p.files().stream().map(f -> new FileView(f.attachmentId(), f.fileName(), f.mediaType(),
                f.size(), "/api/contents/" + p.itemId() + "/attachments/" + f.attachmentId())).toList();
        return new ManualPublicationView(p.requestId(), p.itemId(), p.channel(), p.channelName(), p.kind(), p.title(),
                p.summary(), p.bodyHtml(), files, p.status().name(), p.status().label(),
                VnTime.offset(p.requestedAt()), VnTime.offset(p.receivedAt()), p.url(), VnTime.offset(p.publishedAt()),
                p.confirmedBy(), VnTime.offset(p.confirmedAt()), p.reason(), p.failedBy(),
                VnTime.offset(p.failedAt()), VnTime.offset(p.retractedAt()), p.resolvedElsewhere(),
                p.evidence() == null ? null : new ScreenshotView(p.evidence().fileName(), p.evidence().mediaType(),
                        p.evidence().size(), p.evidence().by(), VnTime.offset(p.evidence().at()),
                        "/api/manual-publications/" + p.requestId() + "/screenshot"));
    }
}
