package vn.loa.content.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.Forbidden;

/** The editorial workflow as plain Java: who may do what, in which state, and which events each step causes. */
class ContentItemTest {

    static final Instant T0 = Instant.parse("2025-09-01T01:00:00Z");
    static final Function<Attachment, String> URLS = a -> "http://content/internal/files/x/" + a.id();
    static final Duration BACKOFF = Duration.ofSeconds(30);

    static ContentItem item(List<String> channels) {
        return ContentItem.create("item-1", "10804", "writer", new ContentDraft("Tiêu đề", "Tóm tắt", "<p>Bài</p>",
                ContentKind.ARTICLE, List.of("CCHC"), List.of("task-1"), channels, "Văn phòng"), T0);
    }

    static ContentItem approved(List<String> channels) {
        ContentItem item = item(channels);
        item.submit("writer", T0);
        item.approve("leader", true, T0);
        item.saved();
        return item;
    }

    static PublicationSucceeded success(String channel, String requestId) {
        return new PublicationSucceeded("10804", requestId, "item-1", channel, "https://p/" + channel,
                T0.plusSeconds(60), "ext-1", List.of());
    }

    static PublicationFailed failure(String channel, String requestId, boolean retryable) {
        return new PublicationFailed("10804", requestId, "item-1", channel, "Máy chủ kênh lỗi", retryable,
                T0.plusSeconds(60));
    }

    @Test
    void theAuthorCannotApproveTheirOwnItemEvenAsALeader() {
        ContentItem item = item(List.of("portal"));
        item.submit("writer", T0);
        assertThatThrownBy(() -> item.approve("writer", true, T0)).isInstanceOf(Forbidden.class)
                .hasMessageContaining("không được tự duyệt");
        assertThat(item.status()).isEqualTo(ContentStatus.SUBMITTED);
        // the refused approval added nothing to what the submission queued
        assertThat(item.pendingEvents()).singleElement().isInstanceOf(ContentSubmitted.class);
    }

    @Test
    void anEditorWhoIsNotALeaderCannotApprove() {
        ContentItem item = item(List.of("portal"));
        item.submit("writer", T0);
        assertThatThrownBy(() -> item.approve("editor-2", false, T0)).isInstanceOf(Forbidden.class);
        assertThat(item.status()).isEqualTo(ContentStatus.SUBMITTED);
    }

    @Test
    void aLeaderApprovesASubmittedItemAndContentApprovedIsQueued() {
        ContentItem item = item(List.of("portal"));
        assertThatThrownBy(() -> item.approve("leader", true, T0)).isInstanceOf(Conflict.class);
        item.submit("writer", T0);
        item.saved();
        item.approve("leader", true, T0.plusSeconds(5));
        assertThat(item.status()).isEqualTo(ContentStatus.APPROVED);
        assertThat(item.pendingEvents()).containsExactly(
                new ContentApproved("10804", "item-1", "article", "Tiêu đề", "leader", T0.plusSeconds(5)));
        assertThat(item.history()).extracting(Transition::to)
                .containsExactly(ContentStatus.DRAFT, ContentStatus.SUBMITTED, ContentStatus.APPROVED);
        assertThat(item.history().get(2).by()).isEqualTo("leader");
    }

    @Test
    void submittingQueuesContentSubmittedWithTheAuthorAndTheTimeTheWaitStarts() {
        ContentItem item = item(List.of("portal"));
        item.saved();
        item.submit("editor-2", T0.plusSeconds(30));

        assertThat(item.pendingEvents()).containsExactly(
                new ContentSubmitted("10804", "item-1", "Tiêu đề", "writer", T0.plusSeconds(30)));
        item.saved();
        assertThatThrownBy(() -> item.submit("writer", T0.plusSeconds(40))).isInstanceOf(Conflict.class);
        assertThat(item.pendingEvents()).isEmpty();
    }

    @Test
    void aRejectionQueuesContentRejectedAndAResubmissionStartsANewWait() {
        ContentItem item = item(List.of("portal"));
        item.submit("writer", T0);
        item.saved();
        assertThatThrownBy(() -> item.reject("leader", true, " ", T0)).isInstanceOf(InvalidInput.class);
        assertThat(item.pendingEvents()).isEmpty();

        item.reject("leader", true, "  Thiếu ảnh minh họa ", T0.plusSeconds(60));
        assertThat(item.pendingEvents()).containsExactly(
                new ContentRejected("10804", "item-1", "Thiếu ảnh minh họa", T0.plusSeconds(60)));
        item.saved();
        // editing a returned item makes it a draft: it does not wait for approval, nothing is emitted
        item.edit(new ContentDraft("Tiêu đề mới", null, "", ContentKind.NEWS, List.of(), List.of(),
                List.of("portal"), null), "writer", T0.plusSeconds(120));
        assertThat(item.pendingEvents()).isEmpty();
        item.submit("writer", T0.plusSeconds(180));
        assertThat(item.pendingEvents()).containsExactly(
                new ContentSubmitted("10804", "item-1", "Tiêu đề mới", "writer", T0.plusSeconds(180)));
    }

    @Test
    void anApprovedItemReturnedBeforePublishingQueuesContentRejected() {
        ContentItem item = approved(List.of("portal"));
        item.reject("leader", true, "Chưa đúng thời điểm", T0.plusSeconds(60));
        assertThat(item.pendingEvents()).containsExactly(
                new ContentRejected("10804", "item-1", "Chưa đúng thời điểm", T0.plusSeconds(60)));
    }

    @Test
    void editingASubmittedItemKeepsItsWaitAndEmitsNothing() {
        ContentItem item = item(List.of("portal"));
        item.submit("writer", T0);
        item.saved();
        item.edit(new ContentDraft("Tiêu đề sửa", null, "", ContentKind.NEWS, List.of(), List.of(),
                List.of("portal"), null), "writer", T0.plusSeconds(60));
        assertThat(item.status()).isEqualTo(ContentStatus.SUBMITTED);
        assertThat(item.pendingEvents()).isEmpty();
    }

    @Test
    void aRejectionNeedsAReasonAndSendsTheItemBackToTheWriter() {
        ContentItem item = item(List.of("portal"));
        item.submit("writer", T0);
        assertThatThrownBy(() -> item.reject("leader", true, "  ", T0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> item.reject("writer", false, "Sai", T0)).isInstanceOf(Forbidden.class);
        item.reject("leader", true, "Thiếu ảnh minh họa", T0);
        assertThat(item.status()).isEqualTo(ContentStatus.REJECTED);
        assertThat(item.rejectionReason()).isEqualTo("Thiếu ảnh minh họa");
        assertThat(item.history().getLast().why()).isEqualTo("Thiếu ảnh minh họa");
        item.edit(new ContentDraft("Tiêu đề mới", null, "", ContentKind.NEWS, List.of(), List.of(),
                List.of("portal"), null), "writer", T0);
        assertThat(item.status()).isEqualTo(ContentStatus.DRAFT);
        item.submit("writer", T0);
        assertThat(item.status()).isEqualTo(ContentStatus.SUBMITTED);
    }

    @Test
    void editingAnApprovedItemSendsItBackForApproval() {
        ContentItem item = approved(List.of("portal"));
        item.schedule(T0.plusSeconds(3600), "writer", T0, "01/09/2025 09:00");
        item.edit(new ContentDraft("Tiêu đề đã sửa", null, "<p>x</p>", ContentKind.ARTICLE, List.of(), List.of(),
                List.of("portal"), null), "writer", T0);
        assertThat(item.status()).isEqualTo(ContentStatus.SUBMITTED);
        assertThat(item.approvedBy()).isNull();
        assertThat(item.scheduledAt()).isNull();
        assertThat(item.history().getLast().from()).isEqualTo(ContentStatus.APPROVED);
        // it waits for approval again, from the edit, under its new title
        assertThat(item.pendingEvents()).containsExactly(
                new ContentSubmitted("10804", "item-1", "Tiêu đề đã sửa", "writer", T0));
        assertThatThrownBy(() -> item.publish("writer", T0, URLS)).isInstanceOf(Conflict.class);
    }

    @Test
    void anAttachmentOnAnApprovedItemSendsItBackForApprovalWithContentSubmitted() {
        ContentItem item = approved(List.of("portal"));
        item.attach(new Attachment("att-1", "anh.jpg", "image/jpeg", 1000, null, null), "writer",
                T0.plusSeconds(90));
        assertThat(item.status()).isEqualTo(ContentStatus.SUBMITTED);
        assertThat(item.pendingEvents()).containsExactly(
                new ContentSubmitted("10804", "item-1", "Tiêu đề", "writer", T0.plusSeconds(90)));
    }

    @Test
    void publishingSendsOneRequestPerChannelAndPublishingAgainChangesNothing() {
        ContentItem item = approved(List.of("portal", "radio"));
        assertThat(item.publish("editor", T0, URLS)).isTrue();
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHING);
        assertThat(item.pendingEvents()).hasSize(2).allMatch(e -> e instanceof PublicationRequested);
        assertThat(item.pendingEvents()).extracting(e -> ((PublicationRequested) e).requestId())
                .containsExactly("item-1:portal:1", "item-1:radio:1");
        item.saved();
        assertThat(item.publish("editor", T0, URLS)).isFalse();
        assertThat(item.pendingEvents()).isEmpty();
        assertThatThrownBy(() -> item.edit(new ContentDraft("x", null, "", ContentKind.NEWS, List.of(), List.of(),
                List.of(), null), "editor", T0)).isInstanceOf(Conflict.class);
    }

    @Test
    void everyChannelConfirmedMakesItPublishedWithOneContentPublishedPerChannelEvenWhenAnswersRepeat() {
        ContentItem item = approved(List.of("portal", "radio"));
        item.publish("editor", T0, URLS);
        item.saved();
        assertThat(item.succeeded(success("portal", "item-1:portal:1"), "ce-1", T0)).isTrue();
        assertThat(item.succeeded(success("portal", "item-1:portal:1"), "ce-1", T0)).isFalse();
        assertThat(item.succeeded(success("portal", "item-1:portal:1"), "ce-1-resent", T0)).isFalse();
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHING);
        assertThat(item.succeeded(success("radio", "item-1:radio:0"), "ce-stale", T0)).isFalse();
        assertThat(item.succeeded(success("radio", "item-1:radio:1"), "ce-2", T0)).isTrue();
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHED);
        List<ContentPublished> published = item.pendingEvents().stream()
                .filter(e -> e instanceof ContentPublished).map(e -> (ContentPublished) e).toList();
        assertThat(published).extracting(ContentPublished::channel).containsExactly("portal", "radio");
        assertThat(published.getFirst().kind()).isEqualTo("article");
        assertThat(published.getFirst().taskIds()).containsExactly("task-1");
        assertThat(item.publication("portal").orElseThrow().url()).isEqualTo("https://p/portal");
    }

    @Test
    void aPermanentFailureGivesPartiallyPublishedAndARetryIsANewAttempt() {
        ContentItem item = approved(List.of("portal", "radio"));
        item.publish("editor", T0, URLS);
        item.succeeded(success("portal", "item-1:portal:1"), "ce-1", T0);
        item.failed(failure("radio", "item-1:radio:1", false), "ce-2", T0, 3, BACKOFF);
        assertThat(item.status()).isEqualTo(ContentStatus.PARTIALLY_PUBLISHED);
        assertThat(item.publication("radio").orElseThrow().status()).isEqualTo(PublicationStatus.FAILED);
        assertThat(item.publication("radio").orElseThrow().reason()).isEqualTo("Máy chủ kênh lỗi");
        item.saved();
        item.retry("radio", "editor", T0, URLS);
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHING);
        assertThat(item.pendingEvents()).singleElement()
                .extracting(e -> ((PublicationRequested) e).requestId()).isEqualTo("item-1:radio:2");
        assertThatThrownBy(() -> item.retry("portal", "editor", T0, URLS)).isInstanceOf(Conflict.class);
        item.succeeded(success("radio", "item-1:radio:2"), "ce-3", T0);
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHED);
    }

    @Test
    void retryableFailuresAreSentAgainAsNewAttemptsAfterABackOffThenGiveUp() {
        ContentItem item = approved(List.of("radio"));
        item.publish("editor", T0, URLS);
        item.saved();
        item.failed(failure("radio", "item-1:radio:1", true), "f1", T0, 3, BACKOFF);
        Publication p = item.publication("radio").orElseThrow();
        assertThat(p.status()).isEqualTo(PublicationStatus.REQUESTED);
        assertThat(p.nextTryAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHING);
        assertThat(item.resendDue(T0.plusSeconds(29), URLS)).isFalse();
        assertThat(item.resendDue(T0.plusSeconds(30), URLS)).isTrue();
        assertThat(item.pendingEvents()).singleElement()
                .extracting(e -> ((PublicationRequested) e).requestId()).isEqualTo("item-1:radio:2");
        // the first attempt's failure again (another ce_id) is stale now
        assertThat(item.failed(failure("radio", "item-1:radio:1", true), "f1-again", T0, 3, BACKOFF)).isFalse();
        item.failed(failure("radio", "item-1:radio:2", true), "f2", T0.plusSeconds(31), 3, BACKOFF);
        assertThat(item.publication("radio").orElseThrow().nextTryAt()).isEqualTo(T0.plusSeconds(91));
        item.resendDue(T0.plusSeconds(91), URLS);
        item.failed(failure("radio", "item-1:radio:3", true), "f3", T0.plusSeconds(92), 3, BACKOFF);
        assertThat(item.publication("radio").orElseThrow().status()).isEqualTo(PublicationStatus.FAILED);
        assertThat(item.publication("radio").orElseThrow().reason()).contains("đã thử 3 lần");
        assertThat(item.status()).isEqualTo(ContentStatus.PARTIALLY_PUBLISHED);
    }

    @Test
    void retractingTakesTheItemDownFromEveryChannelItIsOn() {
        ContentItem item = approved(List.of("portal", "radio"));
        item.publish("editor", T0, URLS);
        item.succeeded(success("portal", "item-1:portal:1"), "ce-1", T0);
        item.saved();
        item.retract("leader", "Thông tin chưa chính xác", T0);
        assertThat(item.status()).isEqualTo(ContentStatus.RETRACTED);
        assertThat(item.pendingEvents()).containsExactly(
                new ContentRetracted("10804", "item-1", "portal", T0, "Thông tin chưa chính xác"));
        item.saved();
        // the radio answers late: taken down at once, never announced as published
        assertThat(item.succeeded(success("radio", "item-1:radio:1"), "ce-2", T0)).isTrue();
        assertThat(item.pendingEvents()).singleElement().isInstanceOf(ContentRetracted.class);
        assertThat(item.status()).isEqualTo(ContentStatus.RETRACTED);
    }

    @Test
    void anOutsidePublicationOfAnApprovedItemCountsLikeAnyOther() {
        ContentItem item = approved(List.of());
        item.recordOutside("press", "https://baohaiphong.vn/bai-1", T0, "editor", T0);
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(item.pendingEvents()).singleElement().isInstanceOfSatisfying(ContentPublished.class, e -> {
            assertThat(e.channel()).isEqualTo("press");
            assertThat(e.url()).isEqualTo("https://baohaiphong.vn/bai-1");
        });
        assertThatThrownBy(() -> item.recordOutside("press", "https://x.vn", T0, "editor", T0))
                .isInstanceOf(Conflict.class);
        ContentItem draft = item(List.of());
        assertThatThrownBy(() -> draft.recordOutside("press", "https://x.vn", T0, "editor", T0))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aVisualProductCountsAsTheProductsKindWithoutAUrlAndOnlyOncePerItem() {
        ContentItem item = approved(List.of("portal", "truc-quan"));
        item.publish("editor", T0, URLS);
        item.saved();
        String waiting = item.publication("truc-quan").orElseThrow().requestId();
        Attachment photo = new Attachment("p1", "pano.jpg", "image/jpeg", 11, null, "truc-quan");
        Instant day = Instant.parse("2025-10-14T17:00:00Z");
        item.recordVisual("truc-quan", new Publication.Visual(ContentKind.BANNER, "Trụ sở UBND xã", 2, day, photo),
                "editor", T0.plusSeconds(30));

        Publication p = item.publication("truc-quan").orElseThrow();
        assertThat(p.status()).isEqualTo(PublicationStatus.SUCCEEDED);
        assertThat(p.requestId()).as("the waiting request is resolved, not replaced").isEqualTo(waiting);
        assertThat(p.url()).isNull();
        assertThat(p.photo()).isEqualTo(photo);
        assertThat(item.attachments()).as("the evidence is not one of the item's files").isEmpty();
        assertThat(item.status()).as("the portal still has to answer").isEqualTo(ContentStatus.PUBLISHING);
        assertThat(item.pendingEvents()).singleElement().isInstanceOfSatisfying(ContentPublished.class, e -> {
            assertThat(e.kind()).as("an article's pano counts as a pano").isEqualTo("banner");
            assertThat(e.channel()).isEqualTo("truc-quan");
            assertThat(e.url()).isNull();
            assertThat(e.publishedAt()).isEqualTo(day);
            assertThat(e.visual()).isEqualTo(new vn.loa.contracts.content.VisualProduct("Trụ sở UBND xã", 2));
        });
        item.saved();
        assertThatThrownBy(() -> item.recordVisual("truc-quan", new Publication.Visual(ContentKind.LEAFLET, "Thôn",
                100, day, photo), "editor", T0)).isInstanceOf(Conflict.class)
                .hasMessageContaining("đã có sản phẩm trực quan");
        assertThat(item.pendingEvents()).isEmpty();
        ContentItem draft = item(List.of());
        assertThatThrownBy(() -> draft.recordVisual("truc-quan", new Publication.Visual(ContentKind.BANNER, "Xã", 1,
                day, photo), "editor", T0)).isInstanceOf(Conflict.class);
    }

    @Test
    void recordingElsewhereResolvesTheChannelsWaitingRequestOnceAndItsLaterAnswerChangesNothing() {
        ContentItem item = approved(List.of("press", "zalo-oa"));
        item.publish("editor", T0, URLS);
        item.succeeded(success("zalo-oa", "item-1:zalo-oa:1"), "ce-1", T0);
        item.saved();
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHING);
        item.recordOutside("press", "https://baohaiphong.vn/bai-1", T0.plusSeconds(30), "editor", T0.plusSeconds(90));
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHED);
        Publication press = item.publication("press").orElseThrow();
        assertThat(press.status()).isEqualTo(PublicationStatus.SUCCEEDED);
        assertThat(press.requestId()).isEqualTo("item-1:press:1");
        assertThat(press.outside()).isTrue();
        assertThat(press.recordedBy()).isEqualTo("editor");
        assertThat(press.url()).isEqualTo("https://baohaiphong.vn/bai-1");
        assertThat(press.publishedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(item.pendingEvents()).singleElement().isInstanceOfSatisfying(ContentPublished.class, e -> {
            assertThat(e.channel()).isEqualTo("press");
            assertThat(e.url()).isEqualTo("https://baohaiphong.vn/bai-1");
            assertThat(e.publishedAt()).isEqualTo(T0.plusSeconds(30));
        });
        item.saved();
        // the manual channel closes its request when it hears ContentPublished: its answer is a duplicate here
        assertThat(item.succeeded(success("press", "item-1:press:1"), "ce-2", T0)).isFalse();
        assertThat(item.failed(failure("press", "item-1:press:1", false), "ce-3", T0, 3, BACKOFF)).isFalse();
        assertThat(item.pendingEvents()).isEmpty();
        assertThat(item.publication("press").orElseThrow().url()).isEqualTo("https://baohaiphong.vn/bai-1");
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHED);
        // recording it a second time is refused: it is published on that channel now
        assertThatThrownBy(() -> item.recordOutside("press", "https://x.vn/a", T0, "editor", T0))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void recordingElsewhereAlsoResolvesARequestWaitingToBeSentAgain() {
        ContentItem item = approved(List.of("radio"));
        item.publish("editor", T0, URLS);
        item.failed(failure("radio", "item-1:radio:1", true), "f1", T0, 3, BACKOFF);
        item.saved();
        item.recordOutside("radio", "https://radio.vn/ban-tin", T0, "editor", T0.plusSeconds(5));
        assertThat(item.status()).isEqualTo(ContentStatus.PUBLISHED);
        assertThat(item.publication("radio").orElseThrow().nextTryAt()).isNull();
        item.saved();
        assertThat(item.resendDue(T0.plusSeconds(3600), URLS)).isFalse();
        assertThat(item.pendingEvents()).isEmpty();
    }
}
