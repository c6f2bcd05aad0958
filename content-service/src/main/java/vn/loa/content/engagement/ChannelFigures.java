package vn.loa.content.engagement;

import vn.loa.contracts.channel.PublicationEngaged.Figures;

/**
 * What reached people through one channel for one item: counted figures summed over every window, plus the
 * operator's latest running totals; {@code asOf} the time of those totals (ISO with +07:00), null when none.
 */
public record ChannelFigures(String channel, long views, long feedFetches, long plays, long downloads, long reach,
        long reactions, long shares, String asOf) {

    static ChannelFigures of(String channel, Figures f, String asOf) {
        return new ChannelFigures(channel, f.views(), f.feedFetches(), f.plays(), f.downloads(), f.reach(),
                f.reactions(), f.shares(), asOf);
    }
}
