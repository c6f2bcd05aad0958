package vn.loa.contracts.samples;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;

/**
 * The test events' plan, in one place for every module's tests (this class ships in the test-jar of
 * {@code contracts}): Xã Kim Thành's (10804) plan 21/KH-UBND for the second half of 2025, like the seeds' — news on
 * the portal and Zalo OA every month, a dialogue over the plan, radio twice a quarter from October, fee guidance once
 * in the second half, and a follow-up without a quota. Ids are the caller's, so that tests can keep apart.
 */
public final class KimThanhPlan {

    public static final String TENANT = "10804";
    public static final String NUMBER = "21/KH-UBND";
    public static final String TITLE = "Kế hoạch tuyên truyền cải cách hành chính năm 2025 trên địa bàn xã Kim Thành";
    public static final LocalDate FROM = LocalDate.of(2025, 8, 1);
    public static final LocalDate TO = LocalDate.of(2025, 12, 31);
    public static final LocalDate ISSUED_ON = LocalDate.of(2025, 7, 28);
    public static final Instant ISSUED_AT = Instant.parse("2025-07-28T03:20:00Z");
    public static final String LEAD_OFFICE = "Văn phòng HĐND và UBND xã";
    public static final String CHAIRMAN = "u-chu-tich-ubnd";

    private KimThanhPlan() {
    }

    /** Task 1: news on the portal and Zalo OA, one a month from August to December. */
    public static PlannedTask news(String id) {
        return new PlannedTask(id, 1,
                "Đăng tải tin, bài tuyên truyền về dịch vụ công trực tuyến trên Cổng thông tin điện tử và Zalo OA của xã",
                LEAD_OFFICE, List.of("Công chức Văn hóa - Xã hội"), List.of("news", "article"),
                List.of("portal", "zalo-oa"),
                new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)),
                new Due(LocalDate.of(2025, 12, 31), "Tháng 12/2025"));
    }

    /** Task 2: one dialogue over the whole plan. */
    public static PlannedTask dialogue(String id) {
        return new PlannedTask(id, 2,
                "Tổ chức hội nghị đối thoại giữa lãnh đạo UBND xã với Nhân dân về cải cách hành chính",
                "Công chức Văn phòng - Thống kê", List.of("Ủy ban MTTQ Việt Nam xã", "Đoàn Thanh niên xã"),
                List.of("meeting"), List.of(), new Quota(1, QuotaPeriod.PLAN, null, null), new Due(null, "Quý IV/2025"));
    }

    /** Task 3: the radio column, twice a quarter from October. */
    public static PlannedTask radio(String id) {
        return new PlannedTask(id, 3,
                "Phát thanh chuyên mục \"Cải cách hành chính\" trên Đài truyền thanh xã", "Công chức Văn hóa - Xã hội",
                List.of(), List.of("radio"), List.of("loa-truyen-thanh"),
                new Quota(2, QuotaPeriod.QUARTER, YearMonth.of(2025, 10), null), null);
    }

    /** Task 4: fee guidance, once in the second half from October. */
    public static PlannedTask fees(String id) {
        return new PlannedTask(id, 4,
                "Tuyên truyền, hướng dẫn người dân thanh toán trực tuyến phí, lệ phí thủ tục hành chính", LEAD_OFFICE,
                List.of("Bộ phận Một cửa xã"), List.of("news", "infographic"), List.of("portal"),
                new Quota(1, QuotaPeriod.HALF_YEAR, YearMonth.of(2025, 10), null),
                new Due(LocalDate.of(2025, 12, 15), "Trước ngày 15/12/2025"));
    }

    /** Task 5: a follow-up without a quota. */
    public static PlannedTask feedback(String id) {
        return new PlannedTask(id, 5,
                "Theo dõi, tổng hợp phản ánh, kiến nghị của người dân về thủ tục hành chính", "Bộ phận Một cửa xã",
                List.of(), List.of("report"), List.of(), null, new Due(LocalDate.of(2025, 12, 20), null));
    }

    /** The plan issued (version 1) by the chairman, with the tasks given; no signature block. */
    public static PlanIssued issued(String tenant, String planId, List<PlannedTask> tasks) {
        return new PlanIssued(tenant, planId, 1, NUMBER, TITLE, FROM, TO, ISSUED_ON, ISSUED_AT, CHAIRMAN, tasks);
    }
}
