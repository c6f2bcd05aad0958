package vn.loa.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The current trace context as W3C headers ({@code traceparent}, and {@code tracestate} when there is one), read
 * where an event is appended to an outbox (on the request's thread). The outbox keeps them with the event and the
 * relay sends them as Kafka headers, so the consumer's span — and its log lines — carry the trace id of the request
 * that produced the event, although the relay sends later and on its own thread.
 */
public final class TraceHeaders implements Supplier<Map<String, String>> {

    /** No tracing on the classpath or in the context: nothing to carry. */
    public static final Supplier<Map<String, String>> NONE = Map::of;

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceHeaders(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> get() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        headers.keySet().retainAll(W3C);
        return headers;
    }

    /** The headers that carry a trace across Kafka (W3C Trace Context). */
    public static final Set<String> W3C = java.util.Set.of("traceparent", "tracestate");
}
