package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries that name an {@code _id} and more (revision-guarded writes, outbox claims) are looked up by {@code _id} and
 * still answer exactly what the whole query asks: the other conditions hold or nothing matches.
 */
class IdFirstLookupTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> items;

    @BeforeEach
    void start() {
        server = new MongoServer(new DurableH2Backend(dir.resolve("t.mv").toString(), false));
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        client = MongoClients.create(uri);
        items = client.getDatabase("loa").getCollection("items");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            docs.add(new Document("_id", "item-" + i).append("revision", i % 3).append("tenant", "1080" + (i % 2))
                    .append("outbox", i % 5 == 0 ? List.of(new Document("ceId", "e" + i)) : List.of()));
        }
        items.insertMany(docs);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRevisionGuardedUpdateChangesTheDocumentOnlyAtItsRevision() {
        assertThat(items.updateOne(Filters.and(Filters.eq("_id", "item-4"), Filters.eq("revision", 1)),
                Updates.set("title", "x")).getMatchedCount()).as("item-4 is at revision 1").isEqualTo(1);
        assertThat(items.updateOne(Filters.and(Filters.eq("_id", "item-4"), Filters.eq("revision", 2)),
                Updates.set("title", "y")).getMatchedCount()).as("stale revision").isZero();
        assertThat(items.find(Filters.eq("_id", "item-4")).first().getString("title")).isEqualTo("x");
    }

    @Test
    void everyConditionBesideTheIdStillApplies() {
        assertThat(items.countDocuments(new Document("_id", "item-5").append("tenant", "10801"))).isEqualTo(1);
        assertThat(items.countDocuments(new Document("_id", "item-5").append("tenant", "10800"))).isZero();
        assertThat(items.countDocuments(new Document("_id", "item-404").append("tenant", "10800"))).isZero();
        // the outbox claim's shape: _id, a non-empty outbox, and a lease that is absent or over
        Document claim = new Document("_id", "item-10").append("outbox.0", new Document("$exists", true))
                .append("$or", List.of(new Document("lease", new Document("$exists", false)),
                        new Document("lease", null)));
        Document claimed = items.findOneAndUpdate(claim, Updates.set("lease", "held"),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(claimed).isNotNull();
        assertThat(claimed.getString("lease")).isEqualTo("held");
        assertThat(items.findOneAndUpdate(claim, Updates.set("lease", "again"))).as("already leased").isNull();
        Document empty = new Document("_id", "item-11").append("outbox.0", new Document("$exists", true));
        assertThat(items.find(empty).first()).as("item-11 has an empty outbox").isNull();
    }

    @Test
    void aBatchOfNamedIdsIsLookedUpAndFilteredLikeOne() {
        // the relay's batch claim: {_id: {$in: […]}, outbox.0 exists, lease absent}, then a read by the lease
        Document claim = new Document("_id", new Document("$in", List.of("item-0", "item-1", "item-5", "item-404")))
                .append("outbox.0", new Document("$exists", true))
                .append("$or", List.of(new Document("lease", new Document("$exists", false))));
        assertThat(items.updateMany(claim, Updates.set("lease", "mine")).getModifiedCount())
                .as("item-0 and item-5 have events; item-1 none; item-404 does not exist").isEqualTo(2);
        assertThat(items.updateMany(claim, Updates.set("lease", "theirs")).getModifiedCount()).as("leased").isZero();
        assertThat(items.find(new Document("_id", new Document("$in", List.of("item-0", "item-1", "item-5")))
                .append("lease", "mine")).map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactlyInAnyOrder("item-0", "item-5");
    }

    @Test
    void anIdInsideAnAndIsLookedUpWithoutReadingTheCollection() {
        // the shape the driver's Filters.and writes ({$and: [{_id: x}, {revision: {$lt: r}}]}), e.g. task-service's
        // copy of a task's credits "over an older copy only", which read the whole collection for every credit
        long before = IdFirstH2Database.SCANNED.sum();
        var olderThan = (java.util.function.IntFunction<org.bson.conversions.Bson>) r ->
                Filters.and(Filters.eq("_id", "item-7"), Filters.lt("revision", r));
        assertThat(items.updateOne(olderThan.apply(2), Updates.set("title", "newer")).getMatchedCount())
                .as("item-7 is at revision 1 < 2").isEqualTo(1);
        assertThat(items.updateOne(olderThan.apply(1), Updates.set("title", "older")).getMatchedCount())
                .as("not older than 1").isZero();
        assertThat(items.find(Filters.and(Filters.in("_id", "item-7", "item-8"), Filters.eq("revision", 1)))
                .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("item-7");
        assertThat(items.find(Filters.eq("_id", "item-7")).first().getString("title")).isEqualTo("newer");
        assertThat(IdFirstH2Database.SCANNED.sum() - before).as("whole-collection reads").isZero();
        // an upsert that finds nothing still inserts, with the id from the condition
        items.updateOne(Filters.and(Filters.eq("_id", "item-900"), Filters.lt("revision", 5)),
                Updates.set("revision", 5), new com.mongodb.client.model.UpdateOptions().upsert(true));
        assertThat(items.find(Filters.eq("_id", "item-900")).first().getInteger("revision")).isEqualTo(5);
        // and a query without an _id still reads the collection (which the counter sees)
        assertThat(items.find(Filters.and(Filters.eq("tenant", "10800"), Filters.eq("revision", 0)))
                .into(new ArrayList<>())).hasSize(34);
        assertThat(IdFirstH2Database.SCANNED.sum() - before).isPositive();
    }

    @Test
    void queriesWithoutAPlainIdAreAnsweredAsBefore() {
        assertThat(items.countDocuments(Filters.eq("tenant", "10800"))).isEqualTo(100);
        assertThat(items.countDocuments(Filters.and(Filters.in("_id", "item-1", "item-2", "item-3"),
                Filters.eq("revision", 2)))).isEqualTo(1);
        assertThat(items.countDocuments(new Document("_id", new Document("$gt", "item-97")).append("revision", 0)))
                .as("item-98 (98 %% 3 = 2) and item-99 (0)").isEqualTo(1);
    }
}
