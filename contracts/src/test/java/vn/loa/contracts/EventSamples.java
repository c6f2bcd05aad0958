package vn.loa.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationRequested.Attachment;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRejected;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.contracts.content.VisualProduct;
import vn.loa.contracts.notification.NotificationDelivered;
import vn.loa.contracts.notification.ReminderKind;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlanSigner;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.samples.KimThanhPlan;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskPeriodClosed;

/**
 * Realistic events of one commune, Xã Kim Thành (tenant {@code 10804}), following one plan from issue to close: one
 * typical sample per {@link EventType}, and variants that exercise the nullable fields the typical ones fill.
 */
final class EventSamples {

    static final String TENANT = KimThanhPlan.TENANT;

    static final String PLAN_ID = "plan-2025-021";
    static final String TASK_NEWS = "task-2025-021-01";
    static final String TASK_DIALOGUE = "task-2025-021-02";
    static final String TASK_RADIO = "task-2025-021-03";
    static final String TASK_FEES = "task-2025-021-04";
    static final String ITEM_ID = "item-2025-0917";
    static final String ACTIVITY_ID = "item-2025-1015";
    static final String TITLE = "Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến";
    static final String URL = "https://kimthanh.gov.vn/tin-tuc/xa-kim-thanh-day-manh-dich-vu-cong-truc-tuyen";

    private static final String LEAD_OFFICE = KimThanhPlan.LEAD_OFFICE;
    private static final String CHAIRMAN = KimThanhPlan.CHAIRMAN;
    private static final String VICE_CHAIRMAN = "u-pho-chu-tich-ubnd";

    static final PlannedTask NEWS_TASK = KimThanhPlan.news(TASK_NEWS);
    static final PlannedTask DIALOGUE_TASK = KimThanhPlan.dialogue(TASK_DIALOGUE);
    static final PlannedTask RADIO_TASK = KimThanhPlan.radio(TASK_RADIO);
    static final PlannedTask FEES_TASK = KimThanhPlan.fees(TASK_FEES);
    static final PlannedTask FEEDBACK_TASK = KimThanhPlan.feedback("task-2025-021-05");

    /** The news task after amendment 2: two items a month from October. */
    static final PlannedTask NEWS_TASK_V2 = new PlannedTask(TASK_NEWS, 1, NEWS_TASK.title(), LEAD_OFFICE,
            NEWS_TASK.coordinatingUnits(), NEWS_TASK.productKinds(), NEWS_TASK.channels(),
            new Quota(2, QuotaPeriod.MONTH, YearMonth.of(2025, 10), YearMonth.of(2025, 12)), NEWS_TASK.due());

    private static final Map<EventType, LoaEvent> TYPICAL = new EnumMap<>(EventType.class);
    private static final Map<String, LoaEvent> VARIANTS = new LinkedHashMap<>();

    static {
        typical(new PlanIssued(TENANT, PLAN_ID, 1, KimThanhPlan.NUMBER, KimThanhPlan.TITLE, KimThanhPlan.FROM,
                KimThanhPlan.TO, KimThanhPlan.ISSUED_ON, KimThanhPlan.ISSUED_AT, CHAIRMAN,
                List.of(NEWS_TASK, DIALOGUE_TASK, RADIO_TASK),
                new PlanSigner("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng")));
        typical(new PlanAmended(TENANT, PLAN_ID, 2, List.of(FEES_TASK, FEEDBACK_TASK),
                List.of(NEWS_TASK_V2), List.of(TASK_RADIO),
                "Điều chỉnh theo Công văn số 1152/UBND-NV ngày 25/9/2025 của UBND tỉnh",
                Instant.parse("2025-09-30T02:00:00Z"), CHAIRMAN));
        typical(new PlanClosed(TENANT, PLAN_ID, 2, Instant.parse("2026-01-05T01:30:00Z"), CHAIRMAN));

        typical(new TaskCredited(TENANT, TASK_NEWS, PLAN_ID, "credit-0001", ITEM_ID, "news", "portal",
                Instant.parse("2025-09-02T01:15:00Z"), "2025-09", CreditBasis.EXPLICIT, 1, 1, 2));
        typical(new TaskCreditWithdrawn(TENANT, TASK_NEWS, PLAN_ID, "credit-0001", ITEM_ID, "2025-09",
                "Tin bài đã bị gỡ khỏi mọi kênh đã được tính", null, Instant.parse("2025-09-03T07:45:00Z"), 0, 1,
                1));
        typical(new TaskPeriodClosed(TENANT, TASK_NEWS, PLAN_ID, "2025-08", 1, 1, PeriodOutcome.MET,
                Instant.parse("2025-08-31T17:00:00Z")));

        typical(new ContentSubmitted(TENANT, ITEM_ID, TITLE, "bientap.kimthanh",
                Instant.parse("2025-08-28T02:30:00Z")));
        typical(new ContentRejected(TENANT, ITEM_ID, "Bổ sung số liệu hồ sơ trực tuyến tháng 8 trước khi đăng",
                Instant.parse("2025-08-29T08:10:00Z")));
        typical(new ContentApproved(TENANT, ITEM_ID, "news", TITLE, VICE_CHAIRMAN,
                Instant.parse("2025-09-02T00:40:00Z")));
        typical(new ContentPublished(TENANT, ITEM_ID, "news", TITLE,
                List.of("dich-vu-cong-truc-tuyen", "chuyen-doi-so"),
                List.of(TASK_NEWS), LEAD_OFFICE, "portal", Instant.parse("2025-09-02T01:15:00Z"), URL));
        typical(new ContentRetracted(TENANT, ITEM_ID, "zalo-oa", Instant.parse("2025-09-03T07:30:00Z"),
                "Số liệu hồ sơ trực tuyến chưa chính xác, gỡ để cập nhật"));

        typical(new PublicationRequested(TENANT, "req-2025-0917-portal", ITEM_ID, "portal", "news", TITLE,
                "Từ đầu năm đến nay, 87% hồ sơ thủ tục hành chính của xã được tiếp nhận trực tuyến.",
                "<p>Sáng 01/9, UBND xã Kim Thành tổ chức hội nghị triển khai các giải pháp đẩy mạnh cung cấp dịch vụ"
                        + " công trực tuyến toàn trình.</p>",
                List.of(new Attachment("att-01", "hoi-nghi-cchc.jpg", "image/jpeg", 245_760,
                        "https://loa.vn/api/content/items/item-2025-0917/files/att-01")),
                Instant.parse("2025-09-02T01:10:00Z")));
        typical(new PublicationSucceeded(TENANT, "req-2025-0917-portal", ITEM_ID, "portal", URL,
                Instant.parse("2025-09-02T01:15:00Z"), "news-48213", List.of()));
        typical(new PublicationFailed(TENANT, "req-2025-0917-zalo-oa", ITEM_ID, "zalo-oa",
                "Zalo OA từ chối yêu cầu: vượt hạn mức tin nhắn trong ngày (HTTP 429)", true,
                Instant.parse("2025-09-02T01:16:00Z")));
        typical(new ChannelRegistered("portal", "Cổng thông tin điện tử xã", List.of("news", "article", "announcement"),
                true, true, Instant.parse("2025-09-02T00:00:00Z")));
        typical(new ReminderRaised(TENANT, "rem-10804-task_at_risk-task-2025-021-01-2025-12", ReminderKind.TASK_AT_RISK,
                TASK_NEWS, "2025-12", "Nhiệm vụ có nguy cơ không đạt chỉ tiêu",
                "Nhiệm vụ 'Đăng tin CCHC trên Cổng thông tin điện tử xã': 1/2 tin tháng 12, còn 9 ngày.",
                "#/nhiem-vu/" + TASK_NEWS, List.of("LEADER", "EDITOR"), LocalDate.of(2025, 12, 31),
                Instant.parse("2025-12-23T00:00:00Z")));
        typical(new NotificationDelivered(TENANT, "ntf-0001", "lanhdao.kimthanh",
                "rem-10804-task_at_risk-task-2025-021-01-2025-12", Instant.parse("2025-12-23T00:00:02Z")));
        variant("ReminderRaised without a date (a report returned)", new ReminderRaised(TENANT,
                "rem-10804-report_returned-2025-Q4-2025-Q4", ReminderKind.REPORT_RETURNED, "2025-Q4", "2025-Q4",
                "Báo cáo bị trả lại", "Báo cáo quý IV năm 2025 bị tỉnh trả lại: Thiếu số liệu tháng 12.",
                "#/bao-cao", List.of("LEADER", "ADMIN"), null, Instant.parse("2025-12-23T00:00:00Z")));

        typical(new PublicationEngaged(TENANT, ITEM_ID, "portal", "req-2025-0917-portal",
                "portal-3f6c2f0e", EngagementBasis.COUNTED_IN_WINDOW, Instant.parse("2025-09-02T02:00:00Z"),
                Instant.parse("2025-09-02T02:00:10Z"), new PublicationEngaged.Figures(12, 0, 0, 0, 0, 0, 0)));

        variant("PublicationEngaged: the commune's feed (no item, no publication)", new PublicationEngaged(TENANT,
                null, "portal", null, "portal-3f6c2f0e", EngagementBasis.COUNTED_IN_WINDOW,
                Instant.parse("2025-09-02T02:00:00Z"), Instant.parse("2025-09-02T02:00:10Z"),
                new PublicationEngaged.Figures(0, 3, 0, 0, 0, 0, 0)));
        variant("PublicationEngaged: an operator's running totals (no from)", new PublicationEngaged(TENANT,
                ITEM_ID, "facebook", null, "manual:u-cong-chuc-vhxh", EngagementBasis.RUNNING_TOTAL, null,
                Instant.parse("2025-09-05T09:00:00Z"), new PublicationEngaged.Figures(0, 0, 0, 0, 1250, 86, 14)));

        variant("ReminderRaised for an item waiting for approval", new ReminderRaised(TENANT,
                "rem-10804-approval-waiting-" + ITEM_ID + "-2025-09-01", ReminderKind.APPROVAL_WAITING, ITEM_ID,
                "2025-09-01", "Tin, bài chờ duyệt quá 2 ngày làm việc",
                "Tin, bài '" + TITLE + "' chờ duyệt từ 01/09/2025 (3 ngày làm việc).", "#/tin-bai/" + ITEM_ID,
                List.of("LEADER"), null, Instant.parse("2025-09-04T00:00:00Z")));

        variant("PlanIssued without a signature block", new PlanIssued(TENANT, "plan-2025-022", 1, "22/KH-UBND",
                "Kế hoạch tuyên truyền chuyển đổi số năm 2025", LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 31),
                LocalDate.of(2025, 7, 30), Instant.parse("2025-07-30T03:20:00Z"), CHAIRMAN, List.of(FEEDBACK_TASK)));
        variant("PlanIssued signed without a TM. line (Kim Thành's plan)", new PlanIssued(TENANT, "plan-2025-023",
                1, "23/KH-UBND", "Kế hoạch tuyên truyền cải cách hành chính 6 tháng cuối năm 2025",
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 7, 1),
                Instant.parse("2025-07-01T03:20:00Z"), CHAIRMAN, List.of(NEWS_TASK),
                new PlanSigner(null, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", null)));
        variant("PlanAmended without reason, only a withdrawal", new PlanAmended(TENANT, PLAN_ID, 3, List.of(),
                List.of(), List.of(TASK_DIALOGUE), null, Instant.parse("2025-11-20T08:00:00Z"), CHAIRMAN));
        variant("TaskCredited by an activity held (no channel), matched", new TaskCredited(TENANT, TASK_DIALOGUE,
                PLAN_ID, "credit-0007", ACTIVITY_ID, "meeting", null, Instant.parse("2025-10-14T17:00:00Z"), "PLAN",
                CreditBasis.MATCHED, 1, 1, 1));
        variant("TaskCreditWithdrawn by a leader", new TaskCreditWithdrawn(TENANT, TASK_NEWS, PLAN_ID,
                "credit-0005", "item-2025-1008", "2025-10", "Tin không thuộc nhiệm vụ này", VICE_CHAIRMAN,
                Instant.parse("2025-10-09T09:00:00Z"), 1, 2, 3));
        variant("TaskPeriodClosed missed, half-year bucket", new TaskPeriodClosed(TENANT, TASK_FEES, PLAN_ID,
                "2025-H2", 1, 0, PeriodOutcome.MISSED, Instant.parse("2025-12-31T17:00:00Z")));
        variant("ContentPublished for an activity held (no channel, unit, url)", new ContentPublished(TENANT,
                ACTIVITY_ID, "meeting",
                "Hội nghị đối thoại giữa lãnh đạo UBND xã với Nhân dân về cải cách hành chính năm 2025",
                List.of("cai-cach-hanh-chinh"), List.of(), null, null, Instant.parse("2025-10-14T17:00:00Z"),
                null));
        variant("ContentPublished for a visual product (truc-quan: no url, the product's kind, place and quantity)",
                new ContentPublished(TENANT, ITEM_ID, "banner", "Pano tuyên truyền cải cách hành chính năm 2025",
                        List.of("cai-cach-hanh-chinh"), List.of(), LEAD_OFFICE, "truc-quan",
                        Instant.parse("2025-10-14T17:00:00Z"), null,
                        new VisualProduct("Trụ sở UBND xã; Điểm Bưu điện văn hóa xã", 2)));
        variant("ContentRetracted activity record without reason",
                new ContentRetracted(TENANT, ACTIVITY_ID, null, Instant.parse("2025-10-20T02:00:00Z"), null));
        variant("PublicationRequested without summary nor attachments", new PublicationRequested(TENANT,
                "req-2025-0917-loa-truyen-thanh", ITEM_ID, "loa-truyen-thanh", "radio",
                "Chuyên mục cải cách hành chính: dịch vụ công trực tuyến", null,
                "<p>Kính thưa bà con nhân dân trong xã…</p>", List.of(), Instant.parse("2025-09-02T01:10:00Z")));
        variant("PublicationSucceeded without url nor external id", new PublicationSucceeded(TENANT,
                "req-2025-0917-loa-truyen-thanh", ITEM_ID, "loa-truyen-thanh", null,
                Instant.parse("2025-09-02T10:00:00Z"), null,
                List.of(new Attachment("radio-2025-0917", "ban-tin-cchc-2025-09-02.ogg", "audio/ogg", 412_300,
                        "https://loa.vn/radio/35566/audio/radio-2025-0917.ogg"))));
        variant("ChannelRegistered unhealthy", new ChannelRegistered("zalo-oa", "Zalo OA UBND xã",
                List.of("news", "announcement"), false, false, Instant.parse("2025-09-02T01:16:30Z")));
    }

    private EventSamples() {
    }

    private static void typical(LoaEvent event) {
        TYPICAL.put(EventType.of(event), event);
    }

    private static void variant(String name, LoaEvent event) {
        VARIANTS.put(name, event);
    }

    /** The typical sample of a type, or null if none was written. */
    static LoaEvent typical(EventType type) {
        return TYPICAL.get(type);
    }

    /** Every sample, typical and variant, by a readable name. */
    static Map<String, LoaEvent> all() {
        Map<String, LoaEvent> all = new LinkedHashMap<>();
        Arrays.stream(EventType.values()).filter(TYPICAL::containsKey)
                .forEach(t -> all.put(t.type(), TYPICAL.get(t)));
        all.putAll(VARIANTS);
        return all;
    }
}
