package vn.loa.task.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.task.support.Samples;

/** Statuses of buckets and tasks, and the at-risk rule with its thresholds. */
class ProgressTest {

    private static final String PLAN = "plan-2025-021";
    private final Progress progress = new Progress(AtRiskRule.DEFAULT);
    private final Task news = Task.issue(Samples.TENANT, PLAN, 1, Samples.PLAN_FROM, Samples.PLAN_TO,
            Samples.newsTask(PLAN));

    @Test
    void aBucketIsAtRiskOnceMoreThanHalfItsPeriodIsGoneWithLessThanHalfItsTarget() {
        news.credit("item-aug", new Qualification("portal", Instant.parse("2025-08-05T00:00:00Z"), "news",
                CreditBasis.MATCHED), Instant.parse("2025-08-05T00:00:00Z"));
        Bucket september = news.bucket("2025-09").orElseThrow();

        assertThat(progress.of(september, Instant.parse("2025-09-10T00:00:00Z")))
                .isEqualTo(new Progress.BucketProgress(september, BucketStatus.OPEN, false));
        assertThat(progress.of(september, Instant.parse("2025-09-20T00:00:00Z")))
                .isEqualTo(new Progress.BucketProgress(september, BucketStatus.OPEN, true));
        assertThat(progress.of(september, Instant.parse("2025-08-20T00:00:00Z")).status())
                .isEqualTo(BucketStatus.UPCOMING);
        assertThat(progress.of(news, Instant.parse("2025-09-20T00:00:00Z"))).isEqualTo(TaskStatus.AT_RISK);
    }

    @Test
    void theThresholdsAreConfigurable() {
        Progress strict = new Progress(new AtRiskRule(0.25, 1.0));
        Bucket september = news.bucket("2025-09").orElseThrow();

        assertThat(strict.of(september, Instant.parse("2025-09-10T00:00:00Z")).atRisk()).isTrue();
    }

    @Test
    void aMetBucketIsMetAndNotAtRisk() {
        news.credit("item-1", new Qualification("portal", Instant.parse("2025-09-02T00:00:00Z"), "news",
                CreditBasis.MATCHED), Instant.parse("2025-09-02T00:00:00Z"));

        Progress.BucketProgress september = progress.of(news.bucket("2025-09").orElseThrow(),
                Instant.parse("2025-09-25T00:00:00Z"));
        assertThat(september.status()).isEqualTo(BucketStatus.MET);
        assertThat(september.atRisk()).isFalse();
    }

    @Test
    void aMissedClosedBucketPutsTheTaskBehindAndAPassedDueDateOverdue() {
        news.closeEndedBuckets(Instant.parse("2025-09-01T00:00:00Z"));

        assertThat(progress.of(news.bucket("2025-08").orElseThrow(), Instant.parse("2025-09-02T00:00:00Z")).status())
                .isEqualTo(BucketStatus.MISSED);
        assertThat(progress.of(news, Instant.parse("2025-09-02T00:00:00Z"))).isEqualTo(TaskStatus.BEHIND);
        // due 31/12/2025 in the commune: overdue from 2025-12-31T17:00Z
        assertThat(progress.of(news, Instant.parse("2025-12-31T16:59:00Z"))).isEqualTo(TaskStatus.BEHIND);
        assertThat(progress.of(news, Instant.parse("2025-12-31T17:00:00Z"))).isEqualTo(TaskStatus.OVERDUE);
    }

    @Test
    void aTaskIsDoneWhenEveryBucketMetItsTarget() {
        for (String at : new String[] {"2025-08-05", "2025-09-05", "2025-10-05", "2025-11-05", "2025-12-05"}) {
            news.credit("item-" + at, new Qualification("portal", Instant.parse(at + "T02:00:00Z"), "news",
                    CreditBasis.MATCHED), Instant.parse(at + "T02:00:00Z"));
        }

        assertThat(progress.of(news, Instant.parse("2026-01-10T00:00:00Z"))).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void aTaskWithoutQuotaIsDoneWithOneCreditAndOverdueWithoutAfterItsDueDate() {
        Task feedback = Task.issue(Samples.TENANT, PLAN, 1, Samples.PLAN_FROM, Samples.PLAN_TO,
                Samples.feedbackTask(PLAN));
        assertThat(progress.of(feedback, Instant.parse("2025-11-01T00:00:00Z"))).isEqualTo(TaskStatus.ON_TRACK);
        assertThat(progress.of(feedback, Instant.parse("2025-12-21T00:00:00Z"))).isEqualTo(TaskStatus.OVERDUE);

        feedback.credit("report-1", new Qualification(null, Instant.parse("2025-11-02T00:00:00Z"), "report",
                CreditBasis.MATCHED), Instant.parse("2025-11-02T00:00:00Z"));
        assertThat(progress.of(feedback, Instant.parse("2025-12-21T00:00:00Z"))).isEqualTo(TaskStatus.DONE);
    }

    @Test
    void aWithdrawnTaskSaysSoAndItsUnfinishedBucketsAreCancelled() {
        news.withdrawFromPlan(2, Instant.parse("2025-10-20T02:00:00Z"));

        assertThat(progress.of(news, Instant.parse("2025-10-21T00:00:00Z"))).isEqualTo(TaskStatus.WITHDRAWN);
        assertThat(progress.buckets(news, Instant.parse("2025-10-21T00:00:00Z")))
                .extracting(Progress.BucketProgress::status)
                .containsExactly(BucketStatus.MISSED, BucketStatus.MISSED, BucketStatus.CANCELLED,
                        BucketStatus.CANCELLED, BucketStatus.CANCELLED);
    }
}
