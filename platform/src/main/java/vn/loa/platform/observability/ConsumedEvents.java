package vn.loa.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.UnreadableEvent;

/**
 * Counts every delivery of an event to a consumer binding ({@code loa.events.consumed}, tags {@code topic},
 * {@code type} and {@code outcome}: {@code ok}, {@code failed} — the handler threw and the binder retries or
 * dead-letters — or {@code unreadable}). It sits on the bindings' input channels ({@code *-in-*}), so the handler's
 * result is known when the send completes. A retried message counts once per attempt.
 */
public class ConsumedEvents implements ChannelInterceptor {

    public static final String METRIC = "loa.events.consumed";

    private final MeterRegistry meters;

    public ConsumedEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
        String outcome = ex == null ? (sent ? "ok" : "failed") : unreadable(ex) ? "unreadable" : "failed";
        Counter.builder(METRIC).description("Events delivered to this service's consumers, per topic, type, outcome")
                .tag("topic", header(message, KafkaHeaders.RECEIVED_TOPIC))
                .tag("type", type(header(message, CloudEventHeaders.TYPE)))
                .tag("outcome", outcome)
                .register(meters).increment();
    }

    private static boolean unreadable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnreadableEvent) {
                return true;
            }
        }
        return false;
    }

    /** Only Loa's own types become tag values: a stray producer cannot blow up the number of series. */
    private static String type(String type) {
        return type.startsWith("vn.loa.") && type.length() <= 80 ? type : "other";
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? "unknown" : value.toString();
    }
}
