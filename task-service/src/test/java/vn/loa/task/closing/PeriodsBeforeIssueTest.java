package vn.loa.task.closing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.testsupport.MutableClock;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskServiceCore;
import vn.loa.task.task.Bucket;
import vn.loa.task.task.Task;
import vn.loa.task.task.Tasks;

/**
 * The plan's issue date through the same entry points as the bindings and the scheduler, on a real (in-memory)
 * database: a plan issued on 05/09/2025 for the whole year never has a period before September closed as missed.
 */
class PeriodsBeforeIssueTest {

    private static final String TENANT = "00292";
    private static final String PLAN = "plan-bach-mai-2025";
    private static final String MONTHLY = PLAN + "-01";
    private static final String QUARTERLY = PLAN + "-02";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-05T02:00:00Z"));
    private final TaskServiceCore core = new TaskServiceCore(clock);

    @AfterEach
    void drop() {
        core.drop();
    }

    private static PlanIssued bachMai() {
        return new PlanIssued(TENANT, PLAN, 1, "251/KH-UBND",
                "Kế hoạch thông tin, tuyên truyền về cải cách hành chính nhà nước trên địa bàn phường Bạch Mai năm"
                        + " 2025", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 9, 5),
                Instant.parse("2025-09-05T02:00:00Z"), "u-chu-tich", List.of(
                        new PlannedTask(MONTHLY, 1, "Đăng tin, bài về CCHC trên Trang thông tin điện tử phường",
                                "Văn phòng HĐND và UBND phường", List.of(), List.of("news"), List.of("portal"),
                                new Quota(1, QuotaPeriod.MONTH, null, null), null),
                        new PlannedTask(QUARTERLY, 2, "Phát ít nhất 02 tin, bài về CCHC trên hệ thống truyền thanh",
                                "Trung tâm Văn hóa, Thông tin và Thể thao", List.of(), List.of("audio"),
                                List.of("radio"), new Quota(2, QuotaPeriod.QUARTER, null, null), null)));
    }

    @Test
    void theCloserNeverEmitsForAPeriodThatEndedBeforeTheIssue() {
        core.handle(bachMai());

        // the first day: January to August (and Q1, Q2) have ended, yet nothing is to be closed
        assertThat(core.closer.closeEndedPeriods()).isZero();
        assertThat(core.events(TENANT, MONTHLY)).isEmpty();
        assertThat(core.events(TENANT, QUARTERLY)).isEmpty();

        // after September: September and Q3 are judged, nothing before them
        clock.set(Instant.parse("2025-10-01T01:00:00Z"));
        assertThat(core.closer.closeEndedPeriods()).isEqualTo(2);
        assertThat(core.closer.closeEndedPeriods()).isZero();
        assertThat(closings(MONTHLY)).extracting(TaskPeriodClosed::period, TaskPeriodClosed::outcome)
                .containsExactly(tuple("2025-09", PeriodOutcome.MISSED));
        assertThat(closings(QUARTERLY)).extracting(TaskPeriodClosed::period, TaskPeriodClosed::outcome)
                .containsExactly(tuple("2025-Q3", PeriodOutcome.MISSED));
        assertThat(core.task(TENANT, MONTHLY).buckets()).filteredOn(Bucket::notApplicable).hasSize(8);
    }

    @Test
    void aPublicationBeforeTheIssueCountsInTheMonthOfIssueOnly() {
        core.handle(Samples.published(TENANT, "item-aug", "news", "portal", "2025-08-20T03:00:00Z"));
        core.handle(Samples.published(TENANT, "item-sep", "news", "portal", "2025-09-02T03:00:00Z"));
        core.handle(bachMai());

        Task monthly = core.task(TENANT, MONTHLY);
        assertThat(monthly.credits()).extracting(c -> c.itemId() + "@" + c.period()).containsExactly("item-sep@2025-09");
        assertThat(core.events(TENANT, MONTHLY)).singleElement()
                .satisfies(e -> assertThat(((TaskCredited) e).period()).isEqualTo("2025-09"));
    }

    @Test
    void aTaskAddedByAnAmendmentFollowsThePlansIssueDate() {
        core.handle(bachMai());
        PlannedTask added = new PlannedTask(PLAN + "-03", 3, "Đăng tin CCHC trên Zalo OA của phường",
                "Văn phòng HĐND và UBND phường", List.of(), List.of("news"), List.of("zalo-oa"),
                new Quota(1, QuotaPeriod.MONTH, null, null), null);
        core.handle(new PlanAmended(TENANT, PLAN, 2, List.of(added), List.of(), List.of(), "Bổ sung kênh Zalo OA",
                Instant.parse("2025-10-10T02:00:00Z"), "u-chu-tich"));

        Task task = core.task(TENANT, PLAN + "-03");
        assertThat(task.planIssuedOn()).isEqualTo(LocalDate.of(2025, 9, 5));
        assertThat(task.buckets()).filteredOn(Bucket::notApplicable).extracting(Bucket::period)
                .containsExactly("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07",
                        "2025-08");
    }

    @Test
    void aTaskStoredBeforeTheIssueDateWasKeptIsClosedAsBefore() {
        core.handle(bachMai());
        // as written by the previous version: no issue date, no notApplicable on the buckets
        Document stored = core.mongo.findById(Task.id(TENANT, MONTHLY), Document.class, Tasks.COLLECTION);
        stored.remove("planIssuedOn");
        stored.getList("buckets", Document.class).forEach(b -> b.remove("notApplicable"));
        core.mongo.getCollection(Tasks.COLLECTION).replaceOne(new Document("_id", stored.get("_id")), stored);

        Task old = core.task(TENANT, MONTHLY);
        assertThat(old.planIssuedOn()).isNull();
        assertThat(old.buckets()).hasSize(12).noneMatch(Bucket::notApplicable);
        assertThat(core.tasks.withBucketsToClose(clock.instant())).containsExactly(Task.id(TENANT, MONTHLY));
        core.closer.closeEndedPeriods();
        assertThat(closings(MONTHLY)).hasSize(8);
    }

    private List<TaskPeriodClosed> closings(String taskId) {
        return core.events(TENANT, taskId).stream().filter(TaskPeriodClosed.class::isInstance)
                .map(TaskPeriodClosed.class::cast).toList();
    }
}
