package vn.loa.contracts;

/**
 * An event whose CloudEvents id is derived from what it is about rather than drawn at random, so that the same fact
 * sent twice — a redelivery, a replay, a producer flushing the same window again — carries the same {@code ce_id}
 * and is recognised by every consumer. {@link EventEnvelope#wrap} uses {@link #eventId()} for these events.
 */
public interface IdentifiedEvent extends LoaEvent {

    /** The CloudEvents id: the same for the same fact, different for different facts (a name-based UUID). */
    String eventId();
}
