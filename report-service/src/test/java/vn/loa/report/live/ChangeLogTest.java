package vn.loa.report.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.report.live.ChangeLog.Entry;
import vn.loa.report.projection.Change;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;

/** The change log behind the live stream: one sequence, visibility by tenant and province, bounded per tenant. */
class ChangeLogTest {

    private static InMemoryMongo mongo;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void aCommuneSeesItsOwnChangesAProvinceItsCommunesAndTheLogKeepsTheNewestPerTenant() {
        ChangeLog log = new ChangeLog(mongo.template("changes"),
                Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC), 10);
        for (int i = 0; i < 30; i++) {
            log.append(new Change(i % 2 == 0 ? Samples.KIM_THANH : Samples.BACH_MAI, "publication", "item-" + i,
                    "ContentPublished"));
        }
        assertThat(log.lastSeq()).isEqualTo(30);
        Bson kimThanh = ChangeLog.visibleTo(Samples.KIM_THANH, false, false);
        Bson haiPhong = ChangeLog.visibleTo(Samples.HAI_PHONG, true, false);
        Bson hanoi = ChangeLog.visibleTo(Samples.HA_NOI, true, false);
        assertThat(log.after(0, kimThanh, 100)).hasSize(15).allMatch(e -> e.tenant().equals(Samples.KIM_THANH));
        assertThat(log.after(0, haiPhong, 100)).extracting(Entry::tenant).containsOnly(Samples.KIM_THANH);
        assertThat(log.after(0, hanoi, 100)).extracting(Entry::tenant).containsOnly(Samples.BACH_MAI);
        assertThat(log.after(20, kimThanh, 100)).extracting(Entry::seq).containsExactly(21L, 23L, 25L, 27L, 29L);

        log.prune();
        assertThat(log.after(0, kimThanh, 100)).hasSize(10).first().extracting(Entry::seq).isEqualTo(11L);
        assertThat(log.after(0, hanoi, 100)).hasSize(10);
        // a client that had seen up to 5 missed pruned changes and must reload; one that had seen 12 did not
        assertThat(log.prunedAfter(5, kimThanh)).isTrue();
        assertThat(log.prunedAfter(12, kimThanh)).isFalse();
        assertThat(log.prunedAfter(5, haiPhong)).isTrue();
        assertThat(log.prunedAfter(12, ChangeLog.visibleTo(Samples.TIEN_MINH, false, false))).isFalse();
    }
}
