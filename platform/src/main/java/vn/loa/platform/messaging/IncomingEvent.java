package vn.loa.platform.messaging;

import java.time.Instant;
import org.springframework.messaging.Message;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventEnvelope;

/**
 * The CloudEvents attributes of an event a consumer binding received as {@code Message<E>} (decoded by
 * {@link LoaEventConverter}), read from the headers the relay wrote the way {@link EventEnvelope} reads them: a
 * missing or malformed one is an {@link vn.loa.contracts.UnreadableEvent}.
 */
public final class IncomingEvent {

    private IncomingEvent() {
    }

    /** The CloudEvents id: the idempotency key. */
    public static String id(Message<?> message) {
        return EventEnvelope.required(message.getHeaders(), CloudEventHeaders.ID);
    }

    /** When the producing service wrote the event ({@code ce_time}). */
    public static Instant time(Message<?> message) {
        return EventEnvelope.time(message.getHeaders());
    }

    /** The CloudEvents type ({@code vn.loa.plan.PlanIssued.v1}…). */
    public static String type(Message<?> message) {
        return EventEnvelope.required(message.getHeaders(), CloudEventHeaders.TYPE);
    }
}
