package vn.loa.platform.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.messaging.Message;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.UnreadableEvent;

/**
 * The CloudEvents attributes of an event a consumer binding received as {@code Message<E>} (decoded by
 * {@link LoaEventConverter}); the headers are the ones the relay wrote.
 */
public final class IncomingEvent {

    private IncomingEvent() {
    }

    /** The CloudEvents id: the idempotency key. */
    public static String id(Message<?> message) {
        return required(message, CloudEventHeaders.ID);
    }

    /** When the producing service wrote the event ({@code ce_time}). */
    public static Instant time(Message<?> message) {
        try {
            return Instant.parse(required(message, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new UnreadableEvent("ce_time is not an RFC 3339 instant", e);
        }
    }

    /** The CloudEvents type ({@code vn.loa.plan.issued.v1}…). */
    public static String type(Message<?> message) {
        return required(message, CloudEventHeaders.TYPE);
    }

    private static String required(Message<?> message, String name) {
        String value = EventEnvelope.attribute(message.getHeaders(), name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("missing header " + name);
        }
        return value;
    }
}
