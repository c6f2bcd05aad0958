package vn.loa.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.data.mongodb.core.query.Update;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.LoaEvent;

/**
 * Adds events to an aggregate's single-document update. A feature builds its {@link Update} (the state change),
 * passes it through {@link #append}, runs it with a filter that checks the expected state, and then calls
 * {@link #flush()} so the relay sends at once rather than at its next poll.
 */
public class Outbox {

    /** The array field on aggregate documents that holds pending events. */
    public static final String FIELD = "outbox";

    /**
     * The path that exists on a document exactly when its outbox holds an event (every entry has its CloudEvents id,
     * {@link OutboxEntry#toDocument}): {@code {outbox.ceId: {$exists: true}}} finds the documents with events waiting
     * through a sparse index on it, which the relay keeps on every outbox collection. ({@code outbox.0} means the
     * same, but an index cannot serve it.)
     */
    public static final String PENDING = FIELD + ".ceId";

    private final String service;
    private final EventCodec codec;
    private final Clock clock;
    private final OutboxRelay relay;
    private final Supplier<Map<String, String>> traceHeaders;

    public Outbox(String service, EventCodec codec, Clock clock, OutboxRelay relay) {
        this(service, codec, clock, relay, Map::of);
    }

    /**
     * @param traceHeaders the current trace context as W3C headers (see
     *                     {@link vn.loa.platform.observability.TraceHeaders}), kept with each event
     */
    public Outbox(String service, EventCodec codec, Clock clock, OutboxRelay relay,
            Supplier<Map<String, String>> traceHeaders) {
        this.service = service;
        this.codec = codec;
        this.clock = clock;
        this.relay = relay;
        this.traceHeaders = traceHeaders;
    }

    public List<OutboxEntry> entries(List<? extends LoaEvent> events) {
        var now = clock.instant();
        Map<String, String> trace = events.isEmpty() ? Map.of() : traceHeaders.get();
        return events.stream().map(e -> OutboxEntry.of(e, service, now, codec, trace)).toList();
    }

    /** The update with the events pushed onto the document's outbox, in order. */
    public Update append(Update update, List<? extends LoaEvent> events) {
        if (!events.isEmpty()) {
            update.push(FIELD).each(entries(events).stream().map(OutboxEntry::toDocument).toArray());
        }
        return update;
    }

    /** Asks the relay to look through every outbox now. */
    public void flush() {
        relay.wakeUp();
    }

    /** Asks the relay to send now what the write just left on one document (found by its {@code _id}). */
    public void flush(String collection, Object id) {
        relay.wakeUp(collection, id);
    }
}
