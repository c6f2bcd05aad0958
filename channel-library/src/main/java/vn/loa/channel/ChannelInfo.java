package vn.loa.channel;

import java.util.List;
import java.util.Locale;
import vn.loa.contracts.Topics;

/**
 * What a channel announces on {@code channel.registry}.
 *
 * @param id            the channel id ({@code portal}, {@code radio}, {@code zalo-oa}…): lowercase, also the request
 *                      topic's middle part ({@code channel.<id>.requests})
 * @param displayName   the name people see, in Vietnamese
 * @param acceptedKinds lowercase product-kind codes ({@code news}, {@code article}, {@code audio}…)
 * @param needsUrl      whether the channel cannot publish by itself and needs an operator to record the URL of a
 *                      publication made elsewhere (the manual channel); {@code false} for channels that publish
 *                      themselves and return the URL
 */
public record ChannelInfo(String id, String displayName, List<String> acceptedKinds, boolean needsUrl) {

    public ChannelInfo {
        if (!Topics.isChannelId(id)) {
            throw new IllegalArgumentException("Not a channel id (lowercase letters, digits, '-'): " + id);
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("A channel needs a Vietnamese display name: " + id);
        }
        acceptedKinds = acceptedKinds.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    public boolean accepts(String kind) {
        return kind != null && acceptedKinds.contains(kind.toLowerCase(Locale.ROOT));
    }
}
