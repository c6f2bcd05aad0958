package vn.loa.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.PlanAmended;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlanSigner;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.plan.annex.AnnexTask;
import vn.loa.plan.annex.ProductKind;
import vn.loa.plan.annex.TaskDetails;
import vn.loa.plan.annex.TaskState;
import vn.loa.plan.calendar.Period;
import vn.loa.platform.problem.Conflict;
import vn.loa.platform.problem.InvalidInput;

/** The lifecycle DRAFT → ISSUED → AMENDED → CLOSED, and the events each step produces. */
class PlanTest {

    static final Stamp EDITOR = new Stamp("nlb.editor", Instant.parse("2025-08-05T02:00:00Z"));
    static final Stamp LEADER = new Stamp("nlb.leader", Instant.parse("2025-08-07T03:00:00Z"));
    static final Stamp LATER = new Stamp("nlb.leader", Instant.parse("2025-10-01T03:00:00Z"));

    static PlanContent content() {
        return new PlanContent("21/KH-UBND", "Tuyên truyền cải cách hành chính nhà nước năm 2025", "Nguyễn Lương Bằng",
                LocalDate.of(2025, 8, 7), new Period(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 31)),
                List.of("Công văn số 2324/SKHCN-VP ngày 01/8/2025"), null, null, null, null, null, null, null, null,
                new Signer("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đoàn Văn Cát"), null, null, null);
    }

    static TaskDetails radio() {
        return new TaskDetails("Biên soạn ít nhất 02 tin, bài về CCHC để phát trên hệ thống truyền thanh", null,
                "Phòng Văn hóa - Xã hội", List.of("Các phòng, ban chuyên môn"),
                List.of(ProductKind.NEWS, ProductKind.ARTICLE), List.of("radio"), null, null,
                new Quota(2, QuotaPeriod.QUARTER, YearMonth.of(2025, 8), YearMonth.of(2025, 12)),
                new Due(LocalDate.of(2025, 12, 31), "Định kỳ hằng quý"));
    }

    static TaskDetails portal() {
        return new TaskDetails("Đăng tải 06 tin/bài trên Trang thông tin điện tử xã", null, "Văn phòng HĐND và UBND",
                List.of(), List.of(ProductKind.NEWS), List.of("portal"), null, null,
                new Quota(6, QuotaPeriod.PLAN, null, null), null);
    }

    static Plan draftWithTwoTasks() {
        return Plan.draft("plan-1", "11242", content(), List.of(AnnexTask.of("t-1", 1, radio()),
                AnnexTask.of("t-2", 2, portal())), List.of(), EDITOR);
    }

    @Test
    void aPlanWithoutASignatureBlockIsIssuedWithoutSigner() {
        assertThat(Signer.planned(null)).isNull();
        assertThat(Signer.planned(new Signer(" ", null, "", null))).isNull();
        assertThat(Signer.planned(new Signer(null, " KT. CHỦ TỊCH ", "PHÓ CHỦ TỊCH", " ")))
                .isEqualTo(new PlanSigner(null, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", null));
    }

    @Test
    void issuingFreezesTheDraftAtVersion1AndCarriesEveryTaskForTaskService() {
        Plan.Change change = draftWithTwoTasks().issue(LEADER);

        assertThat(change.plan().status()).isEqualTo(PlanStatus.ISSUED);
        assertThat(change.plan().version()).isEqualTo(1);
        assertThat(change.plan().tasks()).allSatisfy(t -> assertThat(t.sinceVersion()).isEqualTo(1));
        PlanIssued issued = (PlanIssued) change.events().getFirst();
        assertThat(issued.planId()).isEqualTo("plan-1");
        assertThat(issued.tenantId()).isEqualTo("11242");
        assertThat(issued.number()).isEqualTo("21/KH-UBND");
        assertThat(issued.periodFrom()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(issued.issuedOn()).isEqualTo(LocalDate.of(2025, 8, 7));
        assertThat(issued.issuedBy()).isEqualTo("nlb.leader");
        // report-service signs the commune's reports with the plan's signer by default
        assertThat(issued.signer()).isEqualTo(new PlanSigner("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                "Đoàn Văn Cát"));
        assertThat(issued.tasks()).extracting(PlannedTask::taskId).containsExactly("t-1", "t-2");
        PlannedTask radio = issued.tasks().getFirst();
        assertThat(radio.productKinds()).containsExactly("news", "article");
        assertThat(radio.channels()).containsExactly("radio");
        assertThat(radio.quota()).isEqualTo(new Quota(2, QuotaPeriod.QUARTER, YearMonth.of(2025, 8),
                YearMonth.of(2025, 12)));
        assertThat(radio.leadUnit()).isEqualTo("Phòng Văn hóa - Xã hội");
    }

    @Test
    void anIssuedPlanCannotBeIssuedEditedOrDeletedAgain() {
        Plan issued = draftWithTwoTasks().issue(LEADER).plan();
        assertThatThrownBy(() -> issued.issue(LATER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> issued.revise(content(), LATER)).isInstanceOf(Conflict.class)
                .hasMessageContaining("điều chỉnh");
        assertThatThrownBy(() -> issued.addTask("t-3", portal(), LATER)).isInstanceOf(Conflict.class);
        assertThatThrownBy(issued::requireDraft).isInstanceOf(Conflict.class);
    }

    @Test
    void aDraftWithoutNumberDateOrTasksIsNotReadyToIssue() {
        PlanContent c = content();
        PlanContent bare = new PlanContent(null, c.title(), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
        Plan draft = Plan.draft("plan-2", "11242", bare, List.of(), List.of(), EDITOR);
        assertThatThrownBy(() -> draft.issue(LEADER)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.fields()).extracting(InvalidInput.FieldProblem::field)
                        .containsExactlyInAnyOrder("number", "issuedOn", "period", "tasks"));
    }

    @Test
    void amendingAddsChangesAndWithdrawsWithStableIdsAndCarriesOnlyTheDelta() {
        Plan issued = draftWithTwoTasks().issue(LEADER).plan();
        TaskDetails more = new TaskDetails("Đăng tải 08 tin/bài trên Trang thông tin điện tử xã", null,
                "Văn phòng HĐND và UBND", List.of(), List.of(ProductKind.NEWS), List.of("portal"), null, null,
                new Quota(8, QuotaPeriod.PLAN, null, null), null);
        AtomicInteger ids = new AtomicInteger(10);

        Plan.Change change = issued.amend("Theo Công văn số 99/SKHCN", List.of(radio()), Map.of("t-2", more),
                List.of("t-1"), () -> "t-" + ids.incrementAndGet(), LATER);

        Plan amended = change.plan();
        assertThat(amended.status()).isEqualTo(PlanStatus.AMENDED);
        assertThat(amended.version()).isEqualTo(2);
        assertThat(amended.tasks()).extracting(AnnexTask::id).containsExactly("t-1", "t-2", "t-11");
        assertThat(amended.task("t-1").state()).isEqualTo(TaskState.WITHDRAWN); // kept, with its history
        assertThat(amended.task("t-1").withdrawnInVersion()).isEqualTo(2);
        assertThat(amended.task("t-2").quota().count()).isEqualTo(8);
        assertThat(amended.task("t-11").order()).isEqualTo(3);
        assertThat(amended.amendments()).singleElement().satisfies(a -> {
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.withdrawn()).containsExactly("t-1");
        });
        PlanAmended event = (PlanAmended) change.events().getFirst();
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.added()).extracting(PlannedTask::taskId).containsExactly("t-11");
        assertThat(event.changed()).singleElement().satisfies(t -> {
            assertThat(t.taskId()).isEqualTo("t-2");
            assertThat(t.quota()).isEqualTo(new Quota(8, QuotaPeriod.PLAN, null, null));
        });
        assertThat(event.withdrawnTaskIds()).containsExactly("t-1");
        assertThat(event.reason()).isEqualTo("Theo Công văn số 99/SKHCN");
    }

    @Test
    void anAmendmentMustChangeSomethingAndOnlyLiveTasks() {
        Plan issued = draftWithTwoTasks().issue(LEADER).plan();
        assertThatThrownBy(() -> issued.amend(null, List.of(), Map.of(), List.of(), () -> "x", LATER))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("ít nhất một thay đổi");
        assertThatThrownBy(() -> issued.amend(null, List.of(), Map.of(), List.of("no-such-task"), () -> "x", LATER))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("no-such-task");
        Plan withdrawn = issued.amend(null, List.of(), Map.of(), List.of("t-1"), () -> "x", LATER).plan();
        assertThatThrownBy(() -> withdrawn.amend(null, List.of(), Map.of("t-1", radio()), List.of(), () -> "x", LATER))
                .as("a withdrawn task cannot be changed").isInstanceOf(InvalidInput.class);
    }

    @Test
    void aDraftCannotBeAmendedOrClosed() {
        Plan draft = draftWithTwoTasks();
        assertThatThrownBy(() -> draft.amend(null, List.of(radio()), Map.of(), List.of(), () -> "x", LATER))
                .isInstanceOf(Conflict.class).hasMessageContaining("chưa ban hành");
        assertThatThrownBy(() -> draft.close(LATER)).isInstanceOf(Conflict.class);
    }

    @Test
    void closingEndsThePlanAtItsCurrentVersion() {
        Plan amended = draftWithTwoTasks().issue(LEADER).plan()
                .amend(null, List.of(portal()), Map.of(), List.of(), () -> "t-9", LATER).plan();
        Plan.Change change = amended.close(LATER);
        assertThat(change.plan().status()).isEqualTo(PlanStatus.CLOSED);
        assertThat(change.events()).containsExactly(new PlanClosed("11242", "plan-1", 2, LATER.at(), LATER.by()));
        assertThatThrownBy(() -> change.plan().close(LATER)).isInstanceOf(Conflict.class).hasMessageContaining("đóng");
        assertThatThrownBy(() -> change.plan().amend(null, List.of(portal()), Map.of(), List.of(), () -> "x", LATER))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void draftTasksAreRenumberedWhenOneIsRemoved() {
        Plan draft = draftWithTwoTasks().addTask("t-3", radio(), EDITOR).removeTask("t-1", EDITOR);
        assertThat(draft.tasks()).extracting(AnnexTask::id).containsExactly("t-2", "t-3");
        assertThat(draft.tasks()).extracting(AnnexTask::order).containsExactly(1, 2);
    }

    @Test
    void aPlanHoldsAtMost200Tasks() {
        Plan draft = Plan.draft("p", "11242", content(), java.util.stream.IntStream.range(0, PlanRules.MAX_TASKS)
                .mapToObj(i -> AnnexTask.of("t" + i, i + 1, portal())).toList(), List.of(), EDITOR);
        assertThatThrownBy(() -> draft.addTask("one-more", portal(), EDITOR)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("tối đa 200");
    }
}
