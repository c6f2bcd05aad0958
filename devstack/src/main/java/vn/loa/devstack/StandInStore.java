package vn.loa.devstack;

import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's MVStore file: {@code loa-bson.mv} in the data directory, its documents stored as BSON
 * ({@link BsonDocumentType}), with a page cache of {@code -Dloa.mongo.cache-mb} (default 64) instead of MVStore's 16.
 *
 * <p>A data directory from before holds {@code loa.mv}, whose documents are Java-serialised. It is converted once, at
 * the first start that finds it without a {@code loa-bson.mv}: every map is copied (documents re-encoded as BSON,
 * indexes and collection metadata as they are) into a temporary file that is renamed only when complete, and the old
 * file is kept as {@code loa.mv.before-bson} (delete it once the data has been checked).
 */
final class StandInStore {

    private static final Logger log = LoggerFactory.getLogger(StandInStore.class);

    /** mongo-java-server's H2Database names a collection's document map {@code databases.<db>.<collection>}. */
    static final String DOCUMENTS = "databases.";
    static final String FILE = "loa-bson.mv";
    static final String OLD_FILE = "loa.mv";

    private StandInStore() {
    }

    static MVStore open(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Path old = dir.resolve(OLD_FILE);
        if (!Files.exists(file) && Files.exists(old)) {
            convert(old, file);
        }
        return open(file.toString());
    }

    static MVStore open(String file) {
        return new MVStore.Builder().fileName(file).cacheSize(Integer.getInteger("loa.mongo.cache-mb", 64))
                .backgroundExceptionHandler((thread, e) -> log.error("MVStore failed in {}", thread.getName(), e))
                .open();
    }

    /** The document map of a collection, its values as BSON. */
    static MVMap<Object, Document> documents(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
    }

    private static void convert(Path old, Path file) throws IOException {
        long started = System.nanoTime();
        Path partial = file.resolveSibling(FILE + ".partial");
        Files.deleteIfExists(partial);
        long documents = 0;
        MVStore from = MVStore.open(old.toString());
        try {
            MVStore to = open(partial.toString());
            try {
                for (String name : from.getMapNames()) {
                    MVMap<Object, Object> source = from.openMap(name);
                    if (name.startsWith(DOCUMENTS)) {
                        MVMap<Object, Document> target = documents(to, name);
                        for (var e : source.entrySet()) {
                            target.put(e.getKey(), (Document) e.getValue());
                            documents++;
                        }
                    } else {
                        MVMap<Object, Object> target = to.openMap(name);
                        source.forEach(target::put);
                    }
                    to.commit();
                }
            } finally {
                to.close();
            }
        } finally {
            from.close();
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        Files.move(old, old.resolveSibling(OLD_FILE + ".before-bson"), StandardCopyOption.REPLACE_EXISTING);
        log.info("Converted {} ({} documents) to BSON in {} in {} ms; the old file is kept as {}.before-bson",
                old, documents, file, (System.nanoTime() - started) / 1_000_000, OLD_FILE);
    }
}
