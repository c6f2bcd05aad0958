package vn.loa.content.item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.platform.aggregate.Aggregate;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.Forbidden;

/**
 * A content item and its editorial workflow. Every method checks the rule, changes the state, writes a
 * {@link Transition} when the status moves, and queues the events the change causes ({@link #pendingEvents()});
 * {@link Items#save} writes the whole change and its events in one single-document update guarded by
 * {@code revision}, so two instances (or a user and a consumer) cannot both win.
 */
public class ContentItem implements Aggregate {

    /** How many processed answer ids (ce_id) an item remembers, to recognise a redelivered answer. */
    private static final int ANSWERS_KEPT = 200;

    @Id
    private String id;
    private String tenantId;
    private long revision;
    private String title;
    private String summary;
    private String body;
    private ContentKind kind;
    private List<String> themes = new ArrayList<>();
    private List<String> taskIds = new ArrayList<>();
    private List<String> channels = new ArrayList<>();
    private String unit;
    private String author;
    private ContentStatus status;
    private Instant createdAt;
    private Instant updatedAt;
    private String approvedBy;
    private Instant approvedAt;
    private String rejectionReason;
    private Instant scheduledAt;
    private List<Publication> publications = new ArrayList<>();
    private List<Attachment> attachments = new ArrayList<>();
    private List<Transition> history = new ArrayList<>();
    private List<String> answered = new ArrayList<>();

    @Transient
    private List<LoaEvent> pending = new ArrayList<>();

    ContentItem() {
    }

    public static ContentItem create(String id, String tenantId, String author, ContentDraft draft, Instant now) {
        ContentItem item = new ContentItem();
        item.id = id;
        item.tenantId = tenantId;
        item.author = author;
        item.createdAt = now;
        item.apply(draft);
        item.updatedAt = now;
        item.status = ContentStatus.DRAFT;
        item.history.add(new Transition(now, author, null, ContentStatus.DRAFT, "Tạo mới"));
        return item;
    }

    private void apply(ContentDraft draft) {
        title = draft.title();
        summary = draft.summary();
        body = draft.body();
        kind = draft.kind();
        themes = new ArrayList<>(draft.themes());
        taskIds = new ArrayList<>(draft.taskIds());
        channels = new ArrayList<>(draft.channels());
        unit = draft.unit();
    }

    /**
     * Changes the text. A draft or submitted item keeps its status; a rejected item goes back to DRAFT; an APPROVED
     * item goes back to SUBMITTED (it must be approved again, a scheduled publication is cancelled, and it waits for
     * approval from now: {@code ContentSubmitted} with the new title). Once out
     * on channels, an item cannot be edited (409).
     */
    public void edit(ContentDraft draft, String by, Instant now) {
        boolean backForApproval = status == ContentStatus.APPROVED;
        switch (status) {
            case DRAFT, SUBMITTED -> {
            }
            case REJECTED -> move(ContentStatus.DRAFT, by, now, "Sửa lại sau khi bị trả lại");
            case APPROVED -> {
                approvedBy = null;
                approvedAt = null;
                scheduledAt = null;
                move(ContentStatus.SUBMITTED, by, now, "Sửa sau khi đã duyệt: cần lãnh đạo duyệt lại");
            }
            default -> throw new Conflict("Tin, bài đã đăng hoặc đang đăng, không thể sửa. Hãy gỡ tin, bài nếu cần.");
        }
        apply(draft);
        updatedAt = now;
        if (backForApproval) {
            pending.add(submitted(now));
        }
    }

    /** An attachment counts as an edit: on an APPROVED item it sends the item back for approval. */
    public void attach(Attachment attachment, String by, Instant now) {
        switch (status) {
            case DRAFT, SUBMITTED -> {
            }
            case REJECTED -> move(ContentStatus.DRAFT, by, now, "Thêm tệp sau khi bị trả lại");
            case APPROVED -> {
                approvedBy = null;
                approvedAt = null;
                scheduledAt = null;
                move(ContentStatus.SUBMITTED, by, now, "Thêm tệp sau khi đã duyệt: cần lãnh đạo duyệt lại");
                pending.add(submitted(now));
            }
            default -> throw new Conflict("Tin, bài đã đăng hoặc đang đăng, không thể thêm tệp.");
        }
        attachments.add(attachment);
        updatedAt = now;
    }

    /** Sends a draft or returned item for approval: {@code ContentSubmitted}, it waits from now. */
    public void submit(String by, Instant now) {
        if (status != ContentStatus.DRAFT && status != ContentStatus.REJECTED) {
            throw new Conflict("Chỉ gửi duyệt được tin, bài đang ở trạng thái nháp hoặc bị trả lại.");
        }
        rejectionReason = null;
        move(ContentStatus.SUBMITTED, by, now, null);
        pending.add(submitted(now));
    }

    /** The item waits for a leader's approval from now: {@code ContentSubmitted}. */
    private ContentSubmitted submitted(Instant now) {
        return new ContentSubmitted(tenantId, id, title, author, now);
    }

    /** A leader, never the author, approves a submitted item: {@code ContentApproved}. */
    public void approve(String by, boolean leader, Instant now) {
        if (!leader) {
            throw new Forbidden("Chỉ lãnh đạo mới được duyệt tin, bài.");
        }
        if (by.equals(author)) {
            throw new Forbidden("Người viết không được tự duyệt tin, bài của mình; cần một lãnh đạo khác duyệt.");
        }
        if (status != ContentStatus.SUBMITTED) {
            throw new Conflict("Chỉ duyệt được tin, bài đã gửi duyệt.");
        }
        approvedBy = by;
        approvedAt = now;
        move(ContentStatus.APPROVED, by, now, null);
        pending.add(new ContentApproved(tenantId, id, kind.code(), title, by, now));
    }

    /** A leader returns a submitted or approved item with a reason: {@code ContentRejected}, it waits no more. */
    public void reject(String by, boolean leader, String reason, Instant now) {
        if (!leader) {
            throw new Forbidden("Chỉ lãnh đạo mới được trả lại tin, bài.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "Vui lòng nêu lý do trả lại tin, bài.");
        }
        if (status != ContentStatus.SUBMITTED && status != ContentStatus.APPROVED) {
            throw new Conflict("Chỉ trả lại được tin, bài đã gửi duyệt hoặc đã duyệt nhưng chưa đăng.");
        }
        rejectionReason = reason.strip();
        approvedBy = null;
        approvedAt = null;
        scheduledAt = null;
        move(ContentStatus.REJECTED, by, now, rejectionReason);
        pending.add(new ContentRejected(tenantId, id, rejectionReason, now));
    }

    /** Whether publishing now would do nothing: the item is already out (idempotent publish). */
    public boolean alreadyPublishing() {
        return status.isOut();
    }

    /** Keeps an APPROVED item for publication at {@code at} (the scheduler calls {@link #publish} then). */
    public void schedule(Instant at, String by, Instant now, String when) {
        requireApprovedForPublishing();
        scheduledAt = at;
        updatedAt = now;
        history.add(new Transition(now, by, status, status, "Hẹn giờ đăng: " + when));
    }

    /**
     * Sends the item to every chosen channel it is not already on: one {@code PublicationRequested} each. Returns
     * false (and changes nothing) when the item is already publishing or published.
     */
    public boolean publish(String by, Instant now, Function<Attachment, String> internalUrl) {
        if (alreadyPublishing()) {
            return false;
        }
        requireApprovedForPublishing();
        List<String> targets = channels.stream().filter(c -> publication(c)
                .map(p -> p.status() != PublicationStatus.SUCCEEDED).orElse(true)).toList();
        if (targets.isEmpty()) {
            throw new InvalidInput("channels", "Tin, bài chưa chọn kênh nào để đăng.");
        }
        scheduledAt = null;
        for (String channel : targets) {
            int attempt = publication(channel).map(p -> p.attempt() + 1).orElse(1);
            publications.removeIf(p -> p.channel().equals(channel));
            Publication p = Publication.requested(id, channel, attempt, now);
            publications.add(p);
            pending.add(request(p, now, internalUrl));
        }
        move(ContentStatus.PUBLISHING, by, now, "Gửi tới kênh: " + String.join(", ", targets));
        return true;
    }

    private void requireApprovedForPublishing() {
        if (status != ContentStatus.APPROVED) {
            throw new Conflict("Chỉ đăng được tin, bài đã được lãnh đạo duyệt.");
        }
    }

    /** A new attempt on a channel that failed for good: new requestId, the item is PUBLISHING again. */
    public void retry(String channel, String by, Instant now, Function<Attachment, String> internalUrl) {
        Publication failed = publication(channel)
                .orElseThrow(() -> new InvalidInput("channel", "Tin, bài chưa được gửi tới kênh '" + channel + "'."));
        if (failed.status() != PublicationStatus.FAILED || status == ContentStatus.RETRACTED) {
            throw new Conflict("Chỉ thử đăng lại được trên kênh đã đăng thất bại.");
        }
        publications.remove(failed);
        Publication p = Publication.requested(id, channel, failed.attempt() + 1, now);
        publications.add(p);
        pending.add(request(p, now, internalUrl));
        move(ContentStatus.PUBLISHING, by, now, "Thử đăng lại trên kênh " + channel + " (lần " + p.attempt() + ")");
    }

    /** Publications waiting to re-send after a retryable failure whose time has come: sends them again. */
    public boolean resendDue(Instant now, Function<Attachment, String> internalUrl) {
        boolean any = false;
        for (Publication p : publications) {
            if (p.status() == PublicationStatus.REQUESTED && p.nextTryAt() != null && !p.nextTryAt().isAfter(now)) {
                p.resent(id, now);
                pending.add(request(p, now, internalUrl));
                any = true;
            }
        }
        return any;
    }

    private PublicationRequested request(Publication p, Instant now, Function<Attachment, String> internalUrl) {
        List<PublicationRequested.Attachment> files = attachments.stream().filter(Attachment::uploaded)
                .map(a -> new PublicationRequested.Attachment(a.id(), a.fileName(), a.mediaType(), a.size(),
                        internalUrl.apply(a)))
                .toList();
        return new PublicationRequested(tenantId, p.requestId(), id, p.channel(), kind.code(), title,
                summary, body == null ? "" : body, files, now);
    }

    /**
     * A channel's success. Changes nothing for an answer already processed ({@code answerId} = ce_id), for another
     * request than the current one, or for a publication that is no longer waiting. Otherwise records it, adds the
     * channel's files and emits {@code ContentPublished} once; a success that arrives after the item was retracted is
     * taken down at once ({@code ContentRetracted}) and never announced as published.
     */
    public boolean succeeded(PublicationSucceeded answer, String answerId, Instant now) {
        Optional<Publication> found = current(answer.channel(), answer.requestId());
        if (answered.contains(answerId) || found.isEmpty()) {
            return false;
        }
        Publication p = found.get();
        if (p.status() != PublicationStatus.REQUESTED && p.status() != PublicationStatus.CANCELLED) {
            return false;
        }
        remember(answerId);
        for (PublicationRequested.Attachment f : answer.files()) {
            if (attachments.stream().noneMatch(a -> a.id().equals(f.id()))) {
                attachments.add(new Attachment(f.id(), f.fileName(), f.mediaType(), f.size(), f.url(),
                        answer.channel()));
            }
        }
        if (p.status() == PublicationStatus.CANCELLED) {
            p.succeeded(answer.url(), answer.publishedAt(), answer.externalId());
            p.retracted(now);
            pending.add(new ContentRetracted(tenantId, id, p.channel(), now, "Tin, bài đã được gỡ trước khi kênh đăng xong"));
            return true;
        }
        p.succeeded(answer.url(), answer.publishedAt(), answer.externalId());
        pending.add(published(p));
        settle(now);
        return true;
    }

    /**
     * A channel's failure. A retryable one is sent again (a new attempt, new request id) after
     * {@code backoff × 2^(tries-1)} while {@code tries < maxTries}; after that, or when not retryable, the publication
     * FAILED with the reason.
     */
    public boolean failed(PublicationFailed answer, String answerId, Instant now, int maxTries, Duration backoff) {
        Optional<Publication> found = current(answer.channel(), answer.requestId());
        if (answered.contains(answerId) || found.isEmpty()) {
            return false;
        }
        Publication p = found.get();
        if (p.status() != PublicationStatus.REQUESTED || p.nextTryAt() != null) {
            if (p.status() == PublicationStatus.CANCELLED) {
                remember(answerId);
                return true;
            }
            return false;
        }
        remember(answerId);
        if (answer.retryable() && p.tries() < maxTries) {
            p.willRetry(answer.reason(), answer.failedAt(), now.plus(backoff.multipliedBy(1L << (p.tries() - 1))));
            return true;
        }
        String reason = answer.retryable()
                ? answer.reason() + " (đã thử " + p.tries() + " lần)"
                : answer.reason();
        p.failed(reason, answer.failedAt());
        settle(now);
        return true;
    }

    /**
     * Records a publication made outside Loa (approved item; leader's approval still applies). A channel whose request
     * is still waiting is resolved by it (same request id, {@code ContentPublished} once); one already published: 409.
     */
    public void recordOutside(String channel, String url, Instant publishedAt, String by, Instant now) {
        boolean approvedOrOut = status == ContentStatus.APPROVED || status.isOut();
        if (!approvedOrOut) {
            throw new Conflict("Chỉ ghi nhận được bài đã đăng ở nơi khác cho tin, bài đã được lãnh đạo duyệt.");
        }
        Optional<Publication> existing = publication(channel);
        PublicationStatus was = existing.map(Publication::status).orElse(null);
        if (was != null && was != PublicationStatus.FAILED && was != PublicationStatus.REQUESTED) {
            throw new Conflict("Tin, bài đã có kết quả đăng trên kênh '" + channel + "'.");
        }
        Publication p;
        if (was == PublicationStatus.REQUESTED) {
            // the channel's request is still waiting (an operator's queue, a retry): this resolves it, once; the
            // channel hears ContentPublished and closes its request, its later answer changes nothing here
            p = existing.get();
            p.resolvedOutside(url, publishedAt, by);
        } else {
            existing.ifPresent(publications::remove);
            p = Publication.outside(channel, url, publishedAt, by);
            publications.add(p);
        }
        pending.add(published(p));
        history.add(new Transition(now, by, status, status, "Ghi nhận đã đăng trên " + channel + ": " + url));
        if (status == ContentStatus.APPROVED) {
            boolean allDone = channels.stream().allMatch(c -> publication(c)
                    .map(x -> x.status() == PublicationStatus.SUCCEEDED).orElse(false));
            if (allDone) {
                move(ContentStatus.PUBLISHED, by, now, "Đã đăng trên mọi kênh đã chọn");
            }
        } else {
            settle(now);
        }
        updatedAt = now;
    }

    /**
     * Records a visual or print product (a pano, banners, leaflets…) put up or handed out outside Loa, on the visual
     * channel: like an outside publication, without a URL, with its kind, place, quantity, day and photo. One per
     * item and channel: a waiting request there is resolved by it; a product already recorded is a 409.
     */
    public void recordVisual(String channel, Publication.Visual visual, String by, Instant now) {
        boolean approvedOrOut = status == ContentStatus.APPROVED || status.isOut();
        if (!approvedOrOut) {
            throw new Conflict("Chỉ ghi nhận được sản phẩm trực quan cho tin, bài đã được lãnh đạo duyệt.");
        }
        Optional<Publication> existing = publication(channel);
        PublicationStatus was = existing.map(Publication::status).orElse(null);
        if (was != null && was != PublicationStatus.FAILED && was != PublicationStatus.REQUESTED) {
            throw new Conflict("Tin, bài này đã có sản phẩm trực quan được ghi nhận (" + existing
                    .map(Publication::product).map(ContentKind::label).orElse("kênh " + channel)
                    + "). Mỗi tin, bài ghi nhận một lần; sản phẩm khác hãy ghi nhận trên một tin, bài khác.");
        }
        Publication p;
        if (was == PublicationStatus.REQUESTED) {
            p = existing.get();
            p.resolvedOutside(null, visual.publishedAt(), by);
            p.setVisual(visual);
        } else {
            existing.ifPresent(publications::remove);
            p = Publication.visual(channel, visual, by);
            publications.add(p);
        }
        pending.add(published(p));
        history.add(new Transition(now, by, status, status, "Ghi nhận sản phẩm trực quan: "
                + visual.quantity() + " " + visual.product().label().toLowerCase(java.util.Locale.ROOT) + " tại "
                + visual.place()));
        if (status == ContentStatus.APPROVED) {
            boolean allDone = channels.stream().allMatch(c -> publication(c)
                    .map(x -> x.status() == PublicationStatus.SUCCEEDED).orElse(false));
            if (allDone) {
                move(ContentStatus.PUBLISHED, by, now, "Đã đăng trên mọi kênh đã chọn");
            }
        } else {
            settle(now);
        }
        updatedAt = now;
    }

    /** Takes the item down: {@code ContentRetracted} for every channel it is on; waiting requests are cancelled. */
    public void retract(String by, String reason, Instant now) {
        boolean anyOut = publications.stream().anyMatch(p -> p.status() == PublicationStatus.SUCCEEDED);
        if (!status.isOut() && !(status == ContentStatus.APPROVED && anyOut)) {
            throw new Conflict("Chỉ gỡ được tin, bài đã đăng hoặc đang đăng.");
        }
        for (Publication p : publications) {
            if (p.status() == PublicationStatus.SUCCEEDED) {
                p.retracted(now);
                pending.add(new ContentRetracted(tenantId, id, p.channel(), now, reason));
            } else if (p.status() == PublicationStatus.REQUESTED) {
                p.cancelled();
            }
        }
        scheduledAt = null;
        move(ContentStatus.RETRACTED, by, now, reason);
    }

    /** After an answer: PUBLISHING while a channel has not answered for good, then PUBLISHED or PARTIALLY_PUBLISHED. */
    private void settle(Instant now) {
        if (!status.isOut()) {
            return;
        }
        ContentStatus next;
        if (publications.stream().anyMatch(p -> p.status() == PublicationStatus.REQUESTED)) {
            next = ContentStatus.PUBLISHING;
        } else if (publications.stream().anyMatch(p -> p.status() == PublicationStatus.FAILED)) {
            next = ContentStatus.PARTIALLY_PUBLISHED;
        } else {
            next = ContentStatus.PUBLISHED;
        }
        if (next != status) {
            String why = next == ContentStatus.PARTIALLY_PUBLISHED
                    ? "Đăng thất bại trên: " + String.join(", ", publications.stream()
                            .filter(p -> p.status() == PublicationStatus.FAILED).map(Publication::channel).toList())
                    : next == ContentStatus.PUBLISHED ? "Mọi kênh đã xác nhận" : null;
            move(next, "he-thong", now, why);
        }
    }

    /** A visual product counts as the kind of product put up (what tasks match), with where and how many. */
    private ContentPublished published(Publication p) {
        boolean visual = p.product() != null;
        return new ContentPublished(tenantId, id, visual ? p.product().code() : kind.code(), title,
                themes.stream().distinct().toList(), taskIds.stream().distinct().toList(), unit, p.channel(),
                p.publishedAt(), p.url(), visual ? new VisualProduct(p.place(), p.quantity()) : null);
    }

    private Optional<Publication> current(String channel, String requestId) {
        return publication(channel).filter(p -> requestId != null && requestId.equals(p.requestId()));
    }

    public Optional<Publication> publication(String channel) {
        return publications.stream().filter(p -> p.channel().equals(channel)).findFirst();
    }

    private void remember(String answerId) {
        answered.add(answerId);
        while (answered.size() > ANSWERS_KEPT) {
            answered.removeFirst();
        }
    }

    private void move(ContentStatus to, String by, Instant now, String why) {
        history.add(new Transition(now, by, status, to, why));
        status = to;
        updatedAt = now;
    }

    @Override
    public List<LoaEvent> pendingEvents() {
        return List.copyOf(pending);
    }

    @Override
    public void saved() {
        revision++;
        pending = new ArrayList<>();
    }

    @Override
    public String id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    @Override
    public long revision() {
        return revision;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String body() {
        return body;
    }

    public ContentKind kind() {
        return kind;
    }

    public List<String> themes() {
        return List.copyOf(themes);
    }

    public List<String> taskIds() {
        return List.copyOf(taskIds);
    }

    public List<String> channels() {
        return List.copyOf(channels);
    }

    public String unit() {
        return unit;
    }

    public String author() {
        return author;
    }

    public ContentStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public List<Publication> publications() {
        return List.copyOf(publications);
    }

    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    public Optional<Attachment> attachment(String attachmentId) {
        return attachments.stream().filter(a -> a.id().equals(attachmentId)).findFirst();
    }

    public List<Transition> history() {
        return List.copyOf(history);
    }
}
