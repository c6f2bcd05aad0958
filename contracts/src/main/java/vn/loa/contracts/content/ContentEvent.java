package vn.loa.contracts.content;

import vn.loa.contracts.LoaEvent;

/** Events of a content item or activity. Topic {@code content.item.events}, key = item id. */
public sealed interface ContentEvent extends LoaEvent
        permits ContentSubmitted, ContentApproved, ContentRejected, ContentPublished, ContentRetracted {

    String itemId();

    @Override
    default String subject() {
        return itemId();
    }
}
