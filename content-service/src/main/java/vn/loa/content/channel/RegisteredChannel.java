package vn.loa.content.channel;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;

/**
 * The last word of one channel on {@code channel.registry}, with {@code lastSeen}: when content-service received it
 * (or, for a replayed old announcement, when the channel made it — a replay must not make a dead channel look
 * alive).
 */
public record RegisteredChannel(@Id String id, String displayName, List<String> acceptedKinds, boolean needsUrl,
        boolean healthy, Instant announcedAt, Instant lastSeen) {

    public RegisteredChannel {
        acceptedKinds = acceptedKinds == null ? List.of() : List.copyOf(acceptedKinds);
    }

    /**
     * Kinds compare as lowercase codes ("article"). An empty list accepts nothing, as channel-library's
     * {@code ChannelInfo.accepts} decides on the channel's side.
     */
    public boolean accepts(String kindCode) {
        return acceptedKinds.stream().anyMatch(k -> k.toLowerCase(Locale.ROOT).equals(kindCode));
    }
}
