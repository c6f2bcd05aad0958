package vn.loa.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for event data. Instants and dates are ISO-8601 strings, {@code YearMonth} is {@code "2025-08"}. Unknown
 * fields are ignored on reading, so adding a field is a compatible change (it stays {@code .v1}).
 */
public final class EventCodec {

    private final JsonMapper json;

    public EventCodec() {
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public byte[] encode(LoaEvent event) {
        return json.writeValueAsBytes(event);
    }

    /** Decodes the data of an envelope into its event record. */
    public LoaEvent decode(EventEnvelope envelope) {
        EventType type = EventType.ofType(envelope.type())
                .orElseThrow(() -> new UnreadableEvent("unknown event type " + envelope.type()));
        try {
            LoaEvent event = json.readValue(envelope.data(), type.javaType());
            if (!envelope.tenantId().equals(event.tenantId())) {
                throw new UnreadableEvent("ce_tenantid " + envelope.tenantId() + " differs from the data's tenant "
                        + event.tenantId());
            }
            return event;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEvent("data of " + envelope.type() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
