package vn.loa.content.item;

import java.util.List;

/** What a writer gives (already checked and sanitised): the editable part of an item. */
public record ContentDraft(String title, String summary, String body, ContentKind kind, List<String> themes,
        List<String> taskIds, List<String> channels, String unit) {

    public ContentDraft {
        themes = List.copyOf(themes);
        taskIds = List.copyOf(taskIds);
        channels = List.copyOf(channels);
    }
}
