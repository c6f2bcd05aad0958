package vn.loa.devstack;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVMap;

/**
 * A unique index — every collection's {@code _id}, and the unique keys the services declare — that finds a key in a
 * hash map in memory. The library's H2 index finds it in the store's B-tree, whose key type compares two keys by
 * serialising both with Java serialisation at every step of the search: under the end-to-end benchmark at 20
 * publications a second that was the stand-in's largest cost (17 % of its samples), and it ran under the collection's
 * lock for every update and {@code findAndModify}, which all look their document up by {@code _id}. The memory backend
 * of the library keeps its unique indexes in a hash map the same way ({@link KeyValue}'s {@code equals}).
 *
 * <p>The store's map is still written (an insert or a delete pays the B-tree's comparisons as before) so that a store
 * stays readable by the library's own index; at start the hash map is filled from it.
 */
final class HashedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> stored;
    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    HashedUniqueIndex(MVMap<KeyValue, Object> stored, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.stored = stored;
        for (Map.Entry<KeyValue, Object> e : stored.entrySet()) {
            positions.put(e.getKey(), e.getValue());
        }
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        positions.remove(key);
        return stored.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        Object value = Missing.ofNullable(position);
        if (positions.putIfAbsent(key, value) != null) {
            return false;
        }
        stored.put(key, value);
        return true;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
