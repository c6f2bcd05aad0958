package vn.loa.report.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import org.springframework.dao.DataAccessResourceFailureException;
import com.mongodb.client.MongoCollection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.Tenants;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.tenancy.TenantScope;
import vn.loa.report.live.ChangeLog.Entry;
import vn.loa.report.live.Change;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.testsupport.CommandCounts;
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
        Bson kimThanh = visibleTo(Samples.KIM_THANH, Role.EDITOR);
        Bson haiPhong = visibleTo(Samples.HAI_PHONG, Role.VIEWER);
        Bson hanoi = visibleTo(Samples.HA_NOI, Role.VIEWER);
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
        assertThat(log.prunedAfter(12, visibleTo(Samples.TIEN_MINH, Role.LEADER))).isFalse();
    }

    @Test
    void aPruneReadsOnlyTheCommunesAppendedToSinceTheLastOne() {
        CommandCounts commands = new CommandCounts();
        try (MongoClient client = mongo.client(commands)) {
            MongoTemplate template = new MongoTemplate(client, "changes-prune");
            Clock clock = Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC);
            List<String> communes = List.of(Samples.KIM_THANH, Samples.BACH_MAI, Samples.TIEN_MINH);
            ChangeLog before = new ChangeLog(template, clock, 5);
            for (int i = 0; i < 36; i++) {
                before.append(new Change(communes.get(i % 3), "publication", "item-" + i, "ContentPublished"));
            }
            // a restart: the first prune looks at every commune, for what the instance before left
            ChangeLog log = new ChangeLog(template, clock, 5);
            log.prune();
            for (String commune : communes) {
                assertThat(log.after(0, visibleTo(commune, Role.EDITOR), 100)).hasSize(5);
            }
            for (int i = 0; i < 3; i++) {
                log.append(new Change(Samples.KIM_THANH, "publication", "late-" + i, "ContentPublished"));
            }

            commands.clear();
            log.prune();
            // one commune appended to: one read of its newest pruned change and one delete, nothing of the others
            assertThat(commands.of("distinct")).isZero();
            assertThat(commands.sent("find")).singleElement().extracting(c -> c.getDocument("filter"))
                    .isEqualTo(new BsonDocument("tenant", new BsonString(Samples.KIM_THANH)));
            assertThat(commands.of("delete")).isEqualTo(1);
            Bson kimThanh = visibleTo(Samples.KIM_THANH, Role.EDITOR);
            assertThat(log.after(0, kimThanh, 100)).extracting(Entry::subject)
                    .containsExactly("item-30", "item-33", "late-0", "late-1", "late-2");
            // item-27 (change 28) was the newest to go: a client that had seen up to 27 must reload, one at 28 not
            assertThat(log.prunedAfter(27, kimThanh)).isTrue();
            assertThat(log.prunedAfter(28, kimThanh)).isFalse();
            assertThat(log.after(0, visibleTo(Samples.BACH_MAI, Role.EDITOR), 100)).hasSize(5);

            commands.clear();
            log.prune();
            assertThat(commands.of("find")).isZero();
        }
    }

    @Test
    void aPruneThatFailsLeavesItsCommunesToTheNext() {
        AtomicBoolean down = new AtomicBoolean();
        MongoTemplate template = new MongoTemplate(mongo.client(), "changes-prune-fails") {
            @Override
            public MongoCollection<Document> getCollection(String name) {
                if (down.get() && name.equals(ChangeLog.META)) {
                    throw new DataAccessResourceFailureException("the database is gone for a moment");
                }
                return super.getCollection(name);
            }
        };
        ChangeLog log = new ChangeLog(template, Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC), 2);
        log.prune(); // the first, over every commune: an empty log
        for (int i = 0; i < 5; i++) {
            log.append(new Change(Samples.KIM_THANH, "publication", "item-" + i, "ContentPublished"));
        }
        down.set(true);
        assertThatThrownBy(log::prune).isInstanceOf(DataAccessResourceFailureException.class);

        down.set(false);
        log.prune();
        assertThat(log.after(0, visibleTo(Samples.KIM_THANH, Role.EDITOR), 100)).extracting(Entry::subject)
                .containsExactly("item-3", "item-4");
    }

    @Test
    void aSystemAdministratorSeesEverythingAndEveryoneThePlatformsOwnChanges() {
        ChangeLog log = new ChangeLog(mongo.template("changes-scope"),
                Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC), 10);
        log.append(new Change(Samples.KIM_THANH, "publication", "a", "ContentPublished"));
        log.append(new Change(Samples.TIEN_MINH, "publication", "b", "ContentPublished"));
        log.append(new Change(Samples.BACH_MAI, "publication", "c", "ContentPublished"));
        log.append(new Change(Tenants.PLATFORM, "catalogue", "d", "CatalogueChanged"));
        assertThat(log.after(0, visibleTo("platform", Role.SYSADMIN), 100)).extracting(Entry::tenant)
                .containsExactly(Samples.KIM_THANH, Samples.TIEN_MINH, Samples.BACH_MAI, Tenants.PLATFORM);
        assertThat(log.after(0, visibleTo(Samples.HAI_PHONG, Role.VIEWER), 100)).extracting(Entry::tenant)
                .containsExactly(Samples.KIM_THANH, Samples.TIEN_MINH, Tenants.PLATFORM);
        assertThat(log.after(0, visibleTo(Samples.TIEN_MINH, Role.EDITOR), 100)).extracting(Entry::tenant)
                .containsExactly(Samples.TIEN_MINH, Tenants.PLATFORM);
        // a commune's VIEWER is kept to its commune, as everywhere else
        assertThat(log.after(0, visibleTo(Samples.KIM_THANH, Role.VIEWER), 100)).extracting(Entry::tenant)
                .containsExactly(Samples.KIM_THANH, Tenants.PLATFORM);
    }

    private static Bson visibleTo(String tenant, Role role) {
        return ChangeLog.visibleTo(TenantScope.readableBy(new Caller(tenant, "u", Set.of(role))));
    }

    @Test
    void aRepeatIsWrittenOnlyWhenItsFirstDeliveryDiedBeforeWritingIt() {
        ChangeLog log = new ChangeLog(mongo.template("changes-repeat"),
                Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC), 10);
        log.indexes();
        Change credited = new Change(Samples.KIM_THANH, "task", "task-1", "TaskCredited");
        assertThat(log.append(credited, "event-1/task/task-1")).isNotNull();

        // the same event delivered again: its change is in the log already, nothing more is announced
        assertThat(log.append(credited.again(), "event-1/task/task-1")).isNull();
        // another event, applied to the read model by a delivery that died before writing its change: written now
        assertThat(log.append(credited.again(), "event-2/task/task-1")).isNotNull();
        // and only once, however often it comes back
        assertThat(log.append(credited.again(), "event-2/task/task-1")).isNull();

        assertThat(log.after(0, visibleTo(Samples.KIM_THANH, Role.EDITOR), 100)).hasSize(2)
                .allMatch(e -> e.cause().equals("TaskCredited"));
    }

    @Test
    void changesAppendedWhileAWriteIsUnderWayAreNumberedAndInsertedTogether() throws Exception {
        CommandCounts commands = new CommandCounts();
        int others = 7;
        try (MongoClient client = mongo.client(commands)) {
            ChangeLog log = new ChangeLog(new MongoTemplate(client, "changes-group"),
                    Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC), 100);
            List<Entry> handedOver = new CopyOnWriteArrayList<>();
            CountDownLatch othersQueued = new CountDownLatch(1);
            log.onAppend(entry -> {
                handedOver.add(entry);
                if (entry.seq() == 1) {
                    // the first write is still under way: the others queue behind it meanwhile
                    try {
                        othersQueued.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            ExecutorService threads = Executors.newFixedThreadPool(others + 1);
            Future<Entry> first = threads.submit(() -> log.append(change(0), "event-0/task/task-0"));
            await().atMost(Duration.ofSeconds(10)).until(() -> handedOver.size() == 1);
            List<Future<Entry>> rest = new ArrayList<>();
            for (int i = 1; i <= others; i++) {
                int n = i;
                rest.add(threads.submit(() -> log.append(change(n), "event-" + n + "/task/task-" + n)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == others);
            commands.clear();
            othersQueued.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).seq()).isEqualTo(1);
            Set<Long> numbers = new TreeSet<>();
            for (Future<Entry> f : rest) {
                numbers.add(f.get(10, TimeUnit.SECONDS).seq());
            }
            threads.shutdown();
            assertThat(numbers).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
            // the seven waiting changes: one increment of the sequence and one insert, not seven of each
            assertThat(commands.of("findAndModify")).isEqualTo(1);
            assertThat(commands.of("insert")).isEqualTo(1);
            assertThat(handedOver).extracting(Entry::seq).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(log.after(0, visibleTo(Samples.KIM_THANH, Role.EDITOR), 100)).extracting(Entry::subject)
                    .containsExactlyInAnyOrder("task-0", "task-1", "task-2", "task-3", "task-4", "task-5", "task-6",
                            "task-7");
            assertThat(log.lastSeq()).isEqualTo(8);
        }
    }

    @Test
    void aWriteThatFailsFailsItsCallerAndTheNextChangeIsWritten() {
        MongoTemplate template = mongo.template("changes-failing");
        ChangeLog log = new ChangeLog(template, Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC),
                10);
        // number 2 is taken by something already in the log: the change given it cannot be inserted
        template.getCollection(ChangeLog.CHANGES).insertOne(new Document("_id", 2L).append("tenant", "x"));
        assertThat(log.append(change(1), "event-1/task/task-1").seq()).isEqualTo(1);
        assertThatThrownBy(() -> log.append(change(2), "event-2/task/task-2")).isInstanceOf(MongoException.class);
        // its consumer tries the event again: a repeat now, written since the log lacks it
        assertThat(log.append(change(2).again(), "event-2/task/task-2").seq()).isEqualTo(3);
        assertThat(log.appendAll("event-3", List.of(change(3), change(4).again()))).extracting(Entry::seq)
                .containsExactly(4L, 5L);
        // the same event's changes again: all in the log, nothing written
        assertThat(log.appendAll("event-3", List.of(change(3).again(), change(4).again()))).isEmpty();
        assertThat(log.lastSeq()).isEqualTo(5);
    }

    private static Change change(int n) {
        return new Change(Samples.KIM_THANH, "task", "task-" + n, "TaskCredited");
    }

}
