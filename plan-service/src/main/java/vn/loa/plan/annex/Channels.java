package vn.loa.plan.annex;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.loa.plan.wording.Words;

/**
 * The channels a plan's words name, as channel ids (an open vocabulary: any id matching
 * {@code Topics.isChannelId} is accepted by the API; these are the ones the seed plans mention). Reading is by
 * phrase, on folded text, so that "Báo và phát thanh, truyền hình Hải Phòng" is the press and not the commune's
 * loudspeakers, and "phát thanh viên" is a person, not a channel.
 */
public final class Channels {

    public static final String PORTAL = "portal";
    public static final String PROVINCE_PORTAL = "province-portal";
    public static final String RADIO = "radio";
    public static final String PRESS = "press";
    public static final String ZALO_OA = "zalo-oa";
    public static final String FACEBOOK = "facebook";
    public static final String YOUTUBE = "youtube";
    public static final String TIKTOK = "tiktok";
    public static final String NOTICE_BOARD = "notice-board";
    /**
     * Trực quan: visual and print products (pano, băng rôn, áp phích, tờ rơi, bảng tin, tài liệu at the Điểm Bưu
     * điện văn hóa xã or handed out at a conference). Nothing is posted there by Loa: a commune officer records each
     * product with its kind, place, quantity, date and a photo ({@code POST /api/contents/{id}/publications}).
     */
    public static final String TRUC_QUAN = vn.loa.contracts.content.VisualProduct.CHANNEL;

    private static final Map<String, Pattern> PHRASES = new LinkedHashMap<>();

    static {
        // "Trang thông tin điện tử", also written "Trang TTĐT"
        String portal = "\\b(?:trang|cong)\\s+(?:thong\\s+tin(?:\\s+dien\\s+t\\w*)?|ttdt)";
        PHRASES.put(PORTAL, Pattern.compile(portal + "(?:\\s+cua)?\\s+(?:xa|phuong|dac\\s+khu)\\b"
                + "|\\btrang\\s+web\\b|\\bwebsite\\b"));
        PHRASES.put(PROVINCE_PORTAL, Pattern.compile(portal + "(?:\\s+cchc|\\s+cai\\s+cach\\s+hanh\\s+chinh)?"
                + "(?:\\s+cua)?\\s+(?:thanh\\s+pho|tinh)\\b"));
        PHRASES.put(RADIO, Pattern.compile(
                "\\btruyen\\s+thanh\\b|\\bthong\\s+tin\\s+nguon\\b|\\bloa\\s+(?:thon|phuong|xa)\\b"
                        + "|(?<!bao va )\\bphat\\s+thanh\\b(?!\\s*(?:,|-|va)?\\s*truyen\\s+hinh)(?!\\s+vien)"));
        PHRASES.put(PRESS, Pattern.compile(
                "\\bbao\\s+va\\s+phat\\s+thanh\\b|\\bbao\\s+chi\\b|\\bbao\\s+dien\\s+tu\\b|\\btruyen\\s+hinh\\b"
                        + "|\\bthong\\s+tan\\b"));
        PHRASES.put(ZALO_OA, Pattern.compile("\\bzalo\\b"));
        PHRASES.put(FACEBOOK, Pattern.compile("\\bfacebook\\b|\\bfanpage\\b"));
        PHRASES.put(YOUTUBE, Pattern.compile("\\byoutube\\b"));
        PHRASES.put(TIKTOK, Pattern.compile("\\btiktok\\b"));
        PHRASES.put(NOTICE_BOARD, Pattern.compile("\\bbang\\s+tin\\b"));
        // "Trực quan, in ấn: pano, khẩu hiệu, áp phích, tờ rơi, tờ gấp" (Kim Thành, Nguyễn Lương Bằng), "cổ động trực
        // quan … băng rôn, khẩu hiệu" (Tiên Minh), "niêm yết … tại bảng tin các thôn", "Điểm Bưu điện văn hóa xã có
        // tài liệu tuyên truyền" (Kỳ Lạc), "ấn phẩm truyền thông" (Tiên Minh); not "trực tuyến" (online)
        PHRASES.put(TRUC_QUAN, Pattern.compile("\\btruc\\s+quan\\b|\\bin\\s+an\\b(?!\\s+(?:toan|ninh))|\\bpano\\b"
                + "|\\bbang\\s+ron\\b|\\bkhau\\s+hieu\\b|\\bap\\s+phich\\b|\\bto\\s+(?:roi|gap)\\b|\\bbang\\s+tin\\b"
                + "|\\bniem\\s+yet\\b|\\bbuu\\s+dien\\s+van\\s+hoa\\b|\\bco\\s+dong\\b|\\ban\\s+pham\\b"
                + "|\\btai\\s+lieu\\s+(?:tuyen\\s+truyen|hoi\\s+nghi)\\b"));
    }

    private Channels() {
    }

    /**
     * The channels of a task: those its words name, and {@link #TRUC_QUAN} when it makes a visual or print product
     * ({@link ProductKind#visual()}), where such a product is recorded whatever else the words say.
     */
    public static Set<String> forTask(String text, Collection<ProductKind> kinds) {
        Set<String> found = mentionedIn(text);
        if (kinds.stream().anyMatch(ProductKind::visual)) {
            found.add(TRUC_QUAN);
        }
        return found;
    }

    /** The channel ids the text names, in a fixed order. */
    public static Set<String> mentionedIn(String text) {
        String f = Words.folded(text);
        Set<String> found = new LinkedHashSet<>();
        PHRASES.forEach((id, pattern) -> {
            if (pattern.matcher(f).find()) {
                found.add(id);
            }
        });
        return found;
    }
}
