package vn.loa.testsupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * mongo-java-server's in-memory backend, whose stored documents never leave it. The library changes a document in
 * place during an update, and without a projection a query answers the very objects it stores: another client's
 * reply holding such an object could be encoded while the update changed it ({@code ConcurrentModificationException}
 * in the wire encoder, a failed reply). Here each query answers copies, an update stores its changed copy, and an
 * insert stores a copy of what it was given — what devstack's {@code IdFirstH2Database} does for the embedded default.
 */
public final class CopyingMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new CopyingDatabase(databaseName, getCursorRegistry());
    }

    private static final class CopyingDatabase extends MemoryDatabase {

        CopyingDatabase(String name, CursorRegistry cursors) {
            super(name, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
            return new CopyingCollection(this, name, options, cursorRegistry);
        }
    }

    private static final class CopyingCollection extends MemoryCollection {

        /** MemoryCollection's own list (private): an update replaces the stored object instead of relying on identity. */
        private static final Field DOCUMENTS;

        static {
            try {
                DOCUMENTS = MemoryCollection.class.getDeclaredField("documents");
                DOCUMENTS.setAccessible(true);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        CopyingCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        /**
         * A query that names an {@code _id} (or an {@code _id: {$in: […]}}) looks the documents up by it and applies the
         * whole query to them, as MongoDB's {@code _id} index does (the library uses an index only when the query has
         * exactly the index's fields, so every revision-guarded write scanned the collection) — like devstack's
         * {@code IdFirstH2Database}, so that tests and benchmarks meet the costs the embedded default has.
         */
        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document projection) {
            QueryResult result = idFirst(query, orderBy, skip, limit, batchSize, projection);
            List<Document> copies = new ArrayList<>();
            for (Document d : result) {
                copies.add(d.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        }

        private QueryResult idFirst(Document query, Document orderBy, int skip, int limit, int batchSize,
                Document projection) {
            Object id = query.get("_id");
            boolean oneId = id != null && !(id instanceof Document) && !(id instanceof Collection);
            boolean someIds = id instanceof Document d && d.size() == 1 && d.get("$in") instanceof Collection;
            if (query.size() > 1 && (oneId || someIds)) {
                Document byId = new Document("_id", id);
                for (Index<Integer> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize,
                                projection);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            return super.addDocumentInternal(document.cloneDeeply());
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
            try {
                ((List<Document>) DOCUMENTS.get(this)).set(position, newDocument);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
