package vn.loa.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One event on the wire: its CloudEvents attributes and its JSON data. {@link #headers()} gives the binary-mode
 * Kafka headers; {@link #fromHeaders} reads them back and refuses an incomplete envelope.
 */
public record EventEnvelope(
        String id, String source, String type, Instant time, String subject, String tenantId, byte[] data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Wraps an event for the given producing service ({@code plan-service}): with a new id, or with its own
     * deterministic id when it is an {@link IdentifiedEvent}.
     */
    public static EventEnvelope wrap(LoaEvent event, String service, Instant time, EventCodec codec) {
        String id = event instanceof IdentifiedEvent identified ? identified.eventId() : UUID.randomUUID().toString();
        return new EventEnvelope(id, "/loa/" + service, EventType.of(event).type(), time,
                event.subject(), event.tenantId(), codec.encode(event));
    }

    /** The Kafka headers of binary content mode, as strings. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        h.put(CloudEventHeaders.ID, id);
        h.put(CloudEventHeaders.SOURCE, source);
        h.put(CloudEventHeaders.TYPE, type);
        h.put(CloudEventHeaders.TIME, time.toString());
        h.put(CloudEventHeaders.SUBJECT, subject);
        h.put(CloudEventHeaders.TENANT_ID, tenantId);
        h.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return h;
    }

    /**
     * Reads an envelope from headers whose values are strings or UTF-8 bytes.
     *
     * @throws UnreadableEvent when a required attribute is missing or malformed
     */
    public static EventEnvelope fromHeaders(Map<String, ?> headers, byte[] data) {
        String spec = text(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(spec)) {
            throw new UnreadableEvent("unsupported or missing ce_specversion: " + spec);
        }
        Instant time = time(headers);
        if (data == null) {
            throw new UnreadableEvent("event without data");
        }
        return new EventEnvelope(required(headers, CloudEventHeaders.ID), required(headers, CloudEventHeaders.SOURCE),
                required(headers, CloudEventHeaders.TYPE), time, required(headers, CloudEventHeaders.SUBJECT),
                required(headers, CloudEventHeaders.TENANT_ID), data);
    }

    /**
     * One attribute from headers whose values are strings or UTF-8 bytes.
     *
     * @throws UnreadableEvent when it is missing or blank
     */
    public static String required(Map<String, ?> headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEvent("missing header " + name);
        }
        return value;
    }

    /**
     * The {@code ce_time} of headers.
     *
     * @throws UnreadableEvent when it is missing or not an RFC 3339 instant
     */
    public static Instant time(Map<String, ?> headers) {
        try {
            return Instant.parse(required(headers, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new UnreadableEvent("ce_time is not an RFC 3339 instant: " + text(headers, CloudEventHeaders.TIME));
        }
    }

    private static String text(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
