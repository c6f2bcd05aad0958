package vn.loa.plan.annex;

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
    }

    private Channels() {
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
