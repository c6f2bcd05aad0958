package vn.loa.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Putting the journal back over what a commit caught. A commit can fall between a write's change of the {@code _id}
 * index and of the data (seen once on a fresh clone: the restarted stand-in stopped at "Document with key '262'
 * already existed"), so the store may hold a document that its index does not name. Putting back its journaled state
 * must set it all the same.
 */
class JournalPutBackTest {

    @TempDir
    Path dir;

    private MVStore store;
    private DurableH2Backend backend;
    private MongoCollection<?> docs;

    @BeforeEach
    void open() {
        store = StandInStore.open(dir.resolve("t.mv").toString());
        backend = new DurableH2Backend(store, true, false, Duration.ofHours(1));
        docs = backend.resolveDatabase("db").createCollectionOrThrowIfExists("docs");
        docs.addDocument(new Document("_id", 262).append("n", 1));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void aDocumentTheDataHoldsButItsIndexDoesNotNameIsPutBack() {
        String idIndex = store.getMapNames().stream().filter(n -> n.contains("docs") && n.contains("_id_"))
                .findFirst().orElseThrow();
        var index = store.openMap(idIndex);
        assertThat(index.size()).as("the index names the one document").isEqualTo(1);
        index.remove(index.firstKey());

        backend.putBack(new Journal.Change(Journal.PUT, "db", "docs", new Document("_id", 262).append("n", 2)));

        assertThat(docs.count()).isEqualTo(1);
        assertThatThrownBy(() -> docs.addDocument(new Document("_id", 262)))
                .as("the index names it again").hasMessageContaining("duplicate key");
    }

    @Test
    void aRemovalIsPutBackTheSameWay() {
        backend.putBack(new Journal.Change(Journal.REMOVE, "db", "docs", new Document("_id", 262)));
        backend.putBack(new Journal.Change(Journal.REMOVE, "db", "docs", new Document("_id", 262)));
        assertThat(docs.count()).as("removed, and removing again changes nothing").isZero();
        backend.putBack(new Journal.Change(Journal.PUT, "db", "docs", new Document("_id", 262).append("n", 3)));
        backend.putBack(new Journal.Change(Journal.PUT, "db", "docs", new Document("_id", 262).append("n", 3)));
        assertThat(docs.count()).as("put back twice, held once").isEqualTo(1);
    }
}
