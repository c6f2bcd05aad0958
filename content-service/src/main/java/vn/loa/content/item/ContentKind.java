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
    DOCUMENT("Văn bản"),
    /** Texts posted on the villages' notice boards (Kỳ Lạc: "niêm yết … tại bảng tin các thôn"). */
    NOTICE("Niêm yết trên bảng tin"),
    /** Printed documents handed out: at the Điểm Bưu điện văn hóa xã, at a conference (tài liệu hội nghị). */
    HANDOUT("Tài liệu tuyên truyền, tài liệu hội nghị");

    /** Kinds that are put up or handed out rather than posted: the products of the visual channel. */
    private static final java.util.Set<ContentKind> VISUAL = java.util.EnumSet.of(BANNER, POSTER, LEAFLET, NOTICE,
            HANDOUT);

    private final String label;

    ContentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * A visual or print product (pano and banners, posters, leaflets, notice boards, printed documents): what a
     * commune officer records on the {@code truc-quan} channel with its place, quantity, date and a photo.
     */
    public boolean visual() {
        return VISUAL.contains(this);
    }

    /** For error messages: "BANNER (Pano, băng rôn, khẩu hiệu), …". */
    public static String visualNames() {
        return Arrays.stream(values()).filter(ContentKind::visual).map(k -> k.name() + " (" + k.label + ")")
                .collect(Collectors.joining(", "));
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
