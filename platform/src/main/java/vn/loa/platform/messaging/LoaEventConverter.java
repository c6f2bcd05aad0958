package vn.loa.platform.messaging;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.SmartMessageConverter;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.UnreadableEvent;

/**
 * The one place where an event from Kafka is decoded: a CloudEvent in binary mode ({@code ce_*} headers, JSON data)
 * becomes the contracts' event that a consumer binding declares — {@code Consumer<Message<PlanEvent>>},
 * {@code Consumer<Message<ContentEvent>>}, {@code Consumer<Message<LoaEvent>>} for a binding that reads every kind.
 *
 * <p>An event that cannot be read, or that is not of the declared kind (a message on the wrong topic), throws
 * {@link UnreadableEvent}: it is not tried again and lands in the binding's dead letters with its reason
 * ({@link ConsumerRetry}).
 *
 * <p>Bindings declare {@code Message<E>}, not a bare {@code E}: Spring Cloud Function lets a converter's exception
 * through to the binder only for a parameterised input; for a bare type it logs the failure, tries the next converter
 * and would hand the consumer {@code null}. The message also carries the CloudEvents attributes
 * ({@link IncomingEvent#id}, {@link IncomingEvent#time}).
 */
public final class LoaEventConverter implements SmartMessageConverter {

    private final EventCodec codec;

    public LoaEventConverter(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public Object fromMessage(Message<?> message, Class<?> targetClass) {
        if (!LoaEvent.class.isAssignableFrom(targetClass) || !(message.getPayload() instanceof byte[] data)) {
            return null; // not ours: the other converters decide
        }
        LoaEvent event = codec.decode(EventEnvelope.fromHeaders(message.getHeaders(), data));
        if (!targetClass.isInstance(event)) {
            throw new UnreadableEvent(event.getClass().getSimpleName() + " is not a " + targetClass.getSimpleName()
                    + ", the only kind this binding reads");
        }
        return event;
    }

    @Override
    public Object fromMessage(Message<?> message, Class<?> targetClass, Object conversionHint) {
        return fromMessage(message, targetClass);
    }

    /** Events leave through the outbox, never through a binding's output: nothing to write. */
    @Override
    public Message<?> toMessage(Object payload, MessageHeaders headers) {
        return null;
    }

    @Override
    public Message<?> toMessage(Object payload, MessageHeaders headers, Object conversionHint) {
        return null;
    }
}
