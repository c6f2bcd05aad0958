package vn.loa.channel.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import vn.loa.channel.Channel;
import vn.loa.contracts.content.ContentRetracted;

/**
 * Takes an item down when content-service retracts it from one of this app's channels. Keyed by the event's
 * CloudEvents id and the channel: a redelivered event does not call {@link Channel#retract} again (which is
 * idempotent anyway, so a take-over after a crash simply calls it again).
 */
public class RetractionDesk {

    private static final Logger log = LoggerFactory.getLogger(RetractionDesk.class);

    private final Channels channels;
    private final Ledger ledger;
    private final MeterRegistry meters;

    RetractionDesk(Channels channels, Ledger ledger, MeterRegistry meters) {
        this.channels = channels;
        this.ledger = ledger;
        this.meters = meters;
    }

    public void handle(String eventId, ContentRetracted retracted) {
        if (retracted.channel() == null) {
            return; // an activity record withdrawn: no channel involved
        }
        Channel channel = channels.get(retracted.channel()).orElse(null);
        if (channel == null) {
            return; // another channel's retraction
        }
        String key = eventId + ":" + retracted.channel();
        Ledger.Claim claim = ledger.claim(key, new Document("tenantId", retracted.tenantId())
                .append("itemId", retracted.itemId()).append("channel", retracted.channel()));
        String token = switch (claim) {
            case Ledger.Claim.Done done -> null;
            case Ledger.Claim.Fresh fresh -> fresh.token();
            case Ledger.Claim.TakenOver taken -> taken.token();
        };
        if (token == null) {
            return;
        }
        channel.retract(retracted.tenantId(), retracted.itemId());
        ledger.finish(key, token, new Update().set(Ledger.STATE, "DONE"));
        meters.counter("loa.channel.retractions", "channel", retracted.channel()).increment();
        log.info("Item {} of tenant {} retracted from {}", retracted.itemId(), retracted.tenantId(),
                retracted.channel());
    }
}
