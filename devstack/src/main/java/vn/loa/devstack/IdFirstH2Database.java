package vn.loa.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database whose collections find a document by its {@code _id} when a query names one,
 * whatever else the query asks. The library uses an index only when the query has exactly the index's fields, so
 * {@code {_id: x, revision: 3}} — every revision-guarded write in Loa, every outbox claim — scanned and deserialised
 * the whole collection. A real MongoDB serves such a query from the {@code _id} index; this does the same: it looks the
 * document up by {@code _id} (or the documents of an {@code _id: {$in: […]}}), then applies the whole query to them.
 * Same results, without the scan.
 */
final class IdFirstH2Database extends H2Database {

    /** H2Database's own store: its constructor already opens collections, before a field of ours could be set. */
    private static final java.lang.reflect.Field STORE;

    static {
        try {
            STORE = H2Database.class.getDeclaredField("mvStore");
            STORE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Where collections find the journal (null: changes are not journaled). */
    private final DurableH2Backend backend;

    IdFirstH2Database(String name, MVStore store, CursorRegistry cursors, DurableH2Backend backend) {
        super(name, store, cursors); // opens the existing collections: they read the backend only when they write
        this.backend = backend;
    }

    /**
     * The journal that records this database's changes now, if any. A collection's documents are journaled; the
     * database's own catalogue ({@code system.namespaces}, {@code system.indexes}) is not: what changes it — creating
     * or dropping a collection or an index — checkpoints the store at once, and a collection that an insert created
     * is created again when its documents are put back.
     */
    Journal journal(String collection) {
        return backend == null || collection.startsWith("system.") ? null : backend.journal();
    }

    /** The store this database's collections live in. */
    MVStore store() {
        try {
            return (MVStore) STORE.get(this);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
        String ns = getFullCollectionNamespace(name);
        MVStore store = store();
        // H2Database's map names; the documents as BSON (StandInStore)
        MVMap<Object, Document> data = StandInStore.documents(store, StandInStore.DOCUMENTS + ns);
        MVMap<String, Object> meta = store.openMap("meta." + ns);
        return new IdFirstCollection(this, name, options, data, meta, cursorRegistry);
    }

    /**
     * A unique index found through a hash map in memory ({@link HashedUniqueIndex}), written to the store's map that
     * the library's own index uses (same name: {@code <namespace>._index_<index>}).
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
            java.util.List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
        MVMap<de.bwaldvogel.mongo.backend.KeyValue, Object> stored = store().openMap(
                getFullCollectionNamespace(collectionName) + "._index_" + indexName);
        return new HashedUniqueIndex(stored, indexName, keys, sparse);
    }

    /**
     * A non-unique index: kept in memory by the values of its fields that are plain paths ({@link FieldValuesIndex});
     * one with no such field, as the library does, not kept (its queries read the collection).
     */
    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
            java.util.List<de.bwaldvogel.mongo.backend.IndexKey> keys, boolean sparse) {
        if (FieldValuesIndex.canIndex(keys)) {
            return new FieldValuesIndex(indexName, keys, sparse);
        }
        return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
    }

    /**
     * Every command runs with the store's version pinned, writes too: an update walks the pages of the version it
     * started on as a query does ({@link IdFirstCollection#handleQuery}), and with the store's chunks rewritten beside
     * it met "Chunk … not found" (1 of 5 runs of {@code ReadsWhileTheStoreIsRewrittenTest}, which keeps no older
     * version; MVStore's own transactions pin their writes the same way).
     */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases,
            Oplog oplog) {
        MVStore store = store();
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            if (command.equalsIgnoreCase("aggregate")) {
                Document answer = aggregateFromAnIndex(channel, query, databases, oplog);
                if (answer != null) {
                    return answer;
                }
            }
            if (command.equalsIgnoreCase("find") && ReplyBatches.unbounded(query)) {
                return ReplyBatches.firstBatch(cursorRegistry, super.handleCommand(channel, command,
                        ReplyBatches.oneFirst(query), databases, oplog));
            }
            return super.handleCommand(channel, command, query, databases, oplog);
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }

    /**
     * An aggregation whose pipeline starts with a {@code $match} that the in-memory indexes can narrow, run on that
     * match's candidates, as MongoDB serves a leading {@code $match} from an index; null for any other (the library
     * answers it). The library runs every pipeline on the whole collection, and {@code countDocuments} is an
     * aggregation ({@code $match}, {@code $group}): every count — one with each page of a list, Spring Data's
     * {@code count} — read and copied every document of the collection.
     */
    private Document aggregateFromAnIndex(Channel channel, Document query, DatabaseResolver databases, Oplog oplog) {
        if (!(query.get("aggregate") instanceof String name && query.get("pipeline") instanceof java.util.List<?> stages
                && !stages.isEmpty() && stages.getFirst() instanceof Document first && first.size() == 1
                && first.get("$match") instanceof Document match
                && resolveCollection(name, false) instanceof IdFirstCollection collection)) {
            return null;
        }
        Aggregation pipeline = Aggregation.fromPipeline(stages, databases, this, collection, oplog);
        pipeline.validate(query);
        if (pipeline.isModifying()) {
            return null; // $out, $merge
        }
        return collection.aggregateCandidates(match, pipeline).map(result -> {
            clearLastStatus(channel);
            Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(name))
                    .append("firstBatch", result);
            return new Document("cursor", cursor).append("ok", 1.0);
        }).orElse(null);
    }

    /** Queries answered by reading the whole collection, since the start (no index could serve them). */
    static final java.util.concurrent.atomic.LongAdder SCANNED = new java.util.concurrent.atomic.LongAdder();

    /** Documents read because an index named them, since the start (a query's candidates). */
    static final java.util.concurrent.atomic.LongAdder CANDIDATES = new java.util.concurrent.atomic.LongAdder();

    /** With {@code -Dloa.mongo.scan-log=true}: how many queries scanned each collection, by query shape. */
    static final java.util.Map<String, Long> SCANS = Boolean.getBoolean("loa.mongo.scan-log")
            ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    static final java.util.Map<String, Integer> SIZES = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        if (SCANS != null) {
            Thread.ofPlatform().daemon().name("scan-log").start(() -> {
                while (true) {
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    StringBuilder b = new StringBuilder("collection scans in the last 10 s:");
                    SCANS.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                            .limit(15).forEach(e -> b.append("\n  ").append(e.getValue()).append(" × ")
                                    .append(e.getKey()).append(" (").append(SIZES.get(e.getKey())).append(" docs)"));
                    SCANS.clear();
                    org.slf4j.LoggerFactory.getLogger(IdFirstH2Database.class).info(b.toString());
                }
            });
        }
    }

    private static String shape(Document query) {
        StringBuilder b = new StringBuilder("{");
        query.forEach((k, v) -> b.append(k).append(v instanceof Document d ? ":" + d.keySet() : "").append(' '));
        return b.append('}').toString();
    }

    static final class IdFirstCollection extends H2Collection {

        private final IdFirstH2Database db;

        IdFirstCollection(IdFirstH2Database db, String name, CollectionOptions options, MVMap<Object, Document> data,
                MVMap<String, Object> meta, CursorRegistry cursors) {
            super(db, name, options, data, meta, cursors);
            this.db = db;
        }

        /**
         * A query without the collection's monitor: the library synchronises every query on it, so reads queued behind
         * each other and behind every write and scan of a busy collection (147 s of monitor waits in 30 s on one
         * collection under the end-to-end benchmark, ADR 0019). Reads need no lock here: MVStore's maps are safe to
         * read while they are written, and a stored document is only ever replaced whole, never changed in place
         * ({@link #ownCopies}, {@link #addDocumentInternal}), so a query sees each document before or after a write,
         * as a MongoDB read without a transaction does. Writes keep the monitor. The one structure that is not safe
         * to read during a change is the library's list of indexes (an index created on a collection that is being
         * read): then the query is run again under the monitor.
         */
        @Override
        public QueryResult handleQuery(QueryParameters parameters) {
            return pinned(() -> besideIndexChanges(() -> query(parameters)));
        }

        /** A read, run again under the monitor if the library's list of indexes changed under it. */
        private <T> T besideIndexChanges(java.util.function.Supplier<T> read) {
            try {
                return read.get();
            } catch (java.util.ConcurrentModificationException e) {
                synchronized (this) {
                    return read.get();
                }
            }
        }

        /**
         * Runs a read with the store's current version pinned ({@code registerVersionUsage}, as MVStore's own
         * transactions do): a read walks the pages of the version it started on, and without the pin the store may
         * drop the chunks that hold them once writes beside it, commits and compaction have moved on ("Chunk … not
         * found": an index built beside writes, fault suite of 07/12/2026; {@code ReadsWhileTheStoreIsRewrittenTest}).
         */
        private <T> T pinned(java.util.function.Supplier<T> read) {
            MVStore store = db.store();
            MVStore.TxCounter pin = store.registerVersionUsage();
            try {
                return read.get();
            } finally {
                store.deregisterVersionUsage(pin);
            }
        }

        /** What the library's {@code handleQuery} does, the selector's two wrapped forms included. */
        private QueryResult query(QueryParameters parameters) {
            Document selector = parameters.getQuerySelector();
            Document query = selector;
            Document orderBy = null;
            for (String[] wrapped : new String[][] {{"query", "orderby"}, {"$query", "$orderby"}}) {
                if (selector.containsKey(wrapped[0])) {
                    query = (Document) selector.get(wrapped[0]);
                    orderBy = (Document) selector.get(wrapped[1]);
                    break;
                }
            }
            return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(),
                    parameters.getBatchSize(), parameters.getProjection());
        }

        /**
         * The documents an index names, without those removed since the index was read: a query no longer holds the
         * monitor, so a delete may fall between the two.
         */
        @Override
        protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int skip,
                int limit, int batchSize, Document projection) {
            java.util.stream.Stream<Document> documents = java.util.stream.StreamSupport
                    .stream(positions.spliterator(), false).peek(position -> CANDIDATES.increment())
                    .map(this::getDocument).filter(java.util.Objects::nonNull);
            return matchDocumentsFromStream(documents, query, orderBy, skip, limit, batchSize, projection);
        }

        /**
         * A new {@link FieldValuesIndex} is filled in one read of the collection; the library reads it twice (a
         * uniqueness check first), which a non-unique index does not need — the stand-in fills every index at start.
         */
        @Override
        public synchronized void addIndex(Index<Object> index) {
            // under the collection's monitor: no write may fall between the read that fills it and its being added
            // (a document written then would be missing from it); and only when the index is new — every service
            // asks for its indexes again at each start
            boolean exists = getIndexes().stream().anyMatch(i -> i.getName().equals(index.getName()));
            if (!exists && index instanceof FieldValuesIndex values && values.isEmpty()) {
                pinned(() -> {
                    streamAllDocumentsWithPosition().forEach(d -> values.add(d.getDocument(), d.getPosition(), this));
                    return null;
                });
            }
            super.addIndex(index); // one that is not empty is taken as it is; one that exists is left as it is
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document projection) {
            Object id = namedId(query);
            // {_id: x, …} or {_id: {$in: [x, y…]}, …} — also inside a top-level $and, as the driver's Filters.and
            // writes it — the documents named, then the whole query applied to them
            boolean oneId = id != null && !(id instanceof Document) && !(id instanceof java.util.Collection);
            boolean someIds = id instanceof Document d && d.size() == 1 && d.get("$in") instanceof java.util.Collection;
            if ((query.size() > 1 || !query.containsKey("_id")) && (oneId || someIds)) {
                for (Index<Object> index : getIndexes()) {
                    Document byId = new Document("_id", id);
                    if (index.canHandle(byId)) {
                        return ownCopies(matchDocuments(query, index.getPositions(byId), orderBy, skip, limit,
                                batchSize, projection));
                    }
                }
            }
            java.util.Optional<FieldValuesIndex.Narrowing> narrowest = narrowest(query);
            if (narrowest.isPresent()) {
                Set<Object> candidates = narrowest.get().positions();
                // a page of a long list: read in the sort's order, as far as the page needs
                java.util.Optional<java.util.stream.Stream<Object>> inOrder = java.util.Optional.empty();
                if (limit > 0 && candidates.size() > 4L * (skip + limit)) {
                    inOrder = inOrderOfTheSort(candidates, orderBy);
                }
                if (inOrder.isPresent()) {
                    return ownCopies(matchFirst(inOrder.get(), query, orderBy, skip, limit, batchSize, projection));
                }
                return ownCopies(matchDocuments(query, candidates, orderBy, skip, limit, batchSize, projection));
            }
            boolean scan = getIndexes().stream().noneMatch(i -> i.canHandle(query));
            if (scan) {
                SCANNED.increment();
            }
            if (SCANS != null && scan && !getCollectionName().startsWith("system.")) {
                String shape = getFullName() + " " + shape(query) + (orderBy == null || orderBy.isEmpty() ? ""
                        : " sort " + orderBy.keySet()) + " (" + count() + " docs)";
                SCANS.merge(shape.replaceAll("\\(\\d+ docs\\)", ""), 1L, Long::sum);
                SIZES.put(shape.replaceAll("\\(\\d+ docs\\)", ""), count());
            }
            return ownCopies(super.queryDocuments(query, orderBy, skip, limit, batchSize, projection));
        }

        /**
         * The candidates in the order a one-field sort asks for, from an in-memory index that keeps that field (one
         * kept in the sort's direction if there is one); empty when none does or the field cannot order them
         * ({@link FieldValuesIndex.Field#inOrder}).
         */
        private java.util.Optional<java.util.stream.Stream<Object>> inOrderOfTheSort(Set<Object> candidates,
                Document orderBy) {
            if (orderBy == null || orderBy.size() != 1 || !(orderBy.values().iterator().next() instanceof Number way)) {
                return java.util.Optional.empty();
            }
            String path = orderBy.keySet().iterator().next();
            boolean descending = way.intValue() < 0;
            FieldValuesIndex.Field best = null;
            for (Index<Object> index : getIndexes()) {
                if (index instanceof FieldValuesIndex values) {
                    var field = values.field(path);
                    if (field.isPresent() && (best == null || field.get().descending == descending)) {
                        best = field.get(); // one kept in the sort's own order reads forwards: the best
                    }
                }
            }
            return best == null ? java.util.Optional.empty() : best.inOrder(candidates, descending, count());
        }

        /**
         * A sorted page read from candidates already in the sort's order: documents are read and matched only until
         * the page is full (a commune's first page of 20 newest items: about 20 reads, not one per item the commune
         * ever wrote). The library then sorts that short list, which keeps the order of equal values, so the pages of
         * one list follow each other.
         */
        private QueryResult matchFirst(java.util.stream.Stream<Object> inOrder, Document query, Document orderBy,
                int skip, int limit, int batchSize, Document projection) {
            QueryMatcher matcher = new DefaultQueryMatcher();
            java.util.List<Document> page = inOrder.peek(position -> CANDIDATES.increment()).map(this::getDocument)
                    .filter(java.util.Objects::nonNull).filter(document -> matcher.matches(document, query))
                    .limit((long) skip + limit).toList();
            return matchDocumentsFromStream(page.stream(), query, orderBy, skip, limit, batchSize, projection);
        }

        /**
         * Of the conditions of the query that the in-memory indexes can narrow by, the one with the fewest candidates
         * (the library takes the first index that can answer: for a commune's items of one task, {@code {tenantId,
         * createdAt}}, and so every item of the commune, though {@code taskIds} names a few). Empty when another kind
         * of index (a unique one, which names at most one document) can answer, or none can: then the library
         * chooses.
         */
        private java.util.Optional<FieldValuesIndex.Narrowing> narrowest(Document query) {
            FieldValuesIndex.Narrowing best = null;
            for (Index<Object> index : getIndexes()) {
                if (index instanceof FieldValuesIndex values) {
                    var narrowing = values.narrowest(query, best == null ? Long.MAX_VALUE : best.candidates());
                    if (narrowing.isPresent()) {
                        best = narrowing.get();
                    }
                } else if (index.canHandle(query)) {
                    return java.util.Optional.empty();
                }
            }
            return java.util.Optional.ofNullable(best);
        }

        /**
         * The pipeline run on the candidates of {@code match} (each a copy, as a query hands out; its own
         * {@code $match} then applies the whole condition to them); empty when no in-memory index can narrow it. Only
         * reached from a command, which has pinned the store's version ({@link IdFirstH2Database#handleCommand}).
         */
        java.util.Optional<java.util.List<Document>> aggregateCandidates(Document match, Aggregation pipeline) {
            return besideIndexChanges(() -> narrowest(match)).map(n -> pipeline.runStages(n.positions().stream()
                    .peek(position -> CANDIDATES.increment()).map(this::getDocument)
                    .filter(java.util.Objects::nonNull).map(Document::cloneDeeply)));
        }

        /** The {@code _id} condition of a query: its own, or that of one of the conditions of its top-level $and. */
        private static Object namedId(Document query) {
            if (query.containsKey("_id")) {
                return query.get("_id");
            }
            if (query.size() == 1 && query.get("$and") instanceof java.util.List<?> conditions) {
                for (Object condition : conditions) {
                    if (condition instanceof Document d && d.containsKey("_id")) {
                        return d.get("_id");
                    }
                }
            }
            return null;
        }

        /**
         * The library hands a query's documents to an update, which changes them in place: without a projection they
         * are the very objects held in the store's pages, which MVStore may be writing to the file at that moment
         * (a ConcurrentModificationException in the serialiser, after which MVStore closes the store). Each query
         * hands out copies instead; the store's own objects are only ever replaced, never changed.
         */
        @Override
        protected Object addDocumentInternal(Document document) {
            return super.addDocumentInternal(document.cloneDeeply()); // the caller keeps using its own
        }

        // Each change is recorded right after it is made, still under the collection's lock (the library's write
        // methods are synchronized), so one document's records are in the journal in the order of its changes.
        //
        // "Made" means in the data *and in every index*: a checkpoint's commit may fall in the middle of a write, and
        // the record is what repairs that (a checkpoint starts a new segment, commits, then drops the older ones, so
        // a record written after the checkpoint started survives it, and one written before it means the whole change
        // was made before the commit). An insert used to be recorded between the data and the index (the library
        // adds to the indexes after addDocumentInternal): a checkpoint there, then a kill within the second, left a
        // document its _id index did not name and no record to put it back — an upsert of it then failed for good
        // ("Document with key … already existed", chaos run of 06/12/2026).

        @Override
        public synchronized void addDocument(Document document) {
            super.addDocument(document);
            record(journal -> journal.put(getDatabaseName(), getCollectionName(), document));
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            record(journal -> journal.put(getDatabaseName(), getCollectionName(), newDocument));
        }

        @Override
        protected void removeDocument(Object position) {
            super.removeDocument(position);
            record(journal -> journal.remove(getDatabaseName(), getCollectionName(), position));
        }

        /**
         * Sets one document to its journaled state ({@code null}: removed) while the journal is put back, whatever a
         * commit caught of an earlier change to it: a commit can fall between a write's index and data changes, so
         * the data may hold a document its {@code _id} index does not name, or the other way round.
         */
        synchronized void putBack(Object id, Document state) {
            Document byId = new Document("_id", id);
            Document stored = getDocument(id);
            if (stored != null) {
                getIndexes().forEach(index -> index.remove(stored));
                super.removeDocument(id);
            }
            getIndexes().stream().filter(index -> index.canHandle(byId)).forEach(index -> index.remove(byId));
            if (state != null) {
                addDocument(state);
            }
        }

        private void record(java.util.function.Consumer<Journal> change) {
            Journal journal = db.journal(getCollectionName());
            if (journal != null) {
                change.accept(journal);
            }
        }

        private static QueryResult ownCopies(QueryResult result) {
            java.util.List<Document> copies = new java.util.ArrayList<>();
            for (Document d : result) {
                copies.add(d.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        }
    }
}
