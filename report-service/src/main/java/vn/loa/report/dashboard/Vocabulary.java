package vn.loa.report.dashboard;

import java.util.Locale;
import java.util.Map;
import vn.loa.platform.tenancy.UnitKind;

/**
 * Vietnamese names of the open vocabularies: product kinds (plan-service {@code ProductKind} codes) and channel ids
 * (plan-service {@code Channels}). A channel not listed here shows the name it announced on the registry, else its id.
 */
public final class Vocabulary {

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("news", "Tin"), Map.entry("article", "Bài viết"), Map.entry("photo", "Ảnh"),
            Map.entry("reportage", "Phóng sự"), Map.entry("video", "Video"), Map.entry("audio", "File âm thanh"),
            Map.entry("infographic", "Infographic"), Map.entry("poster", "Áp phích"),
            Map.entry("leaflet", "Tờ rơi, tờ gấp"), Map.entry("banner", "Pano, băng rôn, khẩu hiệu"),
            Map.entry("dialogue", "Đối thoại"), Map.entry("conference", "Hội nghị"),
            Map.entry("seminar", "Tọa đàm, hội thảo"), Map.entry("contest", "Cuộc thi"),
            Map.entry("training", "Tập huấn, bồi dưỡng"), Map.entry("column", "Chuyên mục, chuyên trang"),
            Map.entry("document", "Văn bản"), Map.entry("meeting", "Cuộc họp"),
            Map.entry("announcement", "Thông báo"), Map.entry("notice", "Niêm yết trên bảng tin"),
            Map.entry("handout", "Tài liệu tuyên truyền, tài liệu hội nghị"));

    private static final Map<String, String> CHANNELS = Map.of(
            "portal", "Trang thông tin điện tử xã",
            "province-portal", "Trang thông tin CCHC của tỉnh/thành phố",
            "radio", "Đài truyền thanh xã",
            "press", "Báo, Đài Phát thanh - Truyền hình",
            "zalo-oa", "Zalo OA",
            "facebook", "Fanpage Facebook",
            "youtube", "YouTube",
            "tiktok", "TikTok",
            "notice-board", "Bảng tin",
            "truc-quan", "Trực quan (pano, băng rôn, tờ rơi, bảng tin, tài liệu)");

    private Vocabulary() {
    }

    public static String kind(String code) {
        if (code == null) {
            return "Khác";
        }
        return KINDS.getOrDefault(code.toLowerCase(Locale.ROOT), code);
    }

    /** A channel's name as the commune of that kind writes it ("Đài truyền thanh phường" for a phường). */
    public static String channel(String id, Map<String, String> announced, UnitKind unit) {
        if (id == null) {
            return "Hoạt động trực tiếp";
        }
        String known = CHANNELS.get(id);
        return unit.reword(known != null ? known : announced.getOrDefault(id, id));
    }

    public static String quota(String per) {
        return switch (per) {
            case "MONTH" -> "mỗi tháng";
            case "QUARTER" -> "mỗi quý";
            case "HALF_YEAR" -> "mỗi 6 tháng";
            case "YEAR" -> "mỗi năm";
            default -> "cả kỳ kế hoạch";
        };
    }
}
