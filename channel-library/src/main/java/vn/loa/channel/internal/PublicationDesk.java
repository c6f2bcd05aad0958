package vn.loa.channel.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import vn.loa.channel.Channel;
import vn.loa.channel.ChannelUnavailable;
import vn.loa.channel.Outcome;
import vn.loa.channel.PublicationPending;
import vn.loa.channel.PublicationRefused;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.platform.outbox.Outbox;

/**
 * Handles one {@link PublicationRequested}: at most one {@link Channel#publish} per request id, and exactly one
 * result event ({@code PublicationSucceeded} or {@code PublicationFailed}) written in the same single-document
 * update that closes the idempotency record, so the result and "done" are saved together or not at all.
 */
public class PublicationDesk {

    private static final Logger log = LoggerFactory.getLogger(PublicationDesk.class);

    private final Channels channels;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    PublicationDesk(Channels channels, Ledger ledger, Outbox outbox, Clock clock, MeterRegistry meters) {
        this.channels = channels;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    public void handle(PublicationRequested request) {
        Channel channel = channels.get(request.channel()).orElseThrow(() -> new UnreadableEvent(
                "request for channel '" + request.channel() + "' reached a service that does not run it"));
        if (request.requestId() == null || request.requestId().isBlank() || request.itemId() == null) {
            throw new UnreadableEvent("request without requestId or itemId");
        }
        String id = channel.info().id();
        Document fields = new Document("tenantId", request.tenantId()).append("itemId", request.itemId())
                .append("channel", id).append("kind", request.kind());
        Ledger.Claim claim = ledger.claim(request.requestId(), fields);
        String token;
        switch (claim) {
            case Ledger.Claim.Done done -> {
                counter("loa.channel.duplicates", id, null).increment();
                log.info("Request {} ({}) already {}: not published again", request.requestId(), id,
                        done.record().getString(Ledger.STATE));
                return;
            }
            case Ledger.Claim.Fresh fresh -> token = fresh.token();
            case Ledger.Claim.TakenOver taken -> {
                token = taken.token();
                if (!channel.repeatable()) {
                    log.warn("Request {} ({}) was in progress on an instance that stopped; result unknown",
                            request.requestId(), id);
                    fail(request, id, token, "Lần đăng trước bị gián đoạn (dịch vụ kênh dừng giữa chừng) nên không"
                            + " rõ bài đã lên kênh hay chưa. Hãy kiểm tra trên kênh trước khi thử lại.", true);
                    return;
                }
                log.warn("Request {} ({}) taken over after a crash: the channel publishes it again (repeatable)",
                        request.requestId(), id);
            }
        }
        if (!channel.info().accepts(request.kind())) {
            fail(request, id, token, "Kênh «" + channel.info().displayName() + "» không nhận loại nội dung «"
                    + request.kind() + "».", false);
            return;
        }
        Outcome outcome;
        try {
            outcome = channel.publish(request);
        } catch (PublicationRefused e) {
            fail(request, id, token, reason(e, "Kênh từ chối đăng bài này."), false);
            return;
        } catch (ChannelUnavailable e) {
            fail(request, id, token, reason(e, "Kênh tạm thời không đăng được; hãy thử lại sau."), true);
            return;
        } catch (PublicationPending e) {
            park(request, id, token, e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("Channel {} failed on request {}", id, request.requestId(), e);
            fail(request, id, token, "Kênh «" + channel.info().displayName() + "» gặp lỗi khi đăng bài; hãy thử lại"
                    + " sau. (" + e.getClass().getSimpleName() + ")", true);
            return;
        }
        if (outcome == null) {
            fail(request, id, token, "Kênh «" + channel.info().displayName() + "» không trả về kết quả đăng.", true);
            return;
        }
        Instant at = outcome.publishedAt() != null ? outcome.publishedAt() : clock.instant();
        PublicationSucceeded succeeded = new PublicationSucceeded(request.tenantId(), request.requestId(),
                request.itemId(), id, outcome.url(), at, outcome.externalId(), outcome.files());
        Update update = new Update().set(Ledger.STATE, "SUCCEEDED").set("url", outcome.url())
                .set("publishedAt", Date.from(at)).set("externalId", outcome.externalId());
        finish(request, id, token, update, succeeded, "succeeded");
    }

    /**
     * Accepted, answered later through {@link vn.loa.channel.PendingPublications}: the record leaves IN_PROGRESS
     * (so a redelivery finds it done and the lease no longer matters) with no event in its outbox.
     */
    private void park(PublicationRequested request, String channel, String token, String note) {
        Update update = new Update().set(Ledger.STATE, PendingDesk.PENDING).set("note", note)
                .set("pendingSince", Date.from(clock.instant()));
        if (ledger.finish(request.requestId(), token, update)) {
            counter("loa.channel.publications", channel, "pending").increment();
            log.info("Request {} ({}) accepted, waiting to be completed: {}", request.requestId(), channel, note);
        } else {
            log.warn("Request {} ({}): the claim was taken over; this instance's pending mark is dropped",
                    request.requestId(), channel);
        }
    }

    private void fail(PublicationRequested request, String channel, String token, String reason, boolean retryable) {
        PublicationFailed failed = new PublicationFailed(request.tenantId(), request.requestId(), request.itemId(),
                channel, reason, retryable, clock.instant());
        Update update = new Update().set(Ledger.STATE, "FAILED").set("reason", reason).set("retryable", retryable);
        finish(request, channel, token, update, failed, "failed");
    }

    private void finish(PublicationRequested request, String channel, String token, Update update, LoaEvent event,
            String outcome) {
        if (ledger.finish(request.requestId(), token, outbox.append(update, List.of(event)))) {
            outbox.flush(ledger.collection(), request.requestId());
            counter("loa.channel.publications", channel, outcome).increment();
        } else {
            // our lease ran out and another instance took the request over: it reports the result
            log.warn("Request {} ({}): the claim was taken over; this instance's result ({}) is dropped",
                    request.requestId(), channel, outcome);
        }
    }

    private Counter counter(String name, String channel, String outcome) {
        Counter.Builder b = Counter.builder(name).tag("channel", channel);
        if (outcome != null) {
            b.tag("outcome", outcome);
        }
        return b.register(meters);
    }

    private static String reason(RuntimeException e, String fallback) {
        return e.getMessage() == null || e.getMessage().isBlank() ? fallback : e.getMessage();
    }
}
