package vn.loa.platform.messaging;

import org.springframework.messaging.Message;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.UnreadableEvent;

/**
 * A message from Kafka read as a CloudEvent and its Loa event. A consumer binding takes {@code Message<byte[]>} and
 * calls {@link #read}; an {@link UnreadableEvent} is not retried and lands in the binding's dead-letter topic with
 * its reason.
 */
public record IncomingEvent(EventEnvelope envelope, LoaEvent event) {

    public static IncomingEvent read(Message<byte[]> message, EventCodec codec) {
        Object payload = message.getPayload();
        if (!(payload instanceof byte[] data)) {
            throw new UnreadableEvent("payload is not bytes but " + payload.getClass().getName());
        }
        EventEnvelope envelope = EventEnvelope.fromHeaders(message.getHeaders(), data);
        return new IncomingEvent(envelope, codec.decode(envelope));
    }

    /** The CloudEvents id: the idempotency key. */
    public String id() {
        return envelope.id();
    }
}
