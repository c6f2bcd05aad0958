package vn.loa.plan.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.Quota;
import vn.loa.plan.annex.Channels;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.calendar.Period;
import vn.loa.plan.wording.Words;

/**
 * How an annex says what the import reads, in words a reader of the document understands: the one place where the
 * writer of a plan's Word file ({@code document}) and its reader ({@link PlanImporter}) agree. A document written
 * with these words reads back as the same tasks: the "Chỉ tiêu" column ("Tối thiểu 02 tin/bài mỗi quý (từ tháng
 * 1/2026 đến tháng 12/2026)"), the "Kênh" column (one channel a line, by its Vietnamese name), and the exact
 * deadline at the end of the time cell ("Hạn: 30/11/2026") when the plan's own words do not give it.
 */
public final class AnnexWording {

    /** The headers of the columns only the export writes (the reader finds them by these words). */
    public static final String QUOTA_HEADER = "Chỉ tiêu";
    public static final String CHANNEL_HEADER = "Kênh đăng tải";

    private static final Pattern DEADLINE = Pattern.compile(
            "^\\(?\\s*han(?:\\s+hoan\\s+thanh)?\\s*:\\s*(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})\\s*\\)?\\.?$");

    private AnnexWording() {
    }

    /** "Hạn: 30/11/2026". */
    public static String deadline(LocalDate date) {
        return "Hạn: " + Words.date(date);
    }

    /** The date of a "Hạn: dd/MM/yyyy" line, or null when the line is something else. */
    static LocalDate deadlineOf(String line) {
        Matcher m = DEADLINE.matcher(Words.folded(line).strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Whether the time cell's words ({@code due.text}) and the description give back this due as they are, or the
     * cell needs its "Hạn: …" line.
     */
    public static boolean needsDeadline(Due due, String description, Period period) {
        if (due == null || due.date() == null) {
            return false;
        }
        Due read = new AnnexTableReader().dueOf(due.text(), description, period);
        return read == null || !Objects.equals(read.date(), due.date()) || !Objects.equals(read.text(), due.text());
    }

    /** "Tối thiểu 02 tin/bài mỗi tháng (từ tháng 8/2025 đến tháng 12/2025)", in words {@code QuotaReader} reads. */
    public static String quota(Quota quota, List<ProductKind> kinds) {
        if (quota == null) {
            return "";
        }
        String per = switch (quota.per()) {
            case MONTH -> "mỗi tháng";
            case QUARTER -> "mỗi quý";
            case HALF_YEAR -> "mỗi 6 tháng";
            case YEAR -> "mỗi năm";
            case PLAN -> "trong thời gian thực hiện kế hoạch";
        };
        String months = quota.from() == null || quota.to() == null ? ""
                : " (từ tháng " + quota.from().getMonthValue() + "/" + quota.from().getYear() + " đến tháng "
                        + quota.to().getMonthValue() + "/" + quota.to().getYear() + ")";
        return "Tối thiểu " + "%02d".formatted(quota.count()) + " " + noun(kinds) + " " + per + months;
    }

    /** The product noun of a count, after the task's first kind. */
    static String noun(List<ProductKind> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            return "sản phẩm";
        }
        return switch (kinds.getFirst()) {
            case NEWS, ARTICLE -> "tin/bài";
            case PHOTO -> "ảnh";
            case REPORTAGE -> "phóng sự";
            case VIDEO -> "video";
            case AUDIO -> "file âm thanh";
            case INFOGRAPHIC -> "infographic";
            case POSTER -> "áp phích";
            case LEAFLET -> "tờ rơi";
            case BANNER -> "pano";
            case DIALOGUE -> "cuộc đối thoại";
            case CONFERENCE -> "hội nghị";
            case SEMINAR -> "cuộc tọa đàm";
            case CONTEST -> "cuộc thi";
            case TRAINING -> "lớp";
            case COLUMN -> "chuyên mục";
            case DOCUMENT -> "sản phẩm";
            case NOTICE -> "lượt niêm yết";
            case HANDOUT -> "tài liệu";
        };
    }

    /** "Tin; Bài viết; Ảnh": the "Sản phẩm" cell, each kind by its name. */
    public static String products(List<ProductKind> kinds) {
        return String.join("; ", kinds.stream().map(ProductKind::label).toList());
    }

    /**
     * A channel by the name the reader knows it by: "Trang thông tin điện tử phường", "Trang thông tin điện tử thành
     * phố", "Đài truyền thanh xã"…; a channel id Loa has no name for is written as it is.
     *
     * @param communeKind  "xã", "phường" or "đặc khu"
     * @param provinceKind "tỉnh" or "thành phố"
     */
    public static String channel(String id, String communeKind, String provinceKind) {
        return switch (id) {
            case Channels.PORTAL -> "Trang thông tin điện tử " + communeKind;
            case Channels.PROVINCE_PORTAL -> "Trang thông tin điện tử " + provinceKind;
            case Channels.RADIO -> "Đài truyền thanh " + communeKind;
            case Channels.PRESS -> "Báo chí";
            case Channels.ZALO_OA -> "Zalo OA";
            case Channels.FACEBOOK -> "Facebook";
            case Channels.YOUTUBE -> "YouTube";
            case Channels.TIKTOK -> "TikTok";
            case Channels.NOTICE_BOARD -> "Bảng tin";
            case Channels.TRUC_QUAN -> "Trực quan";
            default -> id;
        };
    }
}
