package vn.loa.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.contracts.content.ContentEvent;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanEvent;

/** A CloudEvent from Kafka read as the kind of event a binding declares. */
class LoaEventConverterTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final PlanClosed CLOSED = new PlanClosed("10804", "plan-1", 3,
            Instant.parse("2025-12-31T10:00:00Z"), "leader");

    private final LoaEventConverter converter = new LoaEventConverter(CODEC);

    private static Message<byte[]> onTheWire(LoaEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, "plan-service", Instant.parse("2025-12-31T10:00:01Z"),
                CODEC);
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(envelope.data());
        // as the Kafka binder hands headers over: raw bytes
        envelope.headers().forEach((name, value) -> message.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        return message.build();
    }

    @Test
    void anEventIsReadAsTheKindTheBindingDeclaresOrAsAnyEvent() {
        Message<byte[]> message = onTheWire(CLOSED);

        assertThat(converter.fromMessage(message, PlanEvent.class, PlanEvent.class)).isEqualTo(CLOSED);
        assertThat(converter.fromMessage(message, LoaEvent.class)).isEqualTo(CLOSED);
        assertThat(IncomingEvent.time(message)).isEqualTo(Instant.parse("2025-12-31T10:00:01Z"));
        assertThat(IncomingEvent.type(message)).isEqualTo("vn.loa.plan.PlanClosed.v1");
        assertThat(IncomingEvent.id(message)).isEqualTo(
                new String((byte[]) message.getHeaders().get(CloudEventHeaders.ID), StandardCharsets.UTF_8))
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void anEventOfAnotherKindIsUnreadableForThisBindingAndSaysWhy() {
        assertThatThrownBy(() -> converter.fromMessage(onTheWire(CLOSED), ContentEvent.class))
                .isInstanceOf(UnreadableEvent.class)
                .hasMessage("PlanClosed is not a ContentEvent, the only kind this binding reads");
    }

    @Test
    void aMessageWithoutItsCloudEventsHeadersOrWithBrokenDataIsUnreadable() {
        Message<byte[]> bare = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> converter.fromMessage(bare, PlanEvent.class))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("ce_specversion");

        Message<byte[]> broken = MessageBuilder.withPayload("{not json".getBytes(StandardCharsets.UTF_8))
                .copyHeaders(onTheWire(CLOSED).getHeaders()).build();
        assertThatThrownBy(() -> converter.fromMessage(broken, PlanEvent.class))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("cannot be read");

        Message<byte[]> noId = MessageBuilder.fromMessage(onTheWire(CLOSED)).removeHeader(CloudEventHeaders.ID)
                .build();
        assertThatThrownBy(() -> IncomingEvent.id(noId)).isInstanceOf(UnreadableEvent.class)
                .hasMessage("missing header ce_id");
    }

    @Test
    void whatIsNotAnEventIsLeftToTheOtherConverters() {
        Message<byte[]> message = onTheWire(CLOSED);
        assertThat(converter.fromMessage(message, String.class)).isNull();
        assertThat(converter.fromMessage(MessageBuilder.withPayload(CLOSED).build(), PlanEvent.class)).isNull();
        assertThat(converter.toMessage(CLOSED, message.getHeaders())).isNull();
    }
}
