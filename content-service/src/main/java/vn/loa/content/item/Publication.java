package vn.loa.content.item;

import java.time.Instant;

/**
 * An item on one channel. Every send is an attempt with its own {@code requestId = <itemId>:<channel>:<attempt>}
 * (stable across redeliveries of that send). {@code tries} counts the sends since the last hand-made start
 * (publish, or a retry by hand after a permanent failure): a retryable failure sends a new attempt after a back-off
 * until {@code tries} reaches the limit.
 */
public class Publication {

    private String channel;
    private PublicationStatus status;
    private int attempt;
    private String requestId;
    private Instant requestedAt;
    private int tries;
    private Instant nextTryAt;
    private String url;
    private Instant publishedAt;
    private String externalId;
    private String reason;
    private Instant failedAt;
    private Instant retractedAt;
    /** Recorded by hand: published outside Loa (the city's CCHC page, the press). */
    private boolean outside;
    private String recordedBy;
    /** A visual product (channel {@code truc-quan}): its kind, where, how many, and the photo taken as evidence. */
    private ContentKind product;
    private String place;
    private Integer quantity;
    private Attachment photo;

    Publication() {
    }

    static Publication requested(String itemId, String channel, int attempt, Instant now) {
        Publication p = new Publication();
        p.channel = channel;
        p.status = PublicationStatus.REQUESTED;
        p.attempt = attempt;
        p.requestId = itemId + ":" + channel + ":" + attempt;
        p.requestedAt = now;
        p.tries = 1;
        return p;
    }

    static Publication outside(String channel, String url, Instant publishedAt, String by) {
        Publication p = new Publication();
        p.channel = channel;
        p.status = PublicationStatus.SUCCEEDED;
        p.outside = true;
        p.url = url;
        p.publishedAt = publishedAt;
        p.recordedBy = by;
        return p;
    }

    /** A visual or print product put up or handed out, recorded by hand with its evidence (no URL). */
    static Publication visual(String channel, Visual visual, String by) {
        Publication p = outside(channel, null, visual.publishedAt(), by);
        p.setVisual(visual);
        return p;
    }

    /** What a commune officer recorded about a visual product: kind, place, quantity, the day, the photo. */
    public record Visual(ContentKind product, String place, int quantity, Instant publishedAt, Attachment photo) {
    }

    void setVisual(Visual visual) {
        product = visual.product();
        place = visual.place();
        quantity = visual.quantity();
        photo = visual.photo();
    }

    /**
     * A waiting request resolved by hand: the item was published on the channel outside Loa. Keeps the request id,
     * so the channel's own later answer to that request is a harmless duplicate (the publication no longer waits).
     */
    void resolvedOutside(String url, Instant publishedAt, String by) {
        succeeded(url, publishedAt, null);
        outside = true;
        recordedBy = by;
    }

    void succeeded(String url, Instant publishedAt, String externalId) {
        status = PublicationStatus.SUCCEEDED;
        this.url = url;
        this.publishedAt = publishedAt;
        this.externalId = externalId;
        reason = null;
        nextTryAt = null;
    }

    void failed(String reason, Instant at) {
        status = PublicationStatus.FAILED;
        this.reason = reason;
        failedAt = at;
        nextTryAt = null;
    }

    /** A retryable failure: the same request goes again at {@code next}. */
    void willRetry(String reason, Instant at, Instant next) {
        this.reason = reason;
        failedAt = at;
        nextTryAt = next;
    }

    /**
     * Sent again after a retryable failure: a new attempt with its own request id (a channel remembers a request id
     * as done once it answered it, failures included), counted in {@code tries}.
     */
    void resent(String itemId, Instant now) {
        attempt++;
        requestId = itemId + ":" + channel + ":" + attempt;
        requestedAt = now;
        tries++;
        nextTryAt = null;
    }

    void retracted(Instant at) {
        status = PublicationStatus.RETRACTED;
        retractedAt = at;
    }

    void cancelled() {
        status = PublicationStatus.CANCELLED;
        nextTryAt = null;
    }

    public String channel() {
        return channel;
    }

    public PublicationStatus status() {
        return status;
    }

    public int attempt() {
        return attempt;
    }

    public String requestId() {
        return requestId;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public int tries() {
        return tries;
    }

    public Instant nextTryAt() {
        return nextTryAt;
    }

    public String url() {
        return url;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String externalId() {
        return externalId;
    }

    public String reason() {
        return reason;
    }

    public Instant failedAt() {
        return failedAt;
    }

    public Instant retractedAt() {
        return retractedAt;
    }

    public boolean outside() {
        return outside;
    }

    public String recordedBy() {
        return recordedBy;
    }

    /** The visual product's kind; null for any other publication. */
    public ContentKind product() {
        return product;
    }

    public String place() {
        return place;
    }

    public Integer quantity() {
        return quantity;
    }

    public Attachment photo() {
        return photo;
    }
}
