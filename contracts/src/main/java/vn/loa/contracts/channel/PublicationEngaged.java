package vn.loa.contracts.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.loa.contracts.IdentifiedEvent;

/**
 * What reached people through one channel: views of a portal page, fetches of the portal's feed, plays and
 * downloads of a radio bulletin, reach, reactions and shares typed by an operator. Topic
 * {@code channel.engagement.events}, key = item id (for a figure about no item — the commune's feed — the key is
 * {@code <tenant>/<channel>}).
 *
 * <p>{@link EngagementBasis#COUNTED_IN_WINDOW}: the figures counted in {@code [from, to)} by one counter (one
 * channel instance, {@code counter} = its id for this run); windows add up. {@link EngagementBasis#RUNNING_TOTAL}:
 * an operator's totals as of {@code to} ({@code from} null); the latest replaces the others. The CloudEvents id is
 * derived from tenant, channel, item, counter and window (and, for a running total, its figures), so a redelivery or
 * a replay is recognised; consumers store one entry per window with a {@code $set}, never an increment.
 *
 * <p>No figure says who: a visitor is never named, and no address travels.
 */
public record PublicationEngaged(
        String tenantId,
        String itemId,
        String channel,
        String publicationId,
        String counter,
        EngagementBasis basis,
        Instant from,
        Instant to,
        Figures figures) implements ChannelEvent, IdentifiedEvent {

    public PublicationEngaged {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(figures, "figures");
        if (basis == EngagementBasis.COUNTED_IN_WINDOW && (from == null || !from.isBefore(to))) {
            throw new IllegalArgumentException("a counted window needs from < to: [" + from + ", " + to + ")");
        }
        if (basis == EngagementBasis.RUNNING_TOTAL && from != null) {
            throw new IllegalArgumentException("a running total has no from");
        }
    }

    @Override
    public String subject() {
        return itemId != null ? itemId : tenantId + "/" + channel;
    }

    /** The window's key within its item and channel: {@code <counter>@<from epoch ms>}, or {@code total}. */
    public String windowKey() {
        return basis == EngagementBasis.RUNNING_TOTAL ? "total" : counter + "@" + from.toEpochMilli();
    }

    @Override
    public String eventId() {
        String name = String.join("|", "PublicationEngaged", tenantId, channel, String.valueOf(itemId), counter,
                basis.name(), String.valueOf(from), to.toString(),
                basis == EngagementBasis.RUNNING_TOTAL ? figures.toString() : "");
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The figures; a figure the channel does not count is 0. {@code views}: portal page views (one per visitor per
     * day); {@code feedFetches}: fetches of the portal's Atom feed; {@code plays}/{@code downloads}: a radio
     * bulletin's audio played inline / downloaded; {@code reach}, {@code reactions}, {@code shares}: typed by an
     * operator from the channel's own statistics.
     */
    public record Figures(long views, long feedFetches, long plays, long downloads, long reach, long reactions,
            long shares) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);

        public Figures {
            if (views < 0 || feedFetches < 0 || plays < 0 || downloads < 0 || reach < 0 || reactions < 0
                    || shares < 0) {
                throw new IllegalArgumentException("a figure cannot be negative");
            }
        }

        /** The figures by name, in the order above. */
        public Map<String, Long> asMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("views", views);
            m.put("feedFetches", feedFetches);
            m.put("plays", plays);
            m.put("downloads", downloads);
            m.put("reach", reach);
            m.put("reactions", reactions);
            m.put("shares", shares);
            return m;
        }

        /** From names (as {@link #asMap()} gives them); a name not there is 0. */
        public static Figures of(Map<String, ? extends Number> m) {
            return new Figures(get(m, "views"), get(m, "feedFetches"), get(m, "plays"), get(m, "downloads"),
                    get(m, "reach"), get(m, "reactions"), get(m, "shares"));
        }

        public Figures plus(Figures o) {
            return new Figures(views + o.views, feedFetches + o.feedFetches, plays + o.plays,
                    downloads + o.downloads, reach + o.reach, reactions + o.reactions, shares + o.shares);
        }

        public boolean nothing() {
            return equals(NONE);
        }

        private static long get(Map<String, ? extends Number> m, String name) {
            Number n = m.get(name);
            return n == null ? 0 : n.longValue();
        }
    }
}
