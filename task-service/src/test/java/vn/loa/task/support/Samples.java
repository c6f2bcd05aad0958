package vn.loa.task.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * A realistic plan of Xã Kim Thành (10804) for the second half of 2025, like plan 21/KH-UBND of the seeds: news on
 * the portal and Zalo OA every month, radio twice a quarter from October, one dialogue over the plan, fee guidance
 * once in the second half, and a follow-up task without a quota. Ids get a suffix so tests never collide.
 */
public final class Samples {

    public static final String TENANT = "10804";
    public static final LocalDate PLAN_FROM = LocalDate.of(2025, 8, 1);
    public static final LocalDate PLAN_TO = LocalDate.of(2025, 12, 31);
    public static final String OFFICE = "Văn phòng HĐND và UBND xã";

    private static final List<String> COMMUNES = CommuneDirectory.instance().province("31").orElseThrow().communes()
            .stream().map(CommuneDirectory.Commune::code).toList();
    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(COMMUNES.size()));

    private Samples() {
    }

    /**
     * A commune of Hải Phòng no other test of this JVM uses: matching is per commune, so tests on a shared database
     * keep apart by tenant.
     */
    public static String someCommune() {
        return COMMUNES.get(Math.floorMod(NEXT.getAndIncrement(), COMMUNES.size()));
    }

    public static String news(String plan) {
        return plan + "-01";
    }

    public static String dialogue(String plan) {
        return plan + "-02";
    }

    public static String radio(String plan) {
        return plan + "-03";
    }

    public static String fees(String plan) {
        return plan + "-04";
    }

    public static String feedback(String plan) {
        return plan + "-05";
    }

    public static PlannedTask newsTask(String plan) {
        return new PlannedTask(news(plan), 1,
                "Đăng tải tin, bài về dịch vụ công trực tuyến trên Cổng thông tin điện tử và Zalo OA của xã", OFFICE,
                List.of("Công chức Văn hóa - Xã hội"), List.of("news", "article"), List.of("portal", "zalo-oa"),
                new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)),
                new Due(LocalDate.of(2025, 12, 31), "Tháng 12/2025"));
    }

    public static PlannedTask dialogueTask(String plan) {
        return new PlannedTask(dialogue(plan), 2,
                "Tổ chức hội nghị đối thoại giữa lãnh đạo UBND xã với Nhân dân về cải cách hành chính",
                "Công chức Văn phòng - Thống kê", List.of("Ủy ban MTTQ Việt Nam xã"), List.of("meeting"), List.of(),
                new Quota(1, QuotaPeriod.PLAN, null, null), new Due(null, "Quý IV/2025"));
    }

    public static PlannedTask radioTask(String plan) {
        return new PlannedTask(radio(plan), 3, "Phát thanh chuyên mục \"Cải cách hành chính\" trên Đài truyền thanh xã",
                "Công chức Văn hóa - Xã hội", List.of(), List.of("radio"), List.of("loa-truyen-thanh"),
                new Quota(2, QuotaPeriod.QUARTER, YearMonth.of(2025, 10), null), null);
    }

    public static PlannedTask feesTask(String plan) {
        return new PlannedTask(fees(plan), 4,
                "Tuyên truyền, hướng dẫn người dân thanh toán trực tuyến phí, lệ phí thủ tục hành chính", OFFICE,
                List.of("Bộ phận Một cửa xã"), List.of("news", "infographic"), List.of("portal"),
                new Quota(1, QuotaPeriod.HALF_YEAR, YearMonth.of(2025, 10), null),
                new Due(LocalDate.of(2025, 12, 15), "Trước ngày 15/12/2025"));
    }

    public static PlannedTask feedbackTask(String plan) {
        return new PlannedTask(feedback(plan), 5,
                "Theo dõi, tổng hợp phản ánh, kiến nghị của người dân về thủ tục hành chính", "Bộ phận Một cửa xã",
                List.of(), List.of("report"), List.of(), null, new Due(LocalDate.of(2025, 12, 20), null));
    }

    public static PlanIssued plan(String tenant, String plan) {
        return plan(tenant, plan, List.of(newsTask(plan), dialogueTask(plan), radioTask(plan), feesTask(plan),
                feedbackTask(plan)));
    }

    public static PlanIssued plan(String tenant, String plan, List<PlannedTask> tasks) {
        return new PlanIssued(tenant, plan, 1, "21/KH-UBND",
                "Kế hoạch tuyên truyền cải cách hành chính năm 2025 trên địa bàn xã Kim Thành", PLAN_FROM, PLAN_TO,
                LocalDate.of(2025, 7, 28), Instant.parse("2025-07-28T03:20:00Z"), "u-chu-tich-ubnd", tasks);
    }

    /** A news item published on a channel, naming no task (so it is matched). */
    public static ContentPublished published(String tenant, String item, String kind, String channel, String at,
            String... taskIds) {
        return new ContentPublished(tenant, item, kind, "Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến",
                List.of("dich-vu-cong-truc-tuyen"), List.of(taskIds), OFFICE, channel, Instant.parse(at),
                channel == null ? null : "https://kimthanh.gov.vn/tin-tuc/" + item);
    }

    public static ContentRetracted retracted(String tenant, String item, String channel, String at) {
        return new ContentRetracted(tenant, item, channel, Instant.parse(at), "Số liệu chưa chính xác, gỡ để cập nhật");
    }
}
