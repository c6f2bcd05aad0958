package vn.loa.task.crediting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.task.support.Samples;
import vn.loa.task.task.Qualification;
import vn.loa.task.task.Task;

/** The matching rule as a pure function of a task and an item's ledger. */
class CreditRuleTest {

    private static final String PLAN = "plan-2025-021";
    private static final Task NEWS = Task.issue(Samples.TENANT, PLAN, 1, Samples.PLAN_FROM, Samples.PLAN_TO,
            Samples.newsTask(PLAN));
    private static final Task DIALOGUE = Task.issue(Samples.TENANT, PLAN, 1, Samples.PLAN_FROM, Samples.PLAN_TO,
            Samples.dialogueTask(PLAN));

    @Test
    void aNewsItemOnAChannelOfTheTaskMatches() {
        Verdict verdict = CreditRule.judge(NEWS, ledger(List.of(pub("portal", "2025-09-02T01:15:00Z", "news")),
                List.of()));

        assertThat(verdict).isEqualTo(new Verdict.Qualifies(new Qualification("portal",
                Instant.parse("2025-09-02T01:15:00Z"), "news", CreditBasis.MATCHED)));
    }

    @Test
    void anotherChannelAnotherKindOrATimeOutsideTheQuotaDoesNotMatch() {
        assertThat(CreditRule.judge(NEWS, ledger(List.of(pub("facebook", "2025-09-02T01:15:00Z", "news")),
                List.of()))).isInstanceOf(Verdict.DoesNotQualify.class);
        assertThat(CreditRule.judge(NEWS, ledger(List.of(pub("portal", "2025-09-02T01:15:00Z", "radio")),
                List.of()))).isInstanceOf(Verdict.DoesNotQualify.class);
        // 23:59 on 31 July in the commune: before the quota's first month
        assertThat(CreditRule.judge(NEWS, ledger(List.of(pub("portal", "2025-07-31T16:59:00Z", "news")),
                List.of()))).isInstanceOf(Verdict.DoesNotQualify.class);
    }

    @Test
    void anItemThatNamesTasksCreditsThemExplicitlyAndMatchesNothingElse() {
        Publication namesNews = new Publication("facebook", Instant.parse("2025-09-02T01:15:00Z"), "video",
                List.of(NEWS.taskId()));
        Publication namesAnother = new Publication("portal", Instant.parse("2025-09-02T01:15:00Z"), "news",
                List.of("task-khac"));

        assertThat(CreditRule.judge(NEWS, ledger(List.of(namesNews), List.of())))
                .isEqualTo(new Verdict.Qualifies(new Qualification("facebook", namesNews.at(), "video",
                        CreditBasis.EXPLICIT)));
        assertThat(CreditRule.judge(NEWS, ledger(List.of(namesAnother), List.of())))
                .isInstanceOf(Verdict.DoesNotQualify.class);
    }

    @Test
    void anActivityHasNoChannelItsKindAndDayDecide() {
        Verdict verdict = CreditRule.judge(DIALOGUE, ledger(List.of(pub(null, "2025-10-14T17:00:00Z", "meeting")),
                List.of()));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Qualifies.class,
                q -> assertThat(q.by().channel()).isNull());
    }

    @Test
    void theEarliestLivePublicationDecidesWhateverOrderTheLedgerHoldsThemIn() {
        Publication september = pub("zalo-oa", "2025-09-01T02:00:00Z", "news");
        Publication august = pub("portal", "2025-08-31T16:30:00Z", "news");

        Verdict one = CreditRule.judge(NEWS, ledger(List.of(september, august), List.of()));
        Verdict other = CreditRule.judge(NEWS, ledger(List.of(august, september), List.of()));

        assertThat(one).isEqualTo(other);
        assertThat(((Verdict.Qualifies) one).by().channel()).isEqualTo("portal");
    }

    @Test
    void aRetractionTakesDownTheEarlierPublicationsOnItsChannelOnly() {
        Publication portal = pub("portal", "2025-08-20T02:00:00Z", "news");
        Publication zalo = pub("zalo-oa", "2025-09-05T02:00:00Z", "news");
        Retraction portalDown = new Retraction("portal", Instant.parse("2025-09-10T02:00:00Z"));

        Verdict verdict = CreditRule.judge(NEWS, ledger(List.of(portal, zalo), List.of(portalDown)));

        assertThat(((Verdict.Qualifies) verdict).by().channel()).isEqualTo("zalo-oa");
    }

    @Test
    void retractedEverywhereItQualifiedTheItemNoLongerCountsAndTheReasonSaysSo() {
        Verdict verdict = CreditRule.judge(NEWS, ledger(List.of(pub("portal", "2025-08-20T02:00:00Z", "news")),
                List.of(new Retraction("portal", Instant.parse("2025-08-21T02:00:00Z")))));

        assertThat(verdict).isEqualTo(new Verdict.DoesNotQualify(CreditRule.RETRACTED));
    }

    @Test
    void aPublicationAfterTheRetractionOnTheSameChannelIsLive() {
        Verdict verdict = CreditRule.judge(NEWS, ledger(List.of(pub("portal", "2025-08-20T02:00:00Z", "news"),
                pub("portal", "2025-08-25T02:00:00Z", "news")),
                List.of(new Retraction("portal", Instant.parse("2025-08-21T02:00:00Z")))));

        assertThat(((Verdict.Qualifies) verdict).by().publishedAt()).isEqualTo(Instant.parse("2025-08-25T02:00:00Z"));
    }

    private static Publication pub(String channel, String at, String kind) {
        return new Publication(channel, Instant.parse(at), kind, List.of());
    }

    private static ItemLedger ledger(List<Publication> publications, List<Retraction> retractions) {
        return new ItemLedger("10804:item-1", Samples.TENANT, "item-1", 1, publications, retractions);
    }
}
