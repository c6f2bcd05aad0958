package vn.loa.task.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.task.support.Samples;

/** The task aggregate in plain Java: credits, withdrawals and closings, and the events they leave. */
class TaskTest {

    private static final String PLAN = "plan-2025-021";
    private static final Instant NOW = Instant.parse("2025-09-15T03:00:00Z");

    private final Task news = Task.issue(Samples.TENANT, PLAN, 1, Samples.PLAN_FROM, Samples.PLAN_TO,
            Samples.newsTask(PLAN));

    @Test
    void anIssuedTaskHasABucketPerPeriodWithTheQuotaAsTarget() {
        assertThat(news.buckets()).extracting(b -> b.period() + "/" + b.target())
                .containsExactly("2025-08/1", "2025-09/1", "2025-10/1", "2025-11/1", "2025-12/1");
        assertThat(news.state()).isEqualTo(TaskState.ISSUED);
    }

    @Test
    void creditingTwiceByTheSamePublicationChangesNothing() {
        assertThat(news.credit("item-1", portal("2025-09-02T01:15:00Z"), NOW)).isTrue();
        assertThat(news.credit("item-1", portal("2025-09-02T01:15:00Z"), NOW)).isFalse();

        assertThat(news.credited()).isEqualTo(1);
        assertThat(news.pendingEvents()).hasSize(1);
    }

    @Test
    void anotherPublicationInTheSameBucketCorrectsTheRecordWithoutAnEvent() {
        news.credit("item-1", portal("2025-09-10T01:15:00Z"), NOW);
        news.credit("item-1", portal("2025-09-02T01:15:00Z"), NOW);

        assertThat(news.activeCreditOf("item-1").orElseThrow().publishedAt())
                .isEqualTo(Instant.parse("2025-09-02T01:15:00Z"));
        assertThat(news.pendingEvents()).hasSize(1);
        assertThat(news.credited()).isEqualTo(1);
    }

    @Test
    void uncreditingWithdrawsWithTheReasonAndTheCountsAfter() {
        news.credit("item-1", portal("2025-09-02T01:15:00Z"), NOW);
        news.credit("item-2", portal("2025-09-03T01:15:00Z"), NOW);

        assertThat(news.uncredit("item-1", "Tin bài đã bị gỡ", NOW)).isTrue();
        assertThat(news.uncredit("item-1", "Tin bài đã bị gỡ", NOW)).isFalse();

        TaskCreditWithdrawn withdrawn = (TaskCreditWithdrawn) news.pendingEvents().get(2);
        assertThat(withdrawn.reason()).isEqualTo("Tin bài đã bị gỡ");
        assertThat(withdrawn.withdrawnBy()).isNull();
        assertThat(withdrawn.periodCredited()).isEqualTo(1);
        assertThat(withdrawn.totalCredited()).isEqualTo(1);
    }

    @Test
    void aLeaderWithdrawalIsRecordedAndTheItemIsRefusedForGood() {
        news.credit("item-1", portal("2025-09-02T01:15:00Z"), NOW);
        Credit credit = news.activeCreditOf("item-1").orElseThrow();

        news.withdrawByLeader(credit, "u-pho-chu-tich", "Tin không thuộc nhiệm vụ này", NOW);

        assertThat(news.refuses("item-1")).isTrue();
        assertThat(news.credited()).isZero();
        Credit after = news.credit(credit.creditId()).orElseThrow();
        assertThat(after.withdrawal()).isEqualTo(
                new Credit.Withdrawal(NOW, "u-pho-chu-tich", "Tin không thuộc nhiệm vụ này"));
        TaskCreditWithdrawn event = (TaskCreditWithdrawn) news.pendingEvents().getLast();
        assertThat(event.withdrawnBy()).isEqualTo("u-pho-chu-tich");
        assertThatThrownBy(() -> news.withdrawByLeader(after, "u-pho-chu-tich", "lần nữa", NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingEmitsOncePerEndedBucketWithItsOutcome() {
        news.credit("item-1", portal("2025-08-05T01:15:00Z"), NOW);
        Instant october2 = Instant.parse("2025-10-02T00:00:00Z");

        assertThat(news.closeEndedBuckets(october2)).isTrue();
        assertThat(news.closeEndedBuckets(october2)).isFalse();

        assertThat(news.pendingEvents()).filteredOn(TaskPeriodClosed.class::isInstance)
                .map(TaskPeriodClosed.class::cast)
                .extracting(TaskPeriodClosed::period, TaskPeriodClosed::outcome, TaskPeriodClosed::credited)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-08", PeriodOutcome.MET, 1),
                        org.assertj.core.groups.Tuple.tuple("2025-09", PeriodOutcome.MISSED, 0));
    }

    @Test
    void aLateCreditInAClosedBucketCountsWithoutReopeningIt() {
        news.closeEndedBuckets(Instant.parse("2025-10-02T00:00:00Z"));
        news.credit("item-late", portal("2025-09-29T01:00:00Z"), NOW);

        Bucket september = news.bucket("2025-09").orElseThrow();
        assertThat(september.closed()).isTrue();
        assertThat(september.credited()).isEqualTo(1);
        assertThat(((TaskCredited) news.pendingEvents().getLast()).period()).isEqualTo("2025-09");
    }

    @Test
    void aCreditMovesToTheBucketOfAnEarlierPublication() {
        news.credit("item-1", portal("2025-09-01T02:00:00Z"), NOW);
        news.credit("item-1", portal("2025-08-31T16:30:00Z"), NOW);

        assertThat(news.pendingEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TaskCredited", "TaskCreditWithdrawn", "TaskCredited");
        assertThat(news.bucket("2025-08").orElseThrow().credited()).isEqualTo(1);
        assertThat(news.bucket("2025-09").orElseThrow().credited()).isZero();
        assertThat(news.credits()).hasSize(2);
    }

    @Test
    void aTaskWithoutQuotaKeepsItsCreditsInOnePlanBucketWithoutTarget() {
        Task feedback = Task.issue(Samples.TENANT, PLAN, 1, Samples.PLAN_FROM, Samples.PLAN_TO,
                Samples.feedbackTask(PLAN));

        assertThat(feedback.buckets()).extracting(b -> b.period() + "/" + b.target()).containsExactly("PLAN/0");
        assertThat(feedback.takesCreditAt(Instant.parse("2025-12-31T16:59:59Z"))).isTrue();
        assertThat(feedback.takesCreditAt(Instant.parse("2025-12-31T17:00:00Z"))).isFalse();
    }

    @Test
    void aCreditOutsideEveryBucketIsAProgrammingError() {
        assertThatThrownBy(() -> news.credit("item-1", portal("2026-01-05T00:00:00Z"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(news.credits()).isEmpty();
    }

    private static Qualification portal(String at) {
        return new Qualification("portal", Instant.parse(at), "news", CreditBasis.MATCHED);
    }
}
