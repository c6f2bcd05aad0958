package vn.loa.contracts.channel;

import vn.loa.contracts.LoaEvent;

/** Events between content-service and the channel services. */
public sealed interface ChannelEvent extends LoaEvent
        permits PublicationRequested, PublicationSucceeded, PublicationFailed, ChannelRegistered,
        PublicationEngaged {
}
