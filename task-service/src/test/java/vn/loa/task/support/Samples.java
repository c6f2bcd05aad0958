package vn.loa.task.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.samples.KimThanhPlan;
import vn.loa.platform.tenancy.CommuneDirectory;

/**
 * A realistic plan of Xã Kim Thành (10804) for the second half of 2025 — the contracts' {@link KimThanhPlan}, shared
 * with every module's tests — with ids from the plan's id, so tests never collide.
 */
public final class Samples {

    public static final String TENANT = KimThanhPlan.TENANT;
    public static final LocalDate PLAN_FROM = KimThanhPlan.FROM;
    public static final LocalDate PLAN_TO = KimThanhPlan.TO;
    public static final String OFFICE = KimThanhPlan.LEAD_OFFICE;

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
        return KimThanhPlan.news(news(plan));
    }

    public static PlannedTask dialogueTask(String plan) {
        return KimThanhPlan.dialogue(dialogue(plan));
    }

    public static PlannedTask radioTask(String plan) {
        return KimThanhPlan.radio(radio(plan));
    }

    public static PlannedTask feesTask(String plan) {
        return KimThanhPlan.fees(fees(plan));
    }

    public static PlannedTask feedbackTask(String plan) {
        return KimThanhPlan.feedback(feedback(plan));
    }

    public static PlanIssued plan(String tenant, String plan) {
        return plan(tenant, plan, List.of(newsTask(plan), dialogueTask(plan), radioTask(plan), feesTask(plan),
                feedbackTask(plan)));
    }

    public static PlanIssued plan(String tenant, String plan, List<PlannedTask> tasks) {
        return KimThanhPlan.issued(tenant, plan, tasks);
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
