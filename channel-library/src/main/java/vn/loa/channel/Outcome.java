package vn.loa.channel;

import java.time.Instant;
import java.util.List;
import vn.loa.contracts.channel.PublicationRequested.Attachment;

/**
 * Where a published item is now: its public {@code url}, when it was published ({@code null}: now), the id the
 * outside system gave it, and files the channel produced for it (e.g. the radio bulletin), which content-service
 * attaches to the item.
 */
public record Outcome(String url, Instant publishedAt, String externalId, List<Attachment> files) {

    public Outcome {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static Outcome at(String url) {
        return new Outcome(url, null, null, List.of());
    }

    public Outcome withExternalId(String id) {
        return new Outcome(url, publishedAt, id, files);
    }

    public Outcome withFiles(List<Attachment> produced) {
        return new Outcome(url, publishedAt, externalId, produced);
    }

    public Outcome publishedAt(Instant at) {
        return new Outcome(url, at, externalId, files);
    }
}
