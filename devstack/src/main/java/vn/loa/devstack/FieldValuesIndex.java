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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A non-unique index for the stand-in, which mongo-java-server does not have: it accepts such an index and then
 * answers every query on its fields by reading the whole collection, so a query's cost grew with the collection
 * (ADR 0020). This one keeps, in memory, the documents by the value of <em>each</em> of the index's fields that is a
 * plain path ({@link Field}: each element of an array for itself, a multikey index), rebuilt from the documents when
 * the stand-in starts.
 *
 * <p>It answers with <em>candidates</em>: the documents whose value of one field is equal to the query's value, one of
 * its {@code $in} values, within its {@code $gt}/{@code $gte}/{@code $lt}/{@code $lte} bound, or present at all for
 * {@code $exists: true}; the collection then applies the whole query to each, as for every index. So a candidate too
 * many costs a read, never a wrong answer; a document that could match is never left out: what a field cannot place
 * in order (a {@code null}, an empty or nested array, a value of a type it cannot compare) is a candidate of every
 * query on that field. Of the conditions it could narrow by, it takes the one with the fewest candidates
 * ({@link #narrowest}): for {@code {tenantId, taskId}}, a task's documents rather than the whole commune's (ADR 0021).
 * A query it cannot narrow this way (no condition on its fields, {@code $ne}, a regular expression, a {@code null} or
 * a document or array operand) is not handled, and the collection is read as before.
 *
 * <p>Any field, not only the first, may narrow: unlike MongoDB's B-tree, whose order is the first field's, these are
 * separate maps, and a document without the field matches none of the conditions answered here.
 *
 * <p>Writes change it under the collection's lock (the library's write methods are synchronized); queries read it
 * without a lock, so its maps are concurrent ones.
 */
final class FieldValuesIndex extends Index<Object> {

    private static final ValueComparator ORDER = ValueComparator.asc();

    private final List<Field> fields;

    FieldValuesIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.fields = keys.stream().filter(key -> plainPath(key.getKey()))
                .map(key -> new Field(key.getKey(), key.isAscending())).toList();
    }

    /** Whether an index on these fields can be kept here: one of its fields at least is a plain path. */
    static boolean canIndex(List<IndexKey> keys) {
        return keys.stream().map(IndexKey::getKey).anyMatch(FieldValuesIndex::plainPath);
    }

    /** Not {@code _id} (its own unique index serves it), not an operator, no array position. */
    private static boolean plainPath(String path) {
        return !path.equals("_id") && !path.startsWith("$")
                && Utils.splitPath(path).stream()
                        .noneMatch(part -> part.isEmpty() || part.chars().allMatch(Character::isDigit));
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
        fields.forEach(field -> field.add(document, position));
    }

    @Override
    public synchronized Object remove(Document document) {
        Object position = document.get("_id");
        fields.forEach(field -> field.remove(document, position));
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        fields.forEach(field -> field.update(oldDocument, newDocument, position));
    }

    @Override
    public boolean canHandle(Document query) {
        return fields.stream().anyMatch(field -> !field.narrowings(query).isEmpty());
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return narrowest(query, Long.MAX_VALUE).orElseThrow().positions();
    }

    /**
     * Of the conditions of {@code query} this index can narrow by, the one with the fewest candidates, if it has fewer
     * than {@code fewerThan} (the best another index offers): counted, not collected, and counting stops there.
     */
    Optional<Narrowing> narrowest(Document query, long fewerThan) {
        Narrowing best = null;
        long bound = fewerThan;
        for (Field field : fields) {
            for (Map.Entry<String, Object> condition : field.narrowings(query)) {
                long count = field.count(condition.getKey(), condition.getValue(), bound);
                if (count < bound) {
                    best = new Narrowing(field, condition.getKey(), condition.getValue(), count);
                    bound = count;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** This index's field at {@code path}, if it keeps one. */
    Optional<Field> field(String path) {
        return fields.stream().filter(field -> field.path.equals(path)).findFirst();
    }

    /** One condition on one field, and how many candidates it gives. */
    record Narrowing(Field field, String operator, Object operand, long candidates) {

        Set<Object> positions() {
            return field.positions(operator, operand);
        }
    }

    /**
     * The documents by the value of one field: value → documents, in the order of the values; those whose value it
     * cannot order; those with several values; and how many have the field.
     */
    static final class Field {

        final String path;
        /**
         * Value → the documents with it: one position as itself (most values of a date or an id have one document,
         * and a set of one would cost more than the rest of the entry), more than one as a concurrent set.
         */
        private final NavigableMap<Object, Object> byValue;
        /** Whether the values are kept highest first, as the index declares the field ({@code createdAt: -1}). */
        final boolean descending;
        /** Documents whose value of the field cannot be ordered: a candidate of every query on the field. */
        private final Set<Object> unordered = ConcurrentHashMap.newKeySet();
        /**
         * How many documents have the field (one without it matches none of the conditions answered here): a count,
         * not a set — which documents have it is what the values and {@link #unordered} hold, and a set beside them
         * was about half of what the fields beyond the first cost on a grown store (ADR 0021).
         */
        private final AtomicLong withTheField = new AtomicLong();
        /**
         * Documents with more than one value of the field (an array): a candidate of every range with two bounds,
         * since each bound may be met by another element ({@code [1, 10]} matches {@code {$gt: 5, $lt: 3}}).
         */
        private final Set<Object> multivalued = ConcurrentHashMap.newKeySet();

        Field(String path, boolean ascending) {
            this.path = path;
            this.descending = !ascending;
            // in the declared order: a skip list reads forwards by links and backwards by one search per step (with
            // the library's comparator, about as costly as reading a document), so a page of a list sorted as its
            // index is declared — a commune's newest items first — reads forwards
            this.byValue = new ConcurrentSkipListMap<>(ascending ? ORDER : ORDER.reversed());
        }

        void add(Document document, Object position) {
            Entry entry = entry(document);
            if (entry != null) {
                put(entry, position);
                withTheField.incrementAndGet();
            }
        }

        void remove(Document document, Object position) {
            Entry entry = entry(document);
            if (entry != null) {
                take(entry, null, position);
                withTheField.decrementAndGet();
            }
        }

        /**
         * The new values are added before the old ones are taken away, so a query running beside the change finds
         * the document under one value or both (the collection then applies the whole query to the document as it
         * is), never under neither.
         */
        void update(Document oldDocument, Document newDocument, Object position) {
            Entry before = entry(oldDocument);
            Entry after = entry(newDocument);
            if (Objects.equals(before, after)) {
                return; // the common case: a write that does not change this field
            }
            if (after != null) {
                put(after, position);
            }
            if (before != null) {
                take(before, after, position);
            }
            if (before == null || after == null) {
                withTheField.addAndGet(before == null ? 1 : -1); // the field came, or went
            }
        }

        /** Where a document is here: the field's orderable values, and whether it has others. Null: no field. */
        private record Entry(List<Object> values, boolean unordered) {
        }

        private Entry entry(Document document) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, path);
            if (value instanceof Missing) {
                return null;
            }
            if (value instanceof Collection<?> c && c.isEmpty() && !new DefaultQueryMatcher().matches(document,
                    new Document(path, new Document("$exists", true)))) {
                // a path through an empty array, or through elements that lack the field ({outbox: []} for
                // outbox.ceId): the field is not there, as for MongoDB. (A field whose value is [] is there.)
                return null;
            }
            List<Object> values = new ArrayList<>();
            boolean unorderedValue = false;
            if (value instanceof Collection<?> elements && !elements.isEmpty()) {
                for (Object element : elements) {
                    if (element instanceof Missing) {
                        continue; // an element of an array of documents without the field
                    }
                    if (orderable(element)) {
                        values.add(element);
                    } else {
                        unorderedValue = true;
                    }
                }
            } else if (orderable(value)) {
                values.add(value);
            } else {
                unorderedValue = true; // null, an empty array, a value it cannot compare
            }
            return new Entry(values, unorderedValue);
        }

        private void put(Entry entry, Object position) {
            if (entry.values().size() > 1) {
                multivalued.add(position);
            }
            if (entry.unordered()) {
                unordered.add(position);
            }
            for (Object value : entry.values()) {
                byValue.compute(value, (k, held) -> {
                    if (held == null || held.equals(position)) {
                        return position;
                    }
                    if (held instanceof Set<?>) {
                        positions(held).add(position);
                        return held;
                    }
                    Set<Object> both = ConcurrentHashMap.newKeySet();
                    both.add(held);
                    both.add(position);
                    return both; // a reader sees the one position or the set of both, never neither
                });
            }
        }

        /** Takes away what {@code entry} put, except what {@code kept} (the document's new entry, if any) holds too. */
        private void take(Entry entry, Entry kept, Object position) {
            if (entry.unordered() && (kept == null || !kept.unordered())) {
                unordered.remove(position);
            }
            if (entry.values().size() > 1 && (kept == null || kept.values().size() <= 1)) {
                multivalued.remove(position);
            }
            for (Object value : entry.values()) {
                if (kept != null && kept.values().stream().anyMatch(v -> ORDER.compare(v, value) == 0)) {
                    continue;
                }
                byValue.computeIfPresent(value, (k, held) -> {
                    if (held instanceof Set<?>) {
                        positions(held).remove(position);
                        return positions(held).isEmpty() ? null : held;
                    }
                    return held.equals(position) ? null : held;
                });
            }
        }

        /**
         * The query's conditions on the field this can narrow by, as operator and operand: its own and those inside
         * a top-level {@code $and} (the driver's {@code Filters.and} writes every query that way). All of them must
         * hold, so any one narrows.
         */
        List<Map.Entry<String, Object>> narrowings(Document query) {
            List<Map.Entry<String, Object>> narrowings = new ArrayList<>();
            addNarrowings(query, narrowings);
            if (query.get("$and") instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document d) {
                        addNarrowings(d, narrowings);
                    }
                }
            }
            between(narrowings).ifPresent(range -> narrowings.add(Map.entry("$between", range)));
            return narrowings;
        }

        /** A lower and an upper bound of the field, taken together: the highest lower one and the lowest upper one. */
        private record Between(Object from, boolean fromIncluded, Object to, boolean toIncluded) {
        }

        private static Optional<Between> between(List<Map.Entry<String, Object>> narrowings) {
            Map.Entry<String, Object> from = null;
            Map.Entry<String, Object> to = null;
            for (Map.Entry<String, Object> n : narrowings) {
                boolean lower = n.getKey().equals("$gt") || n.getKey().equals("$gte");
                boolean upper = n.getKey().equals("$lt") || n.getKey().equals("$lte");
                if (lower && (from == null || tighter(n, from, 1))) {
                    from = n;
                } else if (upper && (to == null || tighter(n, to, -1))) {
                    to = n;
                }
            }
            return from == null || to == null ? Optional.empty() : Optional.of(new Between(from.getValue(),
                    from.getKey().equals("$gte"), to.getValue(), to.getKey().equals("$lte")));
        }

        /** Whether bound {@code a} narrows more than {@code b} in the direction {@code sign} (1: a lower bound). */
        private static boolean tighter(Map.Entry<String, Object> a, Map.Entry<String, Object> b, int sign) {
            int c = ORDER.compare(a.getValue(), b.getValue()) * sign;
            return c > 0 || c == 0 && a.getKey().length() == 3; // $gt over $gte, $lt over $lte
        }

        private void addNarrowings(Document query, List<Map.Entry<String, Object>> into) {
            if (!query.containsKey(path)) {
                return;
            }
            Object condition = query.get(path);
            if (condition instanceof Document operators) {
                operators.forEach((operator, operand) -> {
                    if (narrows(operator, operand)) {
                        into.add(Map.entry(operator, operand));
                    }
                });
            } else if (operand(condition)) {
                into.add(Map.entry("$eq", condition));
            }
        }

        /** The candidates of a condition, counted up to {@code atMost} (a larger count stops there). */
        long count(String operator, Object operand, long atMost) {
            long count = unordered.size();
            if (operator.equals("$exists")) {
                return count + withTheField.get();
            }
            Iterable<Object> groups = switch (operator) {
                case "$eq" -> single(byValue.get(operand));
                case "$in" -> ((Collection<?>) operand).stream().map(byValue::get).filter(Objects::nonNull).toList();
                case "$between" -> {
                    count += multivalued.size();
                    yield kept(between((Between) operand));
                }
                default -> kept(range(operator, operand));
            };
            for (Object group : groups) {
                if (count >= atMost) {
                    break;
                }
                count += group instanceof Set<?> set ? set.size() : 1;
            }
            return count;
        }

        Set<Object> positions(String operator, Object operand) {
            Set<Object> candidates = new LinkedHashSet<>();
            switch (operator) {
                case "$eq" -> single(byValue.get(operand)).forEach(held -> addTo(candidates, held));
                case "$in" -> ((Collection<?>) operand).forEach(v -> single(byValue.get(v))
                        .forEach(held -> addTo(candidates, held)));
                case "$exists" -> byValue.values().forEach(held -> addTo(candidates, held)); // and the unordered
                case "$between" -> {
                    kept(between((Between) operand)).forEach(held -> addTo(candidates, held));
                    candidates.addAll(multivalued);
                }
                default -> kept(range(operator, operand)).forEach(held -> addTo(candidates, held));
            }
            candidates.addAll(unordered);
            return candidates;
        }

        private static void addTo(Set<Object> candidates, Object held) {
            if (held instanceof Set<?> set) {
                candidates.addAll(set);
            } else {
                candidates.add(held);
            }
        }

        private static List<Object> single(Object held) {
            return held == null ? List.of() : List.of(held);
        }

        @SuppressWarnings("unchecked")
        private static Set<Object> positions(Object held) {
            return (Set<Object>) held;
        }

        /** The values between two bounds; none when the lower is above the upper (no single value meets both). */
        private NavigableMap<Object, Object> between(Between b) {
            int c = ORDER.compare(b.from(), b.to());
            if (c > 0 || c == 0 && !(b.fromIncluded() && b.toIncluded())) {
                return java.util.Collections.emptyNavigableMap();
            }
            return ascending().subMap(b.from(), b.fromIncluded(), b.to(), b.toIncluded());
        }

        /** The values in ascending order, whatever the order they are kept in (for the bounds of a range). */
        private NavigableMap<Object, Object> ascending() {
            return descending ? byValue.descendingMap() : byValue;
        }

        /** What a part of {@link #ascending()} holds, read in the order it is kept (forwards: see the constructor). */
        private java.util.Collection<Object> kept(NavigableMap<Object, Object> part) {
            return (descending ? part.descendingMap() : part).values();
        }

        private NavigableMap<Object, Object> range(String operator, Object operand) {
            return switch (operator) {
                case "$gt" -> ascending().tailMap(operand, false);
                case "$gte" -> ascending().tailMap(operand, true);
                case "$lt" -> ascending().headMap(operand, false);
                case "$lte" -> ascending().headMap(operand, true);
                default -> throw new IllegalArgumentException(operator);
            };
        }

        private static boolean narrows(String operator, Object operand) {
            return switch (operator) {
                case "$eq", "$gt", "$gte", "$lt", "$lte" -> operand(operand);
                case "$in" -> operand instanceof Collection<?> values && values.stream().allMatch(Field::operand);
                case "$exists" -> Boolean.TRUE.equals(operand) || operand instanceof Number n && n.doubleValue() != 0;
                default -> false;
            };
        }

        /** A value this can look up: not null, not a document, array or regular expression, and comparable. */
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

        /** What this field holds, as text in a fixed order. */
        void contents(List<String> lines) {
            // a number as a double: 3, 3L and 3.0 are one key, held as whichever came first
            byValue.forEach((value, held) -> lines.add(path + ": " + (value instanceof Number n ? n.doubleValue()
                    : value) + " = " + sorted(held instanceof Set<?> ? positions(held) : List.of(held))));
            lines.add(path + ": unordered = " + sorted(unordered));
            lines.add(path + ": with the field = " + withTheField.get());
            lines.add(path + ": multivalued = " + sorted(multivalued));
        }

        long documents() {
            return withTheField.get();
        }

        /**
         * {@code candidates} in the order of this field's values (descending: highest first), each once — a document
         * with several values where the first of them comes, which is where MongoDB sorts an array (by its highest
         * element descending, its lowest ascending) — as a lazy stream, so a query with a limit reads only as far as
         * it needs. A document without the field sorts lowest, as {@code null} does: after the others when
         * descending (the candidates the walk did not meet), and when ascending the walk is not used if any document
         * of the collection ({@code inCollection}) lacks the field. Empty then, or when a candidate's value cannot be
         * ordered (a {@code null}, a nested array…): the collection sorts as before.
         */
        Optional<java.util.stream.Stream<Object>> inOrder(Set<Object> candidates, boolean descending,
                long inCollection) {
            if (!descending && withTheField.get() < inCollection) {
                return Optional.empty();
            }
            for (Object candidate : unordered) {
                if (candidates.contains(candidate)) {
                    return Optional.empty();
                }
            }
            Set<Object> seen = new java.util.HashSet<>();
            java.util.stream.Stream<Object> walk = (descending == this.descending ? byValue : byValue.descendingMap())
                    .values().stream()
                    .flatMap(held -> held instanceof Set<?> set ? set.stream() : java.util.stream.Stream.of(held))
                    .filter(position -> candidates.contains(position) && seen.add(position));
            // read only once the walk is over (a stream is lazy): the candidates without the field, last
            return Optional.of(java.util.stream.Stream.concat(walk, candidates.stream()
                    .filter(position -> !seen.contains(position))));
        }

        void drop() {
            byValue.clear();
            unordered.clear();
            withTheField.set(0);
            multivalued.clear();
        }
    }

    /**
     * What the index holds, as text in a fixed order (the tests compare it with an index rebuilt from the documents:
     * an entry left behind by a change would make it differ, though no query would show it).
     */
    List<String> contents() {
        List<String> lines = new ArrayList<>();
        fields.forEach(field -> field.contents(lines));
        return lines;
    }

    private static List<String> sorted(Collection<Object> positions) {
        return positions.stream().map(String::valueOf).sorted().toList();
    }

    /** The documents that have its most common field (at least as many as it holds; the library's index statistics). */
    @Override
    public long getCount() {
        return fields.stream().mapToLong(Field::documents).max().orElse(0);
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        fields.forEach(Field::drop);
    }
}
