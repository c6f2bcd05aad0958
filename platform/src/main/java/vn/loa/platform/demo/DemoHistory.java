package vn.loa.platform.demo;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The demo's year so far (with {@code loa.demo.enabled=true}): what the five seed communes published and held, and
 * which report the province accepted or returned. One script, read by every service that seeds a part of it
 * (docs/adr/0009): content-service records the items and activities (the honest way: written, approved, then recorded
 * as published on the day they went out), task-service credits them from the events as for anyone, report-service
 * sends up and reviews a report once the credits of its period are in. Nothing here touches a database.
 *
 * <p>Days are month and day of the <em>current</em> year (the plans are re-issued for it); an entry whose day has not
 * come yet is left for a later start. Each entry names the tasks it serves by their order in the plan's annex; plan-
 * service gives the demo tasks the fixed ids {@link #taskId}. Ids are fixed, so a second start creates nothing.
 */
public final class DemoHistory {

    public static final String KIM_THANH = "10804";
    public static final String TIEN_MINH = "11791";
    public static final String NGUYEN_LUONG_BANG = "11242";
    public static final String BACH_MAI = "00292";
    public static final String KY_LAC = "18838";

    /** Who the demo says wrote, approved and sent up (not a login: no person is credited with the demo's work). */
    public static final String WRITER = "loa-demo";
    public static final String LEADER = "loa-demo-lanh-dao";

    private DemoHistory() {
    }

    /** The demo plan's id, as plan-service gives it ({@code DemoPlan.id()}). */
    public static String planId(String tenant) {
        return switch (tenant) {
            case KIM_THANH -> "demo-10804-45-kh-ubnd";
            case TIEN_MINH -> "demo-11791-12-kh-ubnd";
            case NGUYEN_LUONG_BANG -> "demo-11242-21-kh-ubnd";
            case BACH_MAI -> "demo-00292-215-kh-ubnd";
            case KY_LAC -> "demo-18838-36-kh-ubnd";
            default -> throw new IllegalArgumentException("not a demo commune: " + tenant);
        };
    }

    /** The fixed id of the demo plan's task in position {@code order} (1, 2 …). */
    public static String taskId(String planId, int order) {
        return planId + "-nv" + order;
    }

    /** Something a commune did on a day: an item published on a channel, or an activity held (no channel). */
    public sealed interface Entry {
        String id();

        String tenant();

        MonthDay day();

        /** Item: a {@code ContentKind} name (NEWS …); activity: an {@code ActivityKind} name (DIALOGUE …). */
        String kind();

        List<Integer> tasks();

        String title();

        String summary();

        /** The day in {@code year}. */
        default LocalDate on(int year) {
            return day().atYear(year);
        }

        /** The ids of the tasks it serves. */
        default List<String> taskIds() {
            return tasks().stream().map(n -> taskId(planId(tenant()), n)).toList();
        }
    }

    /** An item written, approved, and published on {@code channel} that day (recorded with its URL and time). */
    public record Item(String id, String tenant, MonthDay day, String kind, String channel, List<Integer> tasks,
            String title, String summary) implements Entry {
    }

    /** An activity held that day (a dialogue, a contest, a seminar, a training). */
    public record Activity(String id, String tenant, MonthDay day, String kind, List<Integer> tasks, String title,
            String summary, String place, int participants) implements Entry {
    }

    /** What the province does with a commune's report of the last quarter reported before today. */
    public record Review(String tenant, boolean accepted, String reason) {
    }

    /** Everything, in order of day within each commune. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entries whose day has come by {@code today} (in today's year). */
    public static List<Entry> upTo(LocalDate today) {
        return ENTRIES.stream().filter(e -> !e.on(today.getYear()).isAfter(today)).toList();
    }

    /** One report accepted (Kim Thành), one returned with a reason (Nguyễn Lương Bằng), both Hải Phòng. */
    public static List<Review> reviews() {
        return REVIEWS;
    }

    private static Item item(String tenant, int n, int month, int day, String kind, String channel, List<Integer> tasks,
            String title, String summary) {
        return new Item("demo-" + tenant + "-tin-" + (n < 10 ? "0" : "") + n, tenant, MonthDay.of(month, day), kind,
                channel, tasks, title, summary);
    }

    private static Activity held(String tenant, int n, int month, int day, String kind, List<Integer> tasks,
            String title, String summary, String place, int participants) {
        return new Activity("demo-" + tenant + "-hd-" + (n < 10 ? "0" : "") + n, tenant, MonthDay.of(month, day), kind,
                tasks, title, summary, place, participants);
    }

    private static final List<Review> REVIEWS = List.of(
            new Review(KIM_THANH, true, null),
            new Review(NGUYEN_LUONG_BANG, false, "Đề nghị bổ sung số liệu tuyên truyền trên hệ thống truyền thanh"
                    + " và nêu rõ khó khăn, vướng mắc trong kỳ; gửi lại trước ngày 20 của tháng."));

    private static final List<Entry> ENTRIES = List.of(
            // Xã Kim Thành: plan 01/08–31/12, issued 05/08; no quota, every task done once it has an item
            item(KIM_THANH, 1, 8, 12, "NEWS", "portal", List.of(1),
                    "Xã Kim Thành triển khai Kế hoạch thông tin, tuyên truyền cải cách hành chính",
                    "UBND xã quán triệt kế hoạch tới các cơ quan, đơn vị và các thôn."),
            item(KIM_THANH, 2, 8, 26, "ARTICLE", "radio", List.of(6),
                    "Chuyên mục \"Cải cách hành chính và cuộc sống\" trên Đài truyền thanh xã",
                    "Giới thiệu các thủ tục hành chính thực hiện trực tuyến toàn trình."),
            item(KIM_THANH, 3, 9, 9, "NEWS", "portal", List.of(3),
                    "Trung tâm phục vụ hành chính công xã tiếp nhận hồ sơ trực tuyến tăng mạnh",
                    "Tỷ lệ hồ sơ trực tuyến tháng 8 đạt trên 80%."),
            held(KIM_THANH, 1, 9, 23, "DIALOGUE", List.of(4),
                    "Đối thoại giữa lãnh đạo UBND xã với người dân về thủ tục hành chính",
                    "Tiếp thu 12 ý kiến về giải quyết thủ tục đất đai, hộ tịch.", "Hội trường UBND xã", 85),
            item(KIM_THANH, 4, 10, 7, "AUDIO", "radio", List.of(6),
                    "Bản tin phát thanh: hướng dẫn nộp hồ sơ trên Cổng Dịch vụ công quốc gia",
                    "Phát trên hệ thống loa truyền thanh các thôn."),
            item(KIM_THANH, 5, 10, 21, "NEWS", "zalo-oa", List.of(8),
                    "Hướng dẫn thanh toán phí, lệ phí trực tuyến qua Zalo OA của xã",
                    "Các bước thanh toán không dùng tiền mặt."),
            item(KIM_THANH, 6, 11, 4, "NEWS", "portal", List.of(5),
                    "Kết quả giải quyết thủ tục hành chính tháng 10 tại xã Kim Thành",
                    "100% hồ sơ được giải quyết đúng hạn."),
            held(KIM_THANH, 2, 11, 18, "SEMINAR", List.of(9),
                    "Tọa đàm \"Chuyển đổi số trong cải cách hành chính\" trên sóng truyền thanh xã",
                    "Cán bộ Trung tâm phục vụ hành chính công trả lời câu hỏi của người dân.", "Đài truyền thanh xã",
                    20),
            item(KIM_THANH, 7, 12, 2, "NEWS", "portal", List.of(3),
                    "Xã Kim Thành tiếp nhận hồ sơ cấp giấy chứng nhận quyền sử dụng đất trực tuyến",
                    "Người dân không phải đến trụ sở để nộp hồ sơ."),

            // Xã Tiên Minh: plan 2026 (the seed), issued 05/03; two dialogues owed over the plan, none held yet
            item(TIEN_MINH, 1, 3, 18, "NEWS", "portal", List.of(3),
                    "Xã Tiên Minh ban hành Kế hoạch tuyên truyền cải cách hành chính",
                    "Kế hoạch gồm 5 nhiệm vụ trọng tâm trong năm."),
            item(TIEN_MINH, 2, 4, 22, "ARTICLE", "press", List.of(1),
                    "Tiên Minh: người dân hài lòng với dịch vụ công trực tuyến",
                    "Bài viết đăng trên báo Hải Phòng."),
            item(TIEN_MINH, 3, 6, 10, "AUDIO", "radio", List.of(4),
                    "Chương trình phát thanh về bộ thủ tục hành chính mới của xã",
                    "Phát 3 buổi sáng trong tuần."),
            item(TIEN_MINH, 4, 8, 5, "NEWS", "portal", List.of(3),
                    "Sáu tháng đầu năm: 98% hồ sơ thủ tục hành chính giải quyết đúng hạn",
                    "Số liệu của Trung tâm phục vụ hành chính công."),
            held(TIEN_MINH, 1, 9, 15, "CONTEST", List.of(5),
                    "Cuộc thi \"Tìm hiểu cải cách hành chính\" năm nay của xã Tiên Minh",
                    "Trao 10 giải cho cá nhân và tập thể.", "Nhà văn hóa xã", 240),
            item(TIEN_MINH, 5, 10, 28, "PHOTO", "portal", List.of(3),
                    "Ảnh: một ngày tại bộ phận một cửa xã Tiên Minh",
                    "Phóng sự ảnh về cán bộ tiếp nhận hồ sơ."),
            item(TIEN_MINH, 6, 12, 3, "NEWS", "portal", List.of(3),
                    "Tiên Minh chuẩn bị tổ chức đối thoại với Nhân dân về cải cách hành chính",
                    "Dự kiến tổ chức trong tháng 12."),

            // Xã Nguyễn Lương Bằng: plan 01/08–31/12, issued 07/08
            item(NGUYEN_LUONG_BANG, 1, 8, 20, "NEWS", "portal", List.of(1),
                    "Xã Nguyễn Lương Bằng công khai bộ thủ tục hành chính tại Trung tâm phục vụ hành chính công",
                    "Niêm yết và đăng tải đầy đủ 212 thủ tục."),
            item(NGUYEN_LUONG_BANG, 2, 9, 3, "ARTICLE", "radio", List.of(3),
                    "Truyền thanh: lợi ích của việc làm thủ tục hành chính trực tuyến",
                    "Phát trên hệ thống truyền thanh xã."),
            item(NGUYEN_LUONG_BANG, 3, 10, 15, "NEWS", "facebook", List.of(7),
                    "Hướng dẫn tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công",
                    "Đăng trên trang Facebook của UBND xã."),
            held(NGUYEN_LUONG_BANG, 1, 11, 10, "CONTEST", List.of(6),
                    "Hội thi tuyên truyền viên cải cách hành chính giỏi",
                    "8 đội thi đến từ các thôn và tổ chức đoàn thể.", "Hội trường UBND xã", 160),

            // Phường Bạch Mai: plan over the year, issued 05/09; 1 item a month on the city's CCHC page (Aug–Dec),
            // 2 a quarter on the radio: September met, October missed, November met; Q3 met, Q4 still owed
            item(BACH_MAI, 1, 9, 8, "NEWS", "province-portal", List.of(3),
                    "Phường Bạch Mai triển khai kế hoạch tuyên truyền cải cách hành chính",
                    "Tin gửi đăng trên trang cải cách hành chính của Thành phố."),
            item(BACH_MAI, 2, 9, 16, "NEWS", "radio", List.of(4),
                    "Bản tin truyền thanh: dịch vụ công trực tuyến toàn trình ở phường",
                    "Phát trên hệ thống truyền thanh phường."),
            item(BACH_MAI, 3, 9, 24, "ARTICLE", "radio", List.of(4),
                    "Chuyên đề truyền thanh: người dân và cải cách hành chính",
                    "Phỏng vấn người dân tại bộ phận một cửa."),
            item(BACH_MAI, 4, 10, 5, "NEWS", "portal", List.of(2, 9),
                    "Phường Bạch Mai công bố kết quả cải cách hành chính chín tháng",
                    "Đăng trên Trang thông tin điện tử phường."),
            item(BACH_MAI, 5, 11, 12, "ARTICLE", "province-portal", List.of(3),
                    "Bạch Mai đẩy mạnh thanh toán không dùng tiền mặt trong giải quyết thủ tục hành chính",
                    "Bài gửi đăng trên trang cải cách hành chính của Thành phố."),
            held(BACH_MAI, 1, 11, 26, "DIALOGUE", List.of(8),
                    "Đối thoại giữa Chủ tịch UBND phường với người dân, doanh nghiệp về cải cách hành chính",
                    "Giải đáp 9 kiến nghị về đất đai, xây dựng.", "Hội trường UBND phường", 120),

            // Xã Kỳ Lạc: plan over the year, issued 28/07
            item(KY_LAC, 1, 8, 6, "NEWS", "portal", List.of(1),
                    "Xã Kỳ Lạc mở chuyên mục cải cách hành chính trên trang thông tin điện tử",
                    "Chuyên mục cập nhật hằng tuần."),
            item(KY_LAC, 2, 8, 19, "LEAFLET", "notice-board", List.of(4),
                    "Tờ gấp hướng dẫn thủ tục hành chính thường gặp",
                    "Niêm yết tại bảng tin UBND xã và nhà văn hóa các thôn."),
            held(KY_LAC, 1, 9, 29, "DIALOGUE", List.of(7),
                    "Đối thoại với người dân về giải quyết thủ tục hành chính",
                    "Tiếp nhận 15 ý kiến của người dân các thôn.", "Hội trường UBND xã", 70),
            item(KY_LAC, 3, 10, 13, "NEWS", "radio", List.of(2),
                    "Truyền thanh: các bước nộp hồ sơ trực tuyến trên điện thoại",
                    "Phát trên hệ thống truyền thanh xã."),
            held(KY_LAC, 2, 11, 24, "TRAINING", List.of(6),
                    "Tập huấn kỹ năng tuyên truyền cải cách hành chính cho cán bộ thôn",
                    "45 cán bộ thôn tham gia.", "Hội trường UBND xã", 45));
}
