package vn.loa.report.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlanSigner;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskPeriodClosed;

/**
 * A recorded event stream of one commune's plan, as the producers would send it: a plan of three tasks (a monthly
 * news quota on the portal, a quarterly radio quota, a dialogue without quota), an amendment, credits, a withdrawal,
 * a closing, publications on two channels, a retraction, an activity held, a failure and an approved item still
 * waiting. Ids are prefixed so that several tests can share one database.
 */
public final class Samples {

    public static final String KIM_THANH = "10804";
    public static final String TIEN_MINH = "11791";
    public static final String HAI_PHONG = "31";
    public static final String BACH_MAI = "00292";
    public static final String HA_NOI = "01";

    private Samples() {
    }

    public static Instant at(String iso) {
        return Instant.parse(iso);
    }

    public static String plan(String p) {
        return p + "-plan";
    }

    public static String news(String p) {
        return p + "-task-news";
    }

    public static String radio(String p) {
        return p + "-task-radio";
    }

    public static String dialogue(String p) {
        return p + "-task-dialogue";
    }

    public static PlanIssued planIssued(String tenant, String p) {
        return new PlanIssued(tenant, plan(p), 1, "21/KH-UBND", "Kế hoạch tuyên truyền CCHC 6 tháng cuối năm 2025",
                LocalDate.parse("2025-08-01"), LocalDate.parse("2025-12-31"), LocalDate.parse("2025-07-25"),
                at("2025-07-25T03:00:00Z"), "leader", List.of(
                        new PlannedTask(news(p), 1, "Đăng tin về CCHC trên Trang thông tin điện tử xã",
                                "Văn phòng HĐND-UBND", List.of(), List.of("news"), List.of("portal"),
                                new Quota(1, QuotaPeriod.MONTH, YearMonth.parse("2025-08"), YearMonth.parse("2025-12")),
                                null),
                        new PlannedTask(radio(p), 2, "Phát tin CCHC trên hệ thống truyền thanh", "Trung tâm VHTT",
                                List.of(), List.of("news", "audio"), List.of("radio"),
                                new Quota(2, QuotaPeriod.QUARTER, null, null), null),
                        new PlannedTask(dialogue(p), 3, "Tổ chức đối thoại với Nhân dân về CCHC", "Phòng VH-XH",
                                List.of("Văn phòng HĐND-UBND"), List.of("dialogue"), List.of(), null,
                                new Due(LocalDate.parse("2025-11-30"), "Tháng 11/2025"))),
                SIGNER);
    }

    /** The signature block of the seed plans (Tiên Minh's, here). */
    public static final PlanSigner SIGNER =
            new PlanSigner("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phạm Thị Xuân");

    /** Version 2: the news task renamed, the dialogue withdrawn. */
    public static PlanAmended planAmended(String tenant, String p) {
        return new PlanAmended(tenant, plan(p), 2, List.of(), List.of(
                new PlannedTask(news(p), 1, "Đăng tin, bài về CCHC trên Trang thông tin điện tử xã",
                        "Văn phòng HĐND-UBND", List.of(), List.of("news"), List.of("portal"),
                        new Quota(1, QuotaPeriod.MONTH, YearMonth.parse("2025-08"), YearMonth.parse("2025-12")),
                        null)),
                List.of(dialogue(p)), "Theo chỉ đạo của UBND thành phố", at("2025-08-05T02:00:00Z"), "leader");
    }

    public static ContentPublished published(String tenant, String item, String kind, String channel, String when) {
        return new ContentPublished(tenant, item, kind, "Tin " + item, List.of("Thủ tục hành chính"), List.of(),
                "Văn phòng HĐND-UBND", channel, at(when), channel == null ? null : "https://x/" + item);
    }

    public static TaskCredited credited(String tenant, String task, String p, String credit, String item,
            String channel, String when, String period, int periodCredited, int target) {
        return new TaskCredited(tenant, task, plan(p), credit, item, "news", channel, at(when), period,
                CreditBasis.MATCHED, periodCredited, target, periodCredited);
    }

    /** The whole recorded stream, in the order the producers sent it. */
    public static List<LoaEvent> stream(String tenant, String p) {
        List<LoaEvent> events = new ArrayList<>();
        events.add(planIssued(tenant, p));
        events.add(planAmended(tenant, p));
        events.add(new ContentApproved(tenant, p + "-item1", "news", "Tin item1", "leader", at("2025-08-09T01:00:00Z")));
        events.add(published(tenant, p + "-item1", "news", "portal", "2025-08-10T02:00:00Z"));
        events.add(new PublicationSucceeded(tenant, p + "-item1:portal:1", p + "-item1", "portal", "https://x/1",
                at("2025-08-10T02:00:00Z"), null, List.of()));
        events.add(credited(tenant, news(p), p, p + "-c1", p + "-item1", "portal", "2025-08-10T02:00:00Z",
                "2025-08", 1, 1));
        events.add(new TaskPeriodClosed(tenant, news(p), plan(p), "2025-08", 1, 1, PeriodOutcome.MET,
                at("2025-08-31T17:00:00Z")));
        events.add(new ContentApproved(tenant, p + "-item2", "news", "Tin item2", "leader", at("2025-09-01T01:00:00Z")));
        events.add(published(tenant, p + "-item2", "news", "portal", "2025-09-02T02:00:00Z"));
        events.add(published(tenant, p + "-item2", "news", "radio", "2025-09-02T03:00:00Z"));
        events.add(credited(tenant, news(p), p, p + "-c2", p + "-item2", "portal", "2025-09-02T02:00:00Z",
                "2025-09", 1, 1));
        events.add(credited(tenant, radio(p), p, p + "-c3", p + "-item2", "radio", "2025-09-02T03:00:00Z",
                "2025-Q3", 1, 2));
        events.add(new ContentRetracted(tenant, p + "-item2", "radio", at("2025-09-03T03:00:00Z"), "Sai thông tin"));
        events.add(new TaskCreditWithdrawn(tenant, radio(p), plan(p), p + "-c3", p + "-item2", "2025-Q3",
                "Gỡ khỏi truyền thanh", null, at("2025-09-03T03:00:01Z"), 0, 2, 0));
        events.add(published(tenant, p + "-item3", "dialogue", null, "2025-09-09T17:00:00Z"));
        events.add(new ContentApproved(tenant, p + "-item4", "article", "Bài item4", "leader",
                at("2025-09-10T01:00:00Z")));
        events.add(new PublicationFailed(tenant, p + "-item4:facebook:1", p + "-item4", "facebook",
                "Mã truy cập Fanpage đã hết hạn", true, at("2025-09-10T02:00:00Z")));
        events.add(new PublicationFailed(tenant, p + "-item4:facebook:0", p + "-item4", "facebook",
                "Lỗi cũ hơn", true, at("2025-09-10T01:30:00Z")));
        events.add(new ContentApproved(tenant, p + "-item5", "news", "Tin item5", "leader", at("2025-09-12T01:00:00Z")));
        return events;
    }
}
