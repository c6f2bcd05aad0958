package vn.loa.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * A non-unique index for the stand-in, which mongo-java-server does not have: it accepts such an index and then
 * answers every query on its fields by reading the whole collection, so a query's cost grew with the collection
 * (ADR 0020). This one keeps, in memory, the documents by the value of the index's <em>first</em> field (each element
 * of an array: a multikey index), rebuilt from the documents when the stand-in starts.
 *
 * <p>It answers with <em>candidates</em>: the documents whose first field is equal to the query's value, one of its
 * {@code $in} values, within its {@code $gt}/{@code $gte}/{@code $lt}/{@code $lte} bound, or present at all for
 * {@code $exists: true}; the collection then applies the whole query to each, as for every index. So a candidate too
 * many costs a read, never a wrong answer; a document that could match is never left out: what the index cannot place
 * in order (a {@code null}, an empty or nested array, a value of a type it cannot compare) is a candidate of every
 * query. A query it cannot narrow this way (no condition on the first field, {@code $ne}, a regular expression, a
 * {@code null} or a document or array operand) is not handled, and the collection is read as before.
 *
 * <p>Writes change it under the collection's lock (the library's write methods are synchronized); queries read it
 * without a lock, so its maps are concurrent ones.
 */
final class LeadingFieldIndex extends Index<Object> {

    private static final ValueComparator ORDER = ValueComparator.asc();

    private final String field;
    private final NavigableMap<Object, Set<Object>> byValue = new ConcurrentSkipListMap<>(ORDER);
    /** Documents whose value of the field the index cannot order: a candidate of every query. */
    private final Set<Object> unordered = ConcurrentHashMap.newKeySet();
    /** Documents that have the field (sparse or not, one without it matches none of the conditions answered here). */
    private final Map<Object, Boolean> indexed = new ConcurrentHashMap<>();

    LeadingFieldIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.getFirst().getKey();
    }

    /** Whether an index on these fields can be kept here: its first field is a plain path, with no array position. */
    static boolean canIndex(List<IndexKey> keys) {
        String first = keys.getFirst().getKey();
        return !first.equals("_id") && !first.startsWith("$")
                && Utils.splitPath(first).stream().noneMatch(part -> part.isEmpty() || part.chars().allMatch(Character::isDigit));
    }

    // positions: the H2 collection's, the document's _id

    @Override
    public Object getPosition(Document document) {
        return document.get("_id");
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, Object position, MongoCollection<Object> collection) {
        Entry entry = entry(document);
        if (entry != null) {
            put(entry, position);
        }
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = document.get("_id");
        Entry entry = entry(document);
        if (entry != null) {
            take(entry, null, position);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    /**
     * The new values are added before the old ones are taken away, so a query running beside the change finds the
     * document under one value or both (the collection then applies the whole query to the document as it is), never
     * under neither.
     */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        Entry before = entry(oldDocument);
        Entry after = entry(newDocument);
        if (java.util.Objects.equals(before, after)) {
            return; // the common case: a write that does not change the indexed field
        }
        if (after != null) {
            put(after, position);
        }
        if (before != null) {
            take(before, after, position);
        }
    }

    /** Where a document is in the index: the field's orderable values, and whether it has others. Null: no field. */
    private record Entry(List<Object> values, boolean unordered) {
    }

    private Entry entry(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        if (value instanceof Missing) {
            return null;
        }
        if (value instanceof Collection<?> c && c.isEmpty() && !new DefaultQueryMatcher().matches(document,
                new Document(field, new Document("$exists", true)))) {
            // a path through an empty array, or through elements that lack the field ({outbox: []} for outbox.ceId):
            // the field is not there, as for MongoDB. (A field whose value is [] is there.)
            return null;
        }
        List<Object> values = new ArrayList<>();
        boolean unordered = false;
        if (value instanceof Collection<?> elements && !elements.isEmpty()) {
            for (Object element : elements) {
                if (element instanceof Missing) {
                    continue; // an element of an array of documents without the field
                }
                if (orderable(element)) {
                    values.add(element);
                } else {
                    unordered = true;
                }
            }
        } else if (orderable(value)) {
            values.add(value);
        } else {
            unordered = true; // null, an empty array, a value it cannot compare
        }
        return new Entry(values, unordered);
    }

    private void put(Entry entry, Object position) {
        indexed.put(position, Boolean.TRUE);
        if (entry.unordered()) {
            unordered.add(position);
        }
        for (Object value : entry.values()) {
            byValue.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(position);
        }
    }

    /** Takes away what {@code entry} put, except what {@code kept} (the document's new entry, if any) holds too. */
    private void take(Entry entry, Entry kept, Object position) {
        if (kept == null) {
            indexed.remove(position);
        }
        if (entry.unordered() && (kept == null || !kept.unordered())) {
            unordered.remove(position);
        }
        for (Object value : entry.values()) {
            if (kept != null && kept.values().stream().anyMatch(v -> ORDER.compare(v, value) == 0)) {
                continue;
            }
            byValue.computeIfPresent(value, (k, positions) -> {
                positions.remove(position);
                return positions.isEmpty() ? null : positions;
            });
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return conditions(query).stream().anyMatch(LeadingFieldIndex::narrows);
    }

    /**
     * The query's conditions on the field: its own and those inside a top-level {@code $and} (the driver's
     * {@code Filters.and} writes every query that way). All of them must hold, so any one narrows.
     */
    private List<Object> conditions(Document query) {
        List<Object> conditions = new ArrayList<>();
        if (query.containsKey(field)) {
            conditions.add(query.get(field));
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document d && d.containsKey(field)) {
                    conditions.add(d.get(field));
                }
            }
        }
        return conditions;
    }

    private static boolean narrows(Object condition) {
        if (condition instanceof Document operators) {
            return operators.entrySet().stream().anyMatch(e -> narrows(e.getKey(), e.getValue()));
        }
        return operand(condition);
    }

    private static boolean narrows(String operator, Object operand) {
        return switch (operator) {
            case "$eq", "$gt", "$gte", "$lt", "$lte" -> operand(operand);
            case "$in" -> operand instanceof Collection<?> values && values.stream().allMatch(LeadingFieldIndex::operand);
            case "$exists" -> Boolean.TRUE.equals(operand) || operand instanceof Number n && n.doubleValue() != 0;
            default -> false;
        };
    }

    /** A value this index can look up: not null, not a document, array or regular expression, and comparable. */
    private static boolean operand(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document)
                && !(value instanceof Collection) && !(value instanceof Pattern)
                && !(value instanceof BsonRegularExpression) && orderable(value);
    }

    private static boolean orderable(Object value) {
        if (value == null || value instanceof Collection || value instanceof Missing) {
            return false;
        }
        try {
            return ORDER.compare(value, value) == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Set<Object> candidates = new LinkedHashSet<>();
        Object condition = conditions(query).stream().filter(LeadingFieldIndex::narrows).findFirst().orElseThrow();
        if (condition instanceof Document operators) {
            Map.Entry<String, Object> narrowing = operators.entrySet().stream()
                    .filter(e -> narrows(e.getKey(), e.getValue())).findFirst().orElseThrow();
            collect(narrowing.getKey(), narrowing.getValue(), candidates); // the collection applies the others
        } else {
            collect("$eq", condition, candidates);
        }
        candidates.addAll(unordered);
        return candidates;
    }

    private void collect(String operator, Object operand, Set<Object> into) {
        switch (operator) {
            case "$eq" -> into.addAll(byValue.getOrDefault(operand, Set.of()));
            case "$in" -> ((Collection<?>) operand).forEach(v -> into.addAll(byValue.getOrDefault(v, Set.of())));
            case "$gt" -> byValue.tailMap(operand, false).values().forEach(into::addAll);
            case "$gte" -> byValue.tailMap(operand, true).values().forEach(into::addAll);
            case "$lt" -> byValue.headMap(operand, false).values().forEach(into::addAll);
            case "$lte" -> byValue.headMap(operand, true).values().forEach(into::addAll);
            case "$exists" -> into.addAll(indexed.keySet());
            default -> throw new IllegalArgumentException(operator);
        }
    }

    /**
     * What the index holds, as text in a fixed order (the tests compare it with an index rebuilt from the documents:
     * an entry left behind by a change would make it differ, though no query would show it).
     */
    List<String> contents() {
        List<String> lines = new ArrayList<>();
        // a number as a double: 3, 3L and 3.0 are one key, held as whichever came first
        byValue.forEach((value, positions) -> lines.add((value instanceof Number n ? n.doubleValue() : value) + " = "
                + sorted(positions)));
        lines.add("unordered = " + sorted(unordered));
        lines.add("indexed = " + sorted(indexed.keySet()));
        return lines;
    }

    private static List<String> sorted(Collection<Object> positions) {
        return positions.stream().map(String::valueOf).sorted().toList();
    }

    @Override
    public long getCount() {
        return indexed.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        byValue.clear();
        unordered.clear();
        indexed.clear();
    }
}
