package vn.loa.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * The read models' keyed writes on the test infrastructure's MongoDB: a window sent twice changes nothing the second
 * time, a later reading replaces an earlier one and never the other way round, an upsert tells what was there.
 */
class KeyedWritesTest {

    private final MongoCollection<Document> collection = MongoClients
            .create(LoaInfrastructure.endpoints().mongoUri()).getDatabase("keyed-writes-" + UUID.randomUUID())
            .getCollection("figures");

    @Test
    void aBulkWriteThatOnlyMetTakenKeysLostNothingAndOneThatMetAnotherRefusalDid() {
        collection.insertOne(new Document("_id", "credit-1").append("n", 1));
        com.mongodb.MongoBulkWriteException twice = org.assertj.core.api.Assertions.catchThrowableOfType(
                com.mongodb.MongoBulkWriteException.class, () -> collection.insertMany(java.util.List.of(
                        new Document("_id", "credit-1"), new Document("_id", "credit-2")),
                        new com.mongodb.client.model.InsertManyOptions().ordered(false)));
        assertThat(KeyedWrites.onlyDuplicateKeys(twice)).isTrue();
        assertThat(collection.countDocuments()).isEqualTo(2);

        com.mongodb.MongoBulkWriteException other = new com.mongodb.MongoBulkWriteException(
                com.mongodb.bulk.BulkWriteResult.unacknowledged(), java.util.List.of(
                        new com.mongodb.bulk.BulkWriteError(11000, "E11000 duplicate key", new org.bson.BsonDocument(),
                                0),
                        new com.mongodb.bulk.BulkWriteError(14031, "OutOfDiskSpace", new org.bson.BsonDocument(), 1)),
                null, new com.mongodb.ServerAddress(), java.util.Set.of());
        assertThat(KeyedWrites.onlyDuplicateKeys(other)).isFalse();
    }

    @Test
    void aWindowSentAgainChangesNothingAndADifferentOneDoes() {
        Document onInsert = new Document("tenant", "11791").append("day", "2026-12-06");
        assertThat(KeyedWrites.setWindow(collection, "d1", onInsert, "w1", new Document("views", 3))).isTrue();
        assertThat(KeyedWrites.setWindow(collection, "d1", onInsert, "w1", new Document("views", 3))).isFalse();
        assertThat(KeyedWrites.setWindow(collection, "d1", onInsert, "w2", new Document("views", 1))).isTrue();
        assertThat(KeyedWrites.setWindow(collection, "d1", onInsert, "w1", new Document("views", 4))).isTrue();
        Document kept = collection.find(new Document("_id", "d1")).first();
        assertThat(kept.getString("tenant")).isEqualTo("11791");
        assertThat(kept.get("w", Document.class)).isEqualTo(new Document("w1", new Document("views", 4))
                .append("w2", new Document("views", 1)));
    }

    @Test
    void theLatestReadingWinsWhateverTheOrder() {
        Date nine = Date.from(Instant.parse("2026-12-06T02:00:00Z"));
        Date ten = Date.from(Instant.parse("2026-12-06T03:00:00Z"));
        assertThat(KeyedWrites.keepLatest(collection, "t1", ten, new Document("views", 10))).isTrue();
        assertThat(KeyedWrites.keepLatest(collection, "t1", nine, new Document("views", 9))).isFalse();
        assertThat(KeyedWrites.keepLatest(collection, "t1", ten, new Document("views", 10))).isFalse();
        assertThat(collection.find(new Document("_id", "t1")).first().getInteger("views")).isEqualTo(10);
        Date eleven = Date.from(Instant.parse("2026-12-06T04:00:00Z"));
        assertThat(KeyedWrites.keepLatest(collection, "t1", eleven, new Document("views", 12))).isTrue();
        assertThat(collection.find(new Document("_id", "t1")).first())
                .containsEntry("views", 12).containsEntry("asOf", eleven);
    }

    @Test
    void anUpsertTellsWhatWasThere() {
        Document set = new Document("$max", new Document("lastAt", 5));
        assertThat(KeyedWrites.upsert(collection, "u1", set)).isNull();
        assertThat(KeyedWrites.upsert(collection, "u1", new Document("$max", new Document("lastAt", 7))))
                .containsEntry("lastAt", 5);
    }
}
