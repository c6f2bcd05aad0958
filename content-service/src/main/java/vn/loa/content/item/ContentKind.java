package vn.loa.content.item;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Kinds of content items, named as the plan issue's product kinds. The HTTP API takes the upper-case name
 * ({@code "ARTICLE"}); events carry {@link #code()} ({@code "article"}), the open vocabulary task-service matches on.
 * Activities (dialogue, contest…) have their own kinds, see {@code vn.loa.content.activity.ActivityKind}.
 */
public enum ContentKind {
    NEWS("Tin"),
    ARTICLE("Bài viết"),
    PHOTO("Ảnh"),
    REPORTAGE("Phóng sự"),
    VIDEO("Video"),
    AUDIO("File âm thanh"),
    INFOGRAPHIC("Infographic"),
    POSTER("Áp phích"),
    LEAFLET("Tờ rơi, tờ gấp"),
    BANNER("Pano, băng rôn, khẩu hiệu"),
    COLUMN("Chuyên mục, chuyên trang"),
    DOCUMENT("Văn bản");

    private final String label;

    ContentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind in events: "news", "article"… (plan-service {@code ProductKind.code()}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code value} (upper-case name, or its code), if any. */
    public static Optional<ContentKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(k -> k.name().equals(v)).findFirst();
    }

    /** For error messages: "NEWS, ARTICLE, …". */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
