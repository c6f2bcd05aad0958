package vn.loa.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import vn.loa.channel.Engagement.Figure;
import vn.loa.channel.Visitor;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.outbox.OutboxRelay;
import vn.loa.testsupport.MutableClock;

class EngagementCounterTest {

    private static final String KIM_THANH = "10804";
    private static final String ADDRESS = "203.113.131.7";
    private static final String AGENT = "Mozilla/5.0 (Linux; Android 14; SM-A155F) Chrome/131.0 Mobile";
    private static final Visitor READER = new Visitor(ADDRESS, AGENT);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-02T02:00:00Z")); // 09:00 in Hà Nội
    private final List<PublicationEngaged> sent = new ArrayList<>();
    private final EngagementCounter counter = new EngagementCounter(true, clock, "portal-channel", 1000, sent::addAll);

    private boolean view(String item, Visitor v) {
        return counter.count(KIM_THANH, "portal", item, "req-" + item, Figure.VIEWS, v);
    }

    @Test
    void aVisitorIsCountedOncePerDayPerPageAndFigure() {
        assertThat(view("item-1", READER)).isTrue();
        assertThat(view("item-1", READER)).isFalse();
        assertThat(view("item-1", new Visitor(ADDRESS, AGENT))).as("the same person again").isFalse();
        assertThat(view("item-1", new Visitor(ADDRESS, "Zalo/23.09 iOS"))).as("another browser").isTrue();
        assertThat(view("item-2", READER)).as("another page").isTrue();
        assertThat(counter.count(KIM_THANH, "portal", null, null, Figure.FEED_FETCHES, READER)).isTrue();
        clock.advance(Duration.ofSeconds(10));

        List<PublicationEngaged> flushed = counter.flush();

        assertThat(flushed).extracting(PublicationEngaged::itemId, e -> e.figures().views(),
                        e -> e.figures().feedFetches())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("item-1", 2L, 0L),
                        org.assertj.core.groups.Tuple.tuple("item-2", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple(null, 0L, 1L));
        assertThat(sent).isEqualTo(flushed);
    }

    @Test
    void theNextCommuneDayCountsTheSameVisitorAgainAndForgetsTheDayBefore() {
        clock.set(Instant.parse("2025-09-02T16:59:50Z")); // 23:59:50 in Hà Nội
        EngagementCounter late = new EngagementCounter(true, clock, "portal-channel", 1000, sent::addAll);
        assertThat(late.count(KIM_THANH, "portal", "item-1", null, Figure.VIEWS, READER)).isTrue();
        late.count(KIM_THANH, "portal", "item-2", null, Figure.VIEWS, READER);
        assertThat(late.keysToday()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(5)); // still 02/09
        assertThat(late.count(KIM_THANH, "portal", "item-1", null, Figure.VIEWS, READER)).isFalse();
        clock.advance(Duration.ofSeconds(5)); // 00:00 on 03/09 in Hà Nội (17:00 UTC)
        assertThat(late.count(KIM_THANH, "portal", "item-1", null, Figure.VIEWS, READER)).isTrue();

        assertThat(late.keysToday()).as("yesterday's keys dropped with their salt").isEqualTo(1);
    }

    @Test
    void windowsFollowEachOtherAndAnEmptyWindowSendsNothing() {
        Instant start = clock.instant();
        view("item-1", READER);
        clock.advance(Duration.ofSeconds(10));
        PublicationEngaged first = counter.flush().getFirst();
        clock.advance(Duration.ofSeconds(10));
        assertThat(counter.flush()).as("nothing counted").isEmpty();
        view("item-1", new Visitor("113.160.2.9", AGENT));
        clock.advance(Duration.ofSeconds(3));
        PublicationEngaged third = counter.flush().getFirst();

        assertThat(first.basis()).isEqualTo(EngagementBasis.COUNTED_IN_WINDOW);
        assertThat(first.from()).isEqualTo(start);
        assertThat(first.to()).isEqualTo(start.plusSeconds(10));
        assertThat(third.from()).as("the empty window closed too").isEqualTo(start.plusSeconds(20));
        assertThat(third.to()).isEqualTo(start.plusSeconds(23));
        assertThat(first.counter()).isEqualTo(third.counter()).startsWith("portal-channel-");
        assertThat(first.eventId()).isNotEqualTo(third.eventId());
        assertThat(sent).containsExactly(first, third);
    }

    @Test
    void twoInstancesNeverShareACounterId() {
        EngagementCounter other = new EngagementCounter(true, clock, "portal-channel", 1000, sent::addAll);

        assertThat(other.counterId()).isNotEqualTo(counter.counterId());
    }

    @Test
    void switchedOffItCountsNothing() {
        EngagementCounter off = new EngagementCounter(false, clock, "portal-channel", 1000, sent::addAll);

        assertThat(off.count(KIM_THANH, "portal", "item-1", null, Figure.VIEWS, READER)).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(off.flush()).isEmpty();
    }

    @Test
    void noAddressNorUserAgentIsHeldSentOrWritten() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, "engagement-privacy");
            EventCodec codec = new EventCodec();
            OutboxRelay relay = new OutboxRelay(mongo, null, List.of(EngagementOutbox.COLLECTION), clock,
                    Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5), new SimpleMeterRegistry());
            EngagementCounter counting = new EngagementCounter(true, clock, "portal-channel", 1000,
                    new EngagementOutbox(mongo, new Outbox("portal-channel", codec, clock, relay), clock));
            counting.count(KIM_THANH, "portal", "item-1", "req-1", Figure.VIEWS, READER);
            counting.count(KIM_THANH, "portal", "item-1", "req-1", Figure.VIEWS, new Visitor("2001:ee0:4f1::7", AGENT));
            clock.advance(Duration.ofSeconds(10));

            List<PublicationEngaged> flushed = counting.flush();

            assertThat(flushed).singleElement().satisfies(e -> assertThat(e.figures().views()).isEqualTo(2));
            String event = new String(codec.encode(flushed.getFirst()), StandardCharsets.UTF_8);
            List<Document> written = mongo.getCollection(EngagementOutbox.COLLECTION).find().into(new ArrayList<>());
            assertThat(written).hasSize(1);
            String stored = written.getFirst().toJson();
            assertThat(stored).contains(flushed.getFirst().eventId()); // the window waits in the outbox
            for (String personal : List.of(ADDRESS, "2001:ee0:4f1::7", AGENT, "203.113", "Android")) {
                assertThat(event).doesNotContain(personal);
                assertThat(stored).doesNotContain(personal);
            }
            // in memory: two 64-bit hashes, nothing else (a Long cannot hold an address or a user agent)
            assertThat(counting.keysHeld()).hasSize(2).doesNotContainNull();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void behindTheGatewayTheVisitorIsTheLastForwardedHopOtherwiseTheRemoteAddress() {
        MockHttpServletRequest viaGateway = new MockHttpServletRequest();
        viaGateway.setRemoteAddr("127.0.0.1");
        viaGateway.addHeader("X-Forwarded-For", "10.9.9.9, " + ADDRESS); // the first hop is the client's own claim
        viaGateway.addHeader("User-Agent", AGENT);
        MockHttpServletRequest direct = new MockHttpServletRequest();
        direct.setRemoteAddr("113.160.2.9");
        direct.addHeader("X-Forwarded-For", "1.2.3.4");

        assertThat(Visitor.of(viaGateway)).isEqualTo(new Visitor(ADDRESS, AGENT));
        assertThat(Visitor.of(direct)).isEqualTo(new Visitor("113.160.2.9", null));
    }
}
