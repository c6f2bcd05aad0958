package vn.loa.platform.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import vn.loa.contracts.LoaEvent;
import vn.loa.platform.outbox.Outbox;

/**
 * The one way Loa writes an aggregate: its <em>whole</em> state ({@code $set} of every property it has, {@code $unset}
 * of every property it no longer has — a quota or a due date an amendment took away is gone), the revision moved on
 * by one, and its events pushed onto the document's outbox — in one single-document update that only matches if
 * the document is still at the revision it was read at. Of two writers racing on one aggregate exactly one wins; the
 * other reads again and decides again ({@link #change}). Then the relay is told which document has events, so they
 * leave at once (docs/adr/0001-outbox-in-the-aggregate-document.md).
 */
public class AggregateStore {

    /** Enough for any realistic contention; beyond it the caller's request or event fails and is retried. */
    public static final int MAX_ATTEMPTS = 50;
    static final String REVISION = "revision";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Map<Class<?>, List<String>> fields = new ConcurrentHashMap<>();

    public AggregateStore(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Saves a mutable aggregate; false when someone else wrote it since it was read. */
    public boolean save(String collection, Aggregate aggregate) {
        boolean events = !aggregate.pendingEvents().isEmpty();
        boolean won = update(collection, aggregate, aggregate.id(), aggregate.revision(), aggregate.pendingEvents(),
                Map.of(), null);
        if (won) {
            aggregate.saved();
            if (events) {
                outbox.flush(collection, aggregate.id());
            }
        }
        return won;
    }

    /**
     * Writes {@code state} as the document {@code id}, guarded by {@code revision} and by {@code guard} (further
     * fields that must still hold, may be null); {@code overrides} replace properties of the state as written (a
     * value the aggregate computes for the write). The stored revision becomes {@code revision + 1}. For aggregates
     * kept as immutable values; tells the relay when there are events.
     */
    public boolean write(String collection, Object state, Object id, long revision, List<? extends LoaEvent> events,
            Map<String, Object> overrides, Criteria guard) {
        boolean won = update(collection, state, id, revision, events, overrides, guard);
        if (won && !events.isEmpty()) {
            outbox.flush(collection, id);
        }
        return won;
    }

    private boolean update(String collection, Object state, Object id, long revision, List<? extends LoaEvent> events,
            Map<String, Object> overrides, Criteria guard) {
        Document document = new Document();
        mongo.getConverter().write(state, document);
        document.putAll(overrides);
        Update update = new Update();
        for (String field : fieldsOf(state.getClass())) {
            if (field.equals("_id") || field.equals(REVISION)) {
                continue;
            }
            if (document.get(field) != null) {
                update.set(field, document.get(field));
            } else {
                update.unset(field);
            }
        }
        update.set(REVISION, revision + 1);
        outbox.append(update, events);
        Criteria current = Criteria.where("_id").is(id).and(REVISION).is(revision);
        Query query = Query.query(guard == null ? current : new Criteria().andOperator(current, guard));
        return mongo.updateFirst(query, update, collection).getMatchedCount() == 1;
    }

    /**
     * Applies {@code change} (which answers whether it changed anything) and saves it with {@code save} (usually the
     * owner's own save, which calls {@link #save}), again and again until the save wins, reading the aggregate again
     * with {@code reread} after each lost race. Returns the aggregate as it ends up (as last read if it vanished
     * meanwhile). Exceptions of the change (a broken rule) propagate.
     */
    public static <A extends Aggregate> A change(A aggregate, Predicate<A> change, Predicate<A> save,
            Function<A, Optional<A>> reread) {
        A current = aggregate;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (!change.test(current) || save.test(current)) {
                return current;
            }
            Optional<A> again = reread.apply(current);
            if (again.isEmpty()) {
                return current;
            }
            current = again.get();
        }
        throw new IllegalStateException(aggregate.getClass().getSimpleName() + " " + aggregate.id()
                + " kept changing under " + MAX_ATTEMPTS + " attempts");
    }

    /** The document fields of a type's persistent properties (transient ones are not stored). */
    private List<String> fieldsOf(Class<?> type) {
        return fields.computeIfAbsent(type, t -> {
            List<String> names = new ArrayList<>();
            mongo.getConverter().getMappingContext().getRequiredPersistentEntity(t)
                    .doWithProperties((PropertyHandler<MongoPersistentProperty>) p -> names.add(p.getFieldName()));
            return List.copyOf(names);
        });
    }
}
