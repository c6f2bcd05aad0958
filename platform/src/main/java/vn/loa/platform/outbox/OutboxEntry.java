package vn.loa.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.EventType;
import vn.loa.contracts.LoaEvent;

/**
 * An event waiting to leave, stored in the {@code outbox} array of the aggregate document that produced it, in the
 * same single-document write as the change itself — so the change and its event are saved together or not at
 * all (MongoDB has no multi-document atomicity we may rely on). {@link OutboxRelay} sends and removes it.
 *
 * @param id    the CloudEvents id (UUID), also every consumer's idempotency key
 * @param topic the Kafka topic
 * @param key   the Kafka record key (the aggregate id, see docs/events.md)
 * @param data  the event's JSON
 * @param trace the W3C trace headers ({@code traceparent}, {@code tracestate}) of the request that produced the
 *              event, sent with it so the trace crosses Kafka; empty when there was none
 */
public record OutboxEntry(
        String id, String topic, String key, String source, String type, Instant time, String subject,
        String tenantId, String data, Map<String, String> trace) {

    public OutboxEntry {
        trace = trace == null ? Map.of() : Map.copyOf(trace);
    }

    public static OutboxEntry of(LoaEvent event, String service, Instant now, EventCodec codec) {
        return of(event, service, now, codec, Map.of());
    }

    public static OutboxEntry of(LoaEvent event, String service, Instant now, EventCodec codec,
            Map<String, String> trace) {
        EventEnvelope envelope = EventEnvelope.wrap(event, service, now, codec);
        return new OutboxEntry(envelope.id(), EventType.of(event).topicFor(event), event.subject(), envelope.source(),
                envelope.type(), now, envelope.subject(), envelope.tenantId(),
                new String(envelope.data(), StandardCharsets.UTF_8), trace);
    }

    /** The stored form: a plain sub-document, written and read by hand so that no mapping renames a field. */
    public Document toDocument() {
        Document d = new Document("ceId", id).append("topic", topic).append("key", key).append("source", source)
                .append("type", type).append("time", Date.from(time)).append("subject", subject)
                .append("tenantId", tenantId).append("data", data);
        if (!trace.isEmpty()) {
            d.append("trace", new Document(new LinkedHashMap<>(trace)));
        }
        return d;
    }

    public static OutboxEntry fromDocument(Document d) {
        Map<String, String> trace = new LinkedHashMap<>();
        Document stored = d.get("trace", Document.class);
        if (stored != null) {
            stored.forEach((name, value) -> trace.put(name, String.valueOf(value)));
        }
        return new OutboxEntry(d.getString("ceId"), d.getString("topic"), d.getString("key"), d.getString("source"),
                d.getString("type"), d.getDate("time").toInstant(), d.getString("subject"), d.getString("tenantId"),
                d.getString("data"), trace);
    }

    public EventEnvelope envelope() {
        return new EventEnvelope(id, source, type, time, subject, tenantId, data.getBytes(StandardCharsets.UTF_8));
    }
}
