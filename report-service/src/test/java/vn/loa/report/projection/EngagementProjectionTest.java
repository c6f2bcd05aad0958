package vn.loa.report.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.report.live.Change;
import vn.loa.report.support.InMemoryMongo;

/**
 * The engagement read model fed the same windows in any order, with any duplicates: the sums per (channel, item, day)
 * are always those of the distinct windows, an operator's latest total always wins, and a duplicate is silent.
 */
class EngagementProjectionTest {

    private static final String KIM_THANH = "10804";
    private static final String OTHER = "00004";
    private static final Instant NINE_AM = Instant.parse("2025-09-02T02:00:00Z"); // 09:00 on 02/09 in Hà Nội
    private static InMemoryMongo mongo;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeContainer
    static void start() {
        mongo = new InMemoryMongo();
    }

    @AfterContainer
    static void stop() {
        mongo.close();
    }

    private static MongoTemplate fresh() {
        if (mongo == null) {
            mongo = new InMemoryMongo();
        }
        return mongo.template("engagement-" + DATABASES.incrementAndGet());
    }

    private static PublicationEngaged window(String tenant, String item, String channel, String counter,
            int tenSecondSlot, Figures f) {
        Instant from = NINE_AM.plusSeconds(10L * tenSecondSlot);
        return new PublicationEngaged(tenant, item, channel, "req-" + item, counter,
                EngagementBasis.COUNTED_IN_WINDOW, from, from.plusSeconds(10), f);
    }

    private static PublicationEngaged total(String item, long reach, Instant asOf) {
        return new PublicationEngaged(KIM_THANH, item, "facebook", null, "manual:u-van-hoa",
                EngagementBasis.RUNNING_TOTAL, null, asOf, new Figures(0, 0, 0, 0, reach, reach / 10, reach / 50));
    }

    @Property(tries = 40)
    void windowsInAnyOrderWithDuplicatesSumToTheDistinctWindows(@ForAll @IntRange(min = 1, max = 30) int count,
            @ForAll long seed) {
        Random random = new Random(seed);
        List<PublicationEngaged> distinct = new ArrayList<>();
        Map<String, Long> expectedViews = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String item = "item-" + random.nextInt(3);
            String channel = random.nextBoolean() ? "portal" : "radio";
            Figures f = channel.equals("portal") ? new Figures(1 + random.nextInt(20), 0, 0, 0, 0, 0, 0)
                    : new Figures(0, 0, random.nextInt(9), random.nextInt(4), 0, 0, 0);
            // slot i: every window distinct; slot ≥ 8640 falls on the next day
            int slot = random.nextInt(4) == 0 ? 8640 + i : i;
            distinct.add(window(KIM_THANH, item, channel, "portal-a", slot, f));
            expectedViews.merge(item + "|" + channel, f.views() + f.plays() + f.downloads(), Long::sum);
        }
        List<PublicationEngaged> sent = new ArrayList<>(distinct);
        for (int i = 0; i < count; i++) {
            sent.add(distinct.get(random.nextInt(distinct.size()))); // redeliveries
        }
        Collections.shuffle(sent, random);

        MongoTemplate template = fresh();
        Projection projection = new Projection(template);
        int changes = 0;
        for (PublicationEngaged e : sent) {
            changes += projection.apply(e).size();
        }

        assertThat(changes).as("one change per distinct window, none for a duplicate").isEqualTo(distinct.size());
        Map<String, Long> read = new HashMap<>();
        for (EngagementRecord r : new ReadModels(template).engagement(KIM_THANH)) {
            read.merge(r.itemId() + "|" + r.channel(), r.figures().views() + r.figures().plays()
                    + r.figures().downloads(), Long::sum);
        }
        assertThat(read).isEqualTo(expectedViews);
    }

    @Property(tries = 30)
    void theLatestRunningTotalWinsWhateverTheOrder(@ForAll long seed) {
        Random random = new Random(seed);
        List<PublicationEngaged> readings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            readings.add(total("item-fb", 100L * (i + 1), NINE_AM.plusSeconds(3600L * i)));
        }
        List<PublicationEngaged> sent = new ArrayList<>(readings);
        sent.add(readings.get(random.nextInt(readings.size())));
        Collections.shuffle(sent, random);

        MongoTemplate template = fresh();
        Projection projection = new Projection(template);
        sent.forEach(projection::apply);

        List<EngagementRecord> records = new ReadModels(template).engagement(KIM_THANH);
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().runningTotal()).isTrue();
        assertThat(records.getFirst().figures().reach()).isEqualTo(600);
        assertThat(records.getFirst().day()).isEqualTo(LocalDate.parse("2025-09-02"));
    }

    @Test
    void anOlderTotalArrivingLateChangesNothingAndSaysSo() {
        MongoTemplate template = fresh();
        Projection projection = new Projection(template);

        List<Change> newer = projection.apply(total("item-fb", 900, NINE_AM.plusSeconds(7200)));
        List<Change> older = projection.apply(total("item-fb", 300, NINE_AM));

        assertThat(newer).extracting(Change::area).containsExactly("engagement");
        assertThat(older).isEmpty();
        assertThat(new ReadModels(template).engagement(KIM_THANH).getFirst().figures().reach()).isEqualTo(900);
    }

    @Test
    void twoCountersOfTheSameWindowAddUpAndTenantsNeverMix() {
        MongoTemplate template = fresh();
        Projection projection = new Projection(template);

        projection.apply(window(KIM_THANH, "item-1", "portal", "portal-a", 0, new Figures(3, 0, 0, 0, 0, 0, 0)));
        projection.apply(window(KIM_THANH, "item-1", "portal", "portal-b", 0, new Figures(4, 0, 0, 0, 0, 0, 0)));
        projection.apply(window(OTHER, "item-1", "portal", "portal-a", 0, new Figures(50, 0, 0, 0, 0, 0, 0)));
        projection.apply(window(KIM_THANH, null, "portal", "portal-a", 0, new Figures(0, 2, 0, 0, 0, 0, 0)));

        List<EngagementRecord> kimThanh = new ReadModels(template).engagement(KIM_THANH);
        assertThat(kimThanh).extracting(r -> r.figures().views()).containsExactlyInAnyOrder(7L, 0L);
        assertThat(kimThanh).filteredOn(r -> r.itemId() == null).extracting(r -> r.figures().feedFetches())
                .containsExactly(2L);
        assertThat(new ReadModels(template).engagement(OTHER)).extracting(r -> r.figures().views())
                .containsExactly(50L);
    }
}
