package vn.loa.plan.annex;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.loa.plan.wording.Words;

/**
 * What a task produces or holds, as the annexes of the seed plans name it ("Sản phẩm": tin, bài, ảnh, phóng sự,
 * file âm thanh, cuộc đối thoại, cuộc thi…). Items that are posted (news, audio…) and activities that are held
 * (dialogue, contest, training) alike. In events a kind travels as {@link #code()}, the lowercase open vocabulary
 * content-service also uses ("news", "article").
 */
public enum ProductKind {
    // "bảng tin" is a notice board, not news
    NEWS("Tin", "(?<!thong )(?<!truyen )(?<!bang )\\btin\\b(?!\\s+(?:nhan|hoc|tuong|cay))"),
    ARTICLE("Bài viết", "\\bbai\\b(?!\\s+(?:bo|thi|hat|tru))"),
    PHOTO("Ảnh", "(?<!phan )\\banh\\b(?!\\s+huong)"),
    REPORTAGE("Phóng sự", "\\bphong su\\b"),
    VIDEO("Video", "\\bvideo\\b|\\bclip\\b|\\bphim\\b"),
    AUDIO("File âm thanh", "\\bam thanh\\b|\\bpodcast\\b"),
    INFOGRAPHIC("Infographic", "\\binfographics?\\b|\\bdo hoa\\b"),
    POSTER("Áp phích", "\\bap phich\\b|\\bposter\\b|\\btranh co dong\\b"),
    LEAFLET("Tờ rơi, tờ gấp", "\\bto roi\\b|\\bto gap\\b|\\bso tay\\b"),
    BANNER("Pano, băng rôn, khẩu hiệu", "\\bpano\\b|\\bbang ron\\b|\\bkhau hieu\\b|\\bbanner\\b"),
    DIALOGUE("Đối thoại", "\\bdoi thoai\\b"),
    // "tài liệu hội nghị" is documents handed out (HANDOUT), not a conference held
    CONFERENCE("Hội nghị", "(?<!tai lieu )\\bhoi nghi\\b"),
    SEMINAR("Tọa đàm, hội thảo", "\\btoa dam\\b|\\bhoi thao\\b"),
    CONTEST("Cuộc thi", "\\bcuoc thi\\b|\\bhoi thi\\b|\\bgiai thuong\\b"),
    TRAINING("Tập huấn, bồi dưỡng", "\\btap huan\\b|\\bboi duong\\b"),
    COLUMN("Chuyên mục, chuyên trang", "\\bchuyen muc\\b|\\bchuyen trang\\b"),
    DOCUMENT("Văn bản (kế hoạch, báo cáo)", "\\bke hoach\\b|\\bbao cao\\b|\\bvan ban\\b"),
    // the visual and print products of the seeds that the kinds above do not name (issue 19): what is posted on the
    // villages' notice boards (Kỳ Lạc: "niêm yết … tại bảng tin các thôn") and printed documents handed out (Kỳ
    // Lạc's "tài liệu tuyên truyền" at the Điểm Bưu điện văn hóa xã, conference documents, Tiên Minh's "ấn phẩm")
    NOTICE("Niêm yết trên bảng tin", "\\bniem yet\\b|\\bbang tin\\b"),
    HANDOUT("Tài liệu tuyên truyền, tài liệu hội nghị", "\\btai lieu\\b|\\ban pham\\b");

    /** The kinds that are put up or handed out rather than posted: recorded on the visual channel ("truc-quan"). */
    private static final Set<ProductKind> VISUAL = EnumSet.of(POSTER, LEAFLET, BANNER, NOTICE, HANDOUT);

    private final String label;
    private final Pattern words;

    ProductKind(String label, String words) {
        this.label = label;
        this.words = Pattern.compile(words);
    }

    /**
     * Whether this kind is a visual or print product (pano, banner, poster, leaflet, notice board, printed
     * documents): something put up or handed out, whose publication a commune officer records on the
     * {@link Channels#TRUC_QUAN} channel with a photo, a place and a quantity.
     */
    public boolean visual() {
        return VISUAL.contains(this);
    }

    /** The Vietnamese name shown to users. */
    public String label() {
        return label;
    }

    /** The kind in the events' open vocabulary: "news", "article", "reportage"… */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every kind the text mentions, in the enum's order (for a title, when a plan has no "Sản phẩm" column). */
    public static Set<ProductKind> mentionedIn(String text) {
        String f = Words.folded(text);
        Set<ProductKind> found = EnumSet.noneOf(ProductKind.class);
        for (ProductKind kind : values()) {
            if (kind.words.matcher(f).find()) {
                found.add(kind);
            }
        }
        return found;
    }

    /** A "Sản phẩm" cell read part by part: the kinds found, and the parts that name none (quoted as written). */
    public record Products(Set<ProductKind> kinds, List<String> unknown) {
    }

    /** Reads a "Sản phẩm" cell: "Chuyên mục, phóng sự, tin, bài, ảnh". */
    public static Products read(String cell) {
        Set<ProductKind> kinds = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : Words.clean(cell).split("[,;/\\n]|\\s+(?:và|hoặc)\\s+")) {
            String p = part.strip().replaceAll("[.:]+$", "");
            if (p.isEmpty()) {
                continue;
            }
            Set<ProductKind> inPart = mentionedIn(p);
            if (inPart.isEmpty()) {
                unknown.add(p);
            }
            kinds.addAll(inPart);
        }
        return new Products(kinds, unknown);
    }
}
