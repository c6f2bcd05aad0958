package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's non-unique indexes answer exactly what reading the whole collection answers — the same documents
 * for every query, through inserts, updates that move a document from one value to another, deletes and a restart —
 * and a query on an index's fields no longer reads the whole collection, only the candidates of its narrowest
 * condition.
 */
class FieldValuesIndexTest {

    private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");

    @TempDir
    Path dir;

    private DurableH2Backend backend;
    private MongoServer server;
    private MongoClient client;

    private MongoCollection<Document> open(String name) throws java.io.IOException {
        backend = new DurableH2Backend(StandInStore.open(dir), true, false);
        server = new MongoServer(backend);
        String uri = "mongodb://" + server.bind().getHostString() + ":" + server.getLocalAddress().getPort();
        client = MongoClients.create(uri);
        return client.getDatabase("loa").getCollection(name);
    }

    private void close() {
        client.close();
        server.shutdown();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
            server.shutdownNow();
        }
    }

    /** A document of the shapes Loa stores: a tenant, a status, a count, a date, an array of sub-documents. */
    private static Document random(Random r, int i) {
        Document d = new Document("_id", "doc-" + i).append("tenantId", "2677" + r.nextInt(4));
        switch (r.nextInt(6)) {
            case 0 -> d.append("status", null);
            case 1 -> { } // no status at all
            default -> d.append("status", List.of("DRAFT", "SCHEDULED", "PUBLISHED").get(r.nextInt(3)));
        }
        // the same number as an int, a long or a double
        d.append("n", switch (r.nextInt(3)) {
            case 0 -> r.nextInt(5);
            case 1 -> (long) r.nextInt(5);
            default -> (double) r.nextInt(5);
        });
        d.append("scheduledAt", Date.from(T0.plusSeconds(3600L * r.nextInt(48))));
        List<Document> publications = new ArrayList<>();
        for (int p = r.nextInt(4); p > 0; p--) {
            Document publication = new Document("channel", List.of("portal", "radio", "zalo").get(r.nextInt(3)));
            if (r.nextBoolean()) {
                publication.append("nextTryAt", Date.from(T0.plusSeconds(60L * r.nextInt(100))));
            }
            publications.add(publication);
        }
        d.append("publications", publications);
        d.append("tags", r.nextBoolean() ? List.of() : List.of("cchc", "tin" + r.nextInt(3)));
        // an outbox, as the relay leaves it: empty, or events waiting
        d.append("outbox", r.nextInt(3) == 0 ? List.of(new Document("ceId", "e-" + i + "-" + r.nextInt(1000)))
                : List.of());
        return d;
    }

    private static List<Bson> queries(Random r) {
        Date at = Date.from(T0.plusSeconds(3600L * r.nextInt(48)));
        Date retry = Date.from(T0.plusSeconds(60L * r.nextInt(100)));
        String tenant = "2677" + r.nextInt(4);
        return List.of(
                Filters.eq("tenantId", tenant),
                Filters.and(Filters.eq("tenantId", tenant), Filters.gte("n", 2)),
                Filters.in("tenantId", tenant, "26771", "99999"),
                Filters.eq("status", "SCHEDULED"),
                Filters.and(Filters.eq("status", "SCHEDULED"), Filters.lte("scheduledAt", at)),
                Filters.exists("status"),
                Filters.eq("n", 3),
                Filters.eq("n", 3L),
                Filters.and(Filters.gt("n", 1.5), Filters.lt("n", 4)),
                Filters.lte("publications.nextTryAt", retry),
                Filters.gt("publications.nextTryAt", retry),
                Filters.eq("publications.channel", "radio"),
                Filters.eq("tags", "tin1"),
                Filters.exists("tags"),
                Filters.eq("status", null),
                Filters.exists("publications.nextTryAt"),
                Filters.exists("outbox.ceId"),
                Filters.ne("status", "DRAFT"),
                // the later fields of a compound index, alone and beside the first
                Filters.lte("scheduledAt", at),
                Filters.and(Filters.in("status", "DRAFT", "PUBLISHED"), Filters.gt("scheduledAt", at)),
                Filters.and(Filters.eq("tenantId", tenant), Filters.lt("n", 2), Filters.exists("status")),
                // two bounds taken together: on one value, and on an array whose elements may each meet one bound
                Filters.and(Filters.gte("scheduledAt", at), Filters.lt("scheduledAt", Date.from(at.toInstant()
                        .plusSeconds(36_000)))),
                Filters.and(Filters.gt("publications.nextTryAt", retry), Filters.lt("publications.nextTryAt",
                        Date.from(retry.toInstant().minusSeconds(1_800)))),
                Filters.regex("tenantId", "^2677[01]"));
    }

    /** What each of the collection's indexes kept in memory holds. */
    private Map<String, List<String>> contents(String collection) {
        Map<String, List<String>> contents = new TreeMap<>();
        var indexes = ((IdFirstH2Database.IdFirstCollection) backend.resolveDatabase("loa")
                .resolveCollection(collection, true)).getIndexes();
        for (var index : indexes) {
            if (index instanceof FieldValuesIndex values) {
                contents.put(index.getName(), values.contents());
            }
        }
        assertThat(contents).as("indexes kept in memory").hasSize(7);
        return contents;
    }

    /** The values of a field, in order, numbers as doubles (3, 3L and 3.0 sort as one). */
    private static List<Object> keys(List<Document> documents, String field) {
        return documents.stream().map(d -> d.get(field) instanceof Number n ? (Object) n.doubleValue()
                : d.get(field)).toList();
    }

    private static TreeSet<String> ids(MongoCollection<Document> c, Bson query) {
        return c.find(query).map(d -> d.getString("_id")).into(new TreeSet<>());
    }

    @Test
    void answersWhatReadingTheWholeCollectionAnswersThroughChangesAndARestart() throws Exception {
        MongoCollection<Document> indexed = open("indexed");
        MongoCollection<Document> plain = client.getDatabase("loa").getCollection("plain");
        indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("n")));
        indexed.createIndex(Indexes.ascending("status", "scheduledAt"));
        indexed.createIndex(Indexes.ascending("n"));
        indexed.createIndex(Indexes.ascending("publications.nextTryAt"));
        indexed.createIndex(Indexes.ascending("publications.channel"));
        indexed.createIndex(Indexes.ascending("tags"));
        indexed.createIndex(Indexes.ascending("outbox.ceId"), new IndexOptions().sparse(true));
        Random r = new Random(20261207);
        for (int i = 0; i < 300; i++) {
            Document d = random(r, i);
            indexed.insertOne(d);
            plain.insertOne(d);
        }
        int compared = 0;
        for (int round = 0; round < 30; round++) {
            // changes: documents move between values, lose and gain fields, go and come back
            for (int k = 0; k < 20; k++) {
                String id = "doc-" + r.nextInt(320);
                Document replacement = random(r, Integer.parseInt(id.substring(4)));
                Bson change = switch (r.nextInt(5)) {
                    case 0 -> Updates.set("status", "PUBLISHED");
                    case 1 -> Updates.unset("status");
                    case 2 -> Updates.set("publications", replacement.get("publications"));
                    case 3 -> r.nextBoolean() ? Updates.inc("n", 1) : Updates.set("outbox", List.of());
                    default -> null;
                };
                if (change == null) {
                    indexed.deleteOne(Filters.eq("_id", id));
                    plain.deleteOne(Filters.eq("_id", id));
                    indexed.insertOne(replacement);
                    plain.insertOne(replacement);
                } else {
                    indexed.updateOne(Filters.eq("_id", id), change);
                    plain.updateOne(Filters.eq("_id", id), change);
                }
            }
            for (Bson query : queries(r)) {
                assertThat(ids(indexed, query)).as("round %d: %s", round, query).isEqualTo(ids(plain, query));
                // a page of the list, sorted: the same sort values (documents with equal values may come in
                // another order, as on MongoDB), each document one the query matches
                for (String sortedBy : List.of("scheduledAt", "n", "status")) {
                    Bson sort = r.nextBoolean() ? Sorts.descending(sortedBy) : Sorts.ascending(sortedBy);
                    List<Document> page = indexed.find(query).sort(sort).skip(3).limit(7).into(new ArrayList<>());
                    assertThat(keys(page, sortedBy)).as("round %d: %s sorted by %s", round, query, sort).isEqualTo(
                            keys(plain.find(query).sort(sort).skip(3).limit(7).into(new ArrayList<>()), sortedBy));
                    assertThat(ids(indexed, query)).containsAll(page.stream().map(d -> d.getString("_id")).toList());
                }
                // countDocuments is an aggregation ($match, $group), run on the candidates when an index narrows
                assertThat(indexed.countDocuments(query)).as("round %d: count of %s", round, query)
                        .isEqualTo(plain.countDocuments(query));
                compared++;
            }
            if (round == 15 || round == 29) { // the index is kept in memory: rebuilt from the documents at a start
                var kept = contents("indexed");
                close();
                indexed = open("indexed");
                plain = client.getDatabase("loa").getCollection("plain");
                assertThat(kept).as("round %d: the indexes as changes left them, as rebuilt from the documents",
                        round).isEqualTo(contents("indexed"));
            }
        }
        assertThat(compared).isEqualTo(30 * 24);
        assertThat(ids(indexed, Filters.exists("tenantId"))).hasSizeGreaterThan(250);
    }

    @Test
    void aQueryOnAnIndexsFirstFieldDoesNotReadTheWholeCollection() throws Exception {
        MongoCollection<Document> contents = open("contents");
        contents.createIndex(Indexes.ascending("status", "scheduledAt"));
        contents.createIndex(Indexes.ascending("tenantId", "createdAt"));
        contents.createIndex(Indexes.ascending("outbox.ceId"), new IndexOptions().sparse(true)); // the relay's
        Random r = new Random(7);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            docs.add(random(r, i));
        }
        contents.insertMany(docs);
        long before = IdFirstH2Database.SCANNED.sum();
        // content-service's scheduler and a commune's list, the shapes they send
        List<Document> due = contents.find(Filters.and(Filters.eq("status", "SCHEDULED"),
                Filters.lte("scheduledAt", Date.from(T0.plusSeconds(3600L * 10))))).into(new ArrayList<>());
        List<Document> commune = contents.find(Filters.eq("tenantId", "26772")).into(new ArrayList<>());
        List<Document> waiting = contents.find(Filters.exists("outbox.ceId")).into(new ArrayList<>()); // a sweep
        assertThat(IdFirstH2Database.SCANNED.sum() - before).as("whole-collection reads").isZero();
        assertThat(due).isNotEmpty().allSatisfy(d -> assertThat(d.getString("status")).isEqualTo("SCHEDULED"));
        assertThat(commune).hasSizeBetween(300, 700);
        assertThat(waiting).hasSize((int) docs.stream().filter(d -> !d.getList("outbox", Document.class).isEmpty())
                .count()).hasSizeBetween(400, 1000);
        // a condition the index cannot narrow still reads the collection, and answers right
        assertThat(contents.countDocuments(Filters.ne("status", "SCHEDULED"))).isEqualTo(
                docs.stream().filter(d -> !"SCHEDULED".equals(d.get("status"))).count());
        assertThat(IdFirstH2Database.SCANNED.sum() - before).isPositive();
    }

    @Test
    void aQueryReadsOnlyTheCandidatesOfItsNarrowestCondition() throws Exception {
        MongoCollection<Document> contents = open("contents");
        // content-service's indexes: a commune's items newest first, and a task's
        contents.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("createdAt")));
        contents.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "taskIds"),
                Indexes.descending("createdAt")));
        Random r = new Random(11);
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            docs.add(new Document("_id", "item-" + i).append("tenantId", "2677" + r.nextInt(4))
                    .append("taskIds", List.of("task-" + r.nextInt(50), "task-" + r.nextInt(50)))
                    .append("createdAt", Date.from(T0.plusSeconds(86_400L * r.nextInt(100)))));
        }
        contents.insertMany(docs);
        Date from = Date.from(T0.plusSeconds(86_400L * 60));
        // a commune's items for a task from a day (GET /api/contents?task=…&from=…), as the controller writes it
        Bson query = Filters.and(Filters.eq("tenantId", "26771"), Filters.eq("taskIds", "task-7"),
                Filters.gte("createdAt", from));
        long ofTheTask = docs.stream().filter(d -> d.getList("taskIds", String.class).contains("task-7")).count();
        long ofTheCommune = docs.stream().filter(d -> d.get("tenantId").equals("26771")).count();
        long before = IdFirstH2Database.CANDIDATES.sum();
        TreeSet<String> found = ids(contents, query);
        long read = IdFirstH2Database.CANDIDATES.sum() - before;
        assertThat(found).isEqualTo(docs.stream().filter(d -> d.get("tenantId").equals("26771")
                && d.getList("taskIds", String.class).contains("task-7") && !d.getDate("createdAt").before(from))
                .map(d -> d.getString("_id")).collect(java.util.stream.Collectors.toCollection(TreeSet::new)))
                .isNotEmpty();
        assertThat(ofTheTask).as("the task's items, of every commune").isLessThan(ofTheCommune / 4);
        assertThat(read).as("documents read: the task's items, not the commune's %d", ofTheCommune)
                .isEqualTo(ofTheTask);
        // the later day narrows most: the range on the last field of the index, counted rather than collected
        Date lastDay = Date.from(T0.plusSeconds(86_400L * 99));
        long ofTheLastDay = docs.stream().filter(d -> !d.getDate("createdAt").before(lastDay)).count();
        before = IdFirstH2Database.CANDIDATES.sum();
        assertThat(ids(contents, Filters.and(Filters.eq("tenantId", "26771"), Filters.eq("taskIds", "task-7"),
                Filters.gte("createdAt", lastDay)))).hasSizeLessThan((int) ofTheLastDay);
        assertThat(IdFirstH2Database.CANDIDATES.sum() - before).isEqualTo(ofTheLastDay).isLessThan(ofTheTask);
        // a commune's first page, newest first: read in the order of createdAt until the page is full
        before = IdFirstH2Database.CANDIDATES.sum();
        List<Document> firstPage = contents.find(Filters.eq("tenantId", "26771")).sort(Sorts.descending("createdAt"))
                .limit(20).into(new ArrayList<>());
        long readForThePage = IdFirstH2Database.CANDIDATES.sum() - before;
        assertThat(firstPage).extracting(d -> d.getDate("createdAt")).containsExactlyElementsOf(docs.stream()
                .filter(d -> d.get("tenantId").equals("26771")).map(d -> d.getDate("createdAt"))
                .sorted(java.util.Comparator.reverseOrder()).limit(20).toList());
        assertThat(readForThePage).as("documents read for a page of 20 of the commune's %d", ofTheCommune)
                .isEqualTo(20);
        // the list's count (Spring Data's count is countDocuments, an aggregation): the same candidates, no scan
        long scans = IdFirstH2Database.SCANNED.sum();
        before = IdFirstH2Database.CANDIDATES.sum();
        assertThat(contents.countDocuments(query)).isEqualTo(found.size());
        assertThat(IdFirstH2Database.CANDIDATES.sum() - before).isEqualTo(ofTheTask);
        assertThat(IdFirstH2Database.SCANNED.sum() - scans).as("whole-collection reads").isZero();
        // an aggregation that groups what a $match narrowed: the same answer as on the whole collection
        List<Document> byCommune = contents.aggregate(List.of(
                new Document("$match", new Document("taskIds", "task-7")),
                new Document("$group", new Document("_id", "$tenantId").append("n", new Document("$sum", 1))),
                new Document("$sort", new Document("_id", 1)))).into(new ArrayList<>());
        assertThat(byCommune).extracting(d -> d.get("_id") + "=" + d.get("n")).containsExactlyElementsOf(docs.stream()
                .filter(d -> d.getList("taskIds", String.class).contains("task-7"))
                .collect(java.util.stream.Collectors.groupingBy(d -> d.getString("tenantId"), TreeMap::new,
                        java.util.stream.Collectors.counting()))
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        assertThat(IdFirstH2Database.SCANNED.sum() - scans).as("whole-collection reads").isZero();
    }

    @Test
    void aWalkInTheSortsOrderPutsDocumentsWithoutTheFieldWhereMongoDbSortsThem() {
        FieldValuesIndex index = new FieldValuesIndex("by-day", List.of(
                new de.bwaldvogel.mongo.backend.IndexKey("day", false)), false);
        java.util.Set<Object> all = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 6; i++) {
            de.bwaldvogel.mongo.bson.Document d = new de.bwaldvogel.mongo.bson.Document("_id", "d" + i);
            if (i % 3 != 0) { // d0 and d3 have no day
                d.put("day", i);
            }
            index.add(d, "d" + i, null);
            all.add("d" + i);
        }
        FieldValuesIndex.Field day = index.field("day").orElseThrow();
        // descending: highest first, then the documents without the field (they sort lowest, as null does)
        assertThat(day.inOrder(all, true, 6).orElseThrow().toList()).containsExactly("d5", "d4", "d2", "d1", "d0",
                "d3");
        // ascending: they would come first, and which they are is not kept: no walk, the collection sorts
        assertThat(day.inOrder(all, false, 6)).isEmpty();
        // ascending when every document of the collection has the field: lowest first
        assertThat(day.inOrder(java.util.Set.of("d1", "d2", "d4"), false, 4).orElseThrow().toList())
                .containsExactly("d1", "d2", "d4");
        // a value that cannot be ordered (null) among the candidates: no walk either way
        index.add(new de.bwaldvogel.mongo.bson.Document("_id", "d6").append("day", null), "d6", null);
        assertThat(day.inOrder(java.util.Set.of("d1", "d6"), true, 7)).isEmpty();
    }
}
