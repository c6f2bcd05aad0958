package vn.loa.contracts.channel;

import java.time.Instant;
import java.util.List;
import vn.loa.contracts.Tenants;

/**
 * A channel service announces itself (at start-up and periodically, as a heartbeat). Topic {@code channel.registry}
 * (compacted), key = channel id, so the topic always holds the last word of every channel. {@code needsUrl}: the
 * channel cannot publish by itself; an operator confirms a publication made elsewhere and gives its URL (the manual
 * channel), so its requests wait until then.
 */
public record ChannelRegistered(
        String channelId,
        String displayName,
        List<String> acceptedKinds,
        boolean needsUrl,
        boolean healthy,
        Instant announcedAt) implements ChannelEvent {

    public ChannelRegistered {
        acceptedKinds = List.copyOf(acceptedKinds);
    }

    @Override
    public String tenantId() {
        return Tenants.PLATFORM;
    }

    @Override
    public String subject() {
        return channelId;
    }
}
