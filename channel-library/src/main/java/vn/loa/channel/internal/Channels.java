package vn.loa.channel.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import vn.loa.channel.Channel;

/** The app's channel beans by id, checked against {@code loa.channel.ids} at start-up. */
public final class Channels {

    private final Map<String, Channel> byId = new LinkedHashMap<>();

    Channels(List<Channel> channels, List<String> configuredIds) {
        for (Channel c : channels) {
            String id = c.info().id();
            if (byId.putIfAbsent(id, c) != null) {
                throw new IllegalStateException("Two Channel beans have the id '" + id + "'");
            }
        }
        if (!new TreeSet<>(byId.keySet()).equals(new TreeSet<>(configuredIds))) {
            throw new IllegalStateException("loa.channel.ids " + configuredIds + " must list exactly the ids of the"
                    + " Channel beans " + byId.keySet() + " (the request topics are bound from it; see"
                    + " docs/new-channel.md)");
        }
    }

    public Optional<Channel> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Channel> all() {
        return byId.values();
    }
}
