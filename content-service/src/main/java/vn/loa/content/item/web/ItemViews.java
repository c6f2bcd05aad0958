package vn.loa.content.item.web;

import java.util.List;
import vn.loa.content.engagement.ChannelFigures;
import vn.loa.content.item.Attachment;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.Publication;
import vn.loa.content.item.Transition;
import vn.loa.platform.time.VnTime;

/** What the API shows of an item. Instants carry the +07:00 offset ("2025-09-02T08:15:00+07:00"). */
public final class ItemViews {

    private ItemViews() {
    }

    public record ItemView(String id, String tenantId, String title, String summary, String body, String kind,
            String kindCode, List<String> themes, List<String> taskIds, List<String> channels, String unit,
            String author, String status, String createdAt, String updatedAt, String approvedBy, String approvedAt,
            String rejectionReason, String scheduledAt, List<PublicationView> publications,
            List<PublicationView> failures, List<AttachmentView> attachments, List<TransitionView> history,
            List<ChannelFigures> engagement) {
    }

    public record ItemSummary(String id, String title, String kind, String status, List<String> channels,
            List<String> taskIds, String author, String createdAt, String updatedAt,
            List<PublicationView> publications) {
    }

    public record PublicationView(String channel, String status, String url, String publishedAt, String externalId,
            String reason, int attempt, String requestId, String requestedAt, int tries, String nextTryAt,
            boolean outside, String retractedAt, VisualView visual) {
    }

    /**
     * A visual product recorded on the visual channel: its kind ({@code BANNER}, its code and label), where, how many,
     * the day (ISO date, Asia/Ho_Chi_Minh), who recorded it and the photo (served at {@code photo.url}).
     */
    public record VisualView(String product, String productCode, String productLabel, String place, int quantity,
            String publishedOn, String recordedBy, AttachmentView photo) {
    }

    public record AttachmentView(String id, String fileName, String mediaType, long size, String url,
            String source) {
    }

    public record TransitionView(String at, String by, String from, String to, String why) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public static ItemView of(ContentItem i) {
        return of(i, List.of());
    }

    /** With what reached people through each channel (GET /api/contents/{id}; the other answers leave it empty). */
    public static ItemView of(ContentItem i, List<ChannelFigures> engagement) {
        List<PublicationView> publications = i.publications().stream().map(p -> of(i, p)).toList();
        return new ItemView(i.id(), i.tenantId(), i.title(), i.summary(), i.body(), i.kind().name(),
                i.kind().code(), i.themes(), i.taskIds(), i.channels(), i.unit(), i.author(), i.status().name(),
                VnTime.offset(i.createdAt()), VnTime.offset(i.updatedAt()), i.approvedBy(),
                VnTime.offset(i.approvedAt()), i.rejectionReason(), VnTime.offset(i.scheduledAt()), publications,
                publications.stream().filter(p -> p.status().equals("FAILED")).toList(),
                i.attachments().stream().map(a -> of(i, a)).toList(),
                i.history().stream().map(ItemViews::of).toList(), engagement);
    }

    public static ItemSummary summary(ContentItem i) {
        return new ItemSummary(i.id(), i.title(), i.kind().name(), i.status().name(), i.channels(), i.taskIds(),
                i.author(), VnTime.offset(i.createdAt()), VnTime.offset(i.updatedAt()),
                i.publications().stream().map(p -> of(i, p)).toList());
    }

    static PublicationView of(ContentItem item, Publication p) {
        return new PublicationView(p.channel(), p.status().name(), p.url(), VnTime.offset(p.publishedAt()),
                p.externalId(), p.reason(), p.attempt(), p.requestId(), VnTime.offset(p.requestedAt()), p.tries(),
                VnTime.offset(p.nextTryAt()), p.outside(), VnTime.offset(p.retractedAt()), visual(item, p));
    }

    private static VisualView visual(ContentItem item, Publication p) {
        if (p.product() == null) {
            return null;
        }
        Attachment photo = p.photo();
        AttachmentView photoView = photo == null ? null : new AttachmentView(photo.id(), photo.fileName(),
                photo.mediaType(), photo.size(), "/api/contents/" + item.id() + "/attachments/" + photo.id(),
                photo.source());
        return new VisualView(p.product().name(), p.product().code(), p.product().label(), p.place(),
                p.quantity() == null ? 0 : p.quantity(), p.publishedAt() == null ? null
                        : VnTime.dayOf(p.publishedAt()).toString(), p.recordedBy(), photoView);
    }

    static AttachmentView of(ContentItem item, Attachment a) {
        String url = a.uploaded() ? "/api/contents/" + item.id() + "/attachments/" + a.id() : a.url();
        return new AttachmentView(a.id(), a.fileName(), a.mediaType(), a.size(), url, a.source());
    }

    static TransitionView of(Transition t) {
        return new TransitionView(VnTime.offset(t.at()), t.by(), t.from() == null ? null : t.from().name(),
                t.to().name(), t.why());
    }
}
