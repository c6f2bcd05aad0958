package vn.loa.platform.aggregate;

import java.util.List;
import vn.loa.contracts.LoaEvent;

/**
 * An aggregate kept as one MongoDB document together with its outbox: the state is the document (every persistent
 * property), {@code revision} counts the writes, and the events a change caused wait in {@link #pendingEvents()}
 * until {@link AggregateStore#save} writes them with the state.
 */
public interface Aggregate {

    /** The document id. */
    Object id();

    /** The revision the aggregate was read at (the number of writes before it). */
    long revision();

    /** The events the changes since the last save caused, in order. */
    List<? extends LoaEvent> pendingEvents();

    /** Called once a save won: the revision moves on by one and the pending events are gone. */
    void saved();
}
