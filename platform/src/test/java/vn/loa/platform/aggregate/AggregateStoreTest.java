package vn.loa.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.outbox.OutboxRelay;
import vn.loa.testsupport.LoaInfrastructure;

/** The one write path of every aggregate: whole state, revision guard, events in the same write. */
class AggregateStoreTest {

    private static final String COLLECTION = "things";

    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create(LoaInfrastructure.endpoints().mongoUri()), "aggregate-store-" + UUID.randomUUID());
    // never started: flush() only hands the document to a relay nobody runs
    private final Outbox outbox = new Outbox("test-service", new EventCodec(), Clock.systemUTC(),
            new OutboxRelay(mongo, null, List.of(COLLECTION), Clock.systemUTC(), Duration.ofSeconds(1),
                    Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(15),
                    new SimpleMeterRegistry()));
    private final AggregateStore store = new AggregateStore(mongo, outbox);

    @AfterEach
    void drop() {
        mongo.getDb().drop();
    }

    @Test
    void aSaveWritesTheWholeStateAndItsEventsAndRemovesWhatTheStateNoLongerHas() {
        Thing thing = new Thing("t-1", "Tuyên truyền CCHC", "31/12/2026");
        mongo.insert(thing, COLLECTION);

        thing.retitle("Tuyên truyền CCHC (điều chỉnh)");
        thing.due = null;
        assertThat(store.save(COLLECTION, thing)).isTrue();

        Document stored = mongo.findById("t-1", Document.class, COLLECTION);
        assertThat(stored.getString("title")).isEqualTo("Tuyên truyền CCHC (điều chỉnh)");
        assertThat(stored).doesNotContainKey("due").doesNotContainKey("pending");
        assertThat(stored.get("revision", Number.class).longValue()).isEqualTo(1);
        assertThat(stored.getList(Outbox.FIELD, Document.class)).hasSize(1);
        assertThat(thing.revision()).isEqualTo(1);
        assertThat(thing.pendingEvents()).isEmpty();
    }

    @Test
    void ofTwoWritersReadingTheSameRevisionOnlyOneWinsAndTheOtherDecidesAgain() {
        mongo.insert(new Thing("t-2", "Bản đầu", null), COLLECTION);
        Thing first = mongo.findById("t-2", Thing.class, COLLECTION);
        Thing second = mongo.findById("t-2", Thing.class, COLLECTION);

        first.retitle("Bản của người thứ nhất");
        assertThat(store.save(COLLECTION, first)).isTrue();
        second.retitle("Bản của người thứ hai");
        assertThat(store.save(COLLECTION, second)).as("read at a revision that is gone").isFalse();

        AtomicInteger attempts = new AtomicInteger();
        Thing result = AggregateStore.change(second, t -> {
            attempts.incrementAndGet();
            t.retitle(t.title + " + thứ hai");
            return true;
        }, t -> store.save(COLLECTION, t), t -> Optional.ofNullable(mongo.findById(t.id(), Thing.class, COLLECTION)));

        assertThat(attempts).hasValue(2);
        assertThat(result.title).isEqualTo("Bản của người thứ nhất + thứ hai");
        Document stored = mongo.findById("t-2", Document.class, COLLECTION);
        assertThat(stored.getString("title")).isEqualTo("Bản của người thứ nhất + thứ hai");
        assertThat(stored.get("revision", Number.class).longValue()).isEqualTo(2);
        assertThat(stored.getList(Outbox.FIELD, Document.class)).as("one event per winning write").hasSize(2);
    }

    @Test
    void aWriteOfAnImmutableStateHoldsOnlyWhileItsGuardHolds() {
        mongo.insert(new Thing("t-3", "Dự thảo", null), COLLECTION);
        Thing issued = new Thing("t-3", "Ban hành", null);

        boolean wrongGuard = store.write(COLLECTION, issued, "t-3", 0, List.of(), Map.of(),
                Criteria.where("title").is("Đã sửa bởi người khác"));
        boolean rightGuard = store.write(COLLECTION, issued, "t-3", 0, List.of(), Map.of(),
                Criteria.where("title").is("Dự thảo"));

        assertThat(wrongGuard).isFalse();
        assertThat(rightGuard).isTrue();
        assertThat(mongo.findById("t-3", Document.class, COLLECTION).getString("title")).isEqualTo("Ban hành");
    }

    /** A small aggregate: a title, an optional due text, an event per change. */
    static class Thing implements Aggregate {
        @Id
        String id;
        String title;
        String due;
        long revision;
        @Transient
        List<LoaEvent> pending = new ArrayList<>();

        Thing() {
        }

        Thing(String id, String title, String due) {
            this.id = id;
            this.title = title;
            this.due = due;
        }

        void retitle(String title) {
            this.title = title;
            pending.add(new PlanClosed("10804", id, 1, Instant.parse("2026-12-06T03:00:00Z"), "lanh-dao"));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public long revision() {
            return revision;
        }

        @Override
        public List<LoaEvent> pendingEvents() {
            return List.copyOf(pending);
        }

        @Override
        public void saved() {
            revision++;
            pending = new ArrayList<>();
        }
    }
}
