package vn.loa.report.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.contracts.notification.ReminderKind;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.ItemRecord;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.projection.TaskRecord.CreditRecord;
import vn.loa.report.projection.TaskRecord.QuotaDef;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions.Returned;

/** Which reminders a commune's facts call for, with their Vietnamese texts and figures. */
class DetectorTest {

    private static final String KIM_THANH = "10804"; // Xã Kim Thành, Hải Phòng (cut-off day 14)
    private static final String PLAN = "plan-1";
    private static final PlanRecord PLAN_2025 = new PlanRecord(PLAN, KIM_THANH, "21/KH-UBND", "Kế hoạch",
            LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), false, LocalDate.of(2025, 1, 5), null);
    /** Monday 22/12/2025, 07:00 commune time. */
    private static final LocalDate MONDAY = LocalDate.of(2025, 12, 22);
    private static final Instant NOW = Instant.parse("2025-12-22T00:00:00Z");

    private final Detector detector = new Detector(new ReportingWindows(), Map.of());

    private static TaskRecord newsTask(String id, String title, CreditRecord... credits) {
        return new TaskRecord(id, KIM_THANH, PLAN, 1, title, "Văn phòng", List.of("news"), List.of("portal"),
                new QuotaDef(2, "MONTH", YearMonth.of(2025, 1), YearMonth.of(2025, 12)), null, null, false,
                List.of(credits), Set.of(), List.of());
    }

    private static CreditRecord credit(String id, String period) {
        return new CreditRecord(id, "item-" + id, "news", "portal", Instant.parse(period + "-05T02:00:00Z"), period,
                "EXPLICIT");
    }

    /** Every month met up to November, as given, plus what the test adds. */
    private static CreditRecord[] metUntilNovember(CreditRecord... more) {
        List<CreditRecord> all = new java.util.ArrayList<>();
        for (int m = 1; m <= 11; m++) {
            String period = "2025-%02d".formatted(m);
            all.add(credit("a" + m, period));
            all.add(credit("b" + m, period));
        }
        all.addAll(List.of(more));
        return all.toArray(CreditRecord[]::new);
    }

    private static Facts facts(List<TaskRecord> tasks, List<PublicationRecord> failed, List<ItemRecord> approved,
            SubmissionState report, List<Returned> returned) {
        return new Facts(KIM_THANH, Map.of(PLAN, PLAN_2025), tasks, failed, approved, report, returned);
    }

    private List<ReminderRaised> detect(Facts facts, LocalDate today) {
        return detector.detect(facts, today, NOW);
    }

    @Test
    void taskAtRiskSaysWhatIsMissingAndByWhen() {
        TaskRecord task = newsTask("task-news", "Đăng tin về cải cách hành chính trên Trang thông tin điện tử của xã"
                + " Kim Thành", metUntilNovember());

        List<ReminderRaised> reminders = detect(facts(List.of(task), List.of(), List.of(), SubmissionState.DRAFT,
                List.of()), MONDAY);

        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.TASK_AT_RISK);
            assertThat(r.text()).isEqualTo("Nhiệm vụ 'Đăng tin về cải cách hành chính trên Trang thông tin điện tử"
                    + "…': 0/2 tin tháng 12, còn 10 ngày (đến hết 31/12/2025).");
            assertThat(r.about()).isEqualTo("task-news");
            assertThat(r.period()).isEqualTo("2025-12");
            assertThat(r.link()).isEqualTo("#/nhiem-vu/task-news");
            assertThat(r.roles()).containsExactly("LEADER", "EDITOR");
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(r.reminderId()).isEqualTo("rem-10804-task-at-risk-task-news-2025-12");
            assertThat(r.tenantId()).isEqualTo(KIM_THANH);
        });
    }

    @Test
    void halfTheTargetBeforeHalfThePeriodIsNotAtRisk() {
        TaskRecord task = newsTask("task-news", "Đăng tin", metUntilNovember(credit("c", "2025-12")));

        assertThat(detect(facts(List.of(task), List.of(), List.of(), SubmissionState.DRAFT, List.of()), MONDAY))
                .isEmpty();
        // early in the month nothing is at risk even with no credit
        assertThat(detect(facts(List.of(newsTask("t2", "Đăng tin", metUntilNovember())), List.of(), List.of(),
                SubmissionState.DRAFT, List.of()), LocalDate.of(2025, 12, 15))).isEmpty();
    }

    @Test
    void aMissedMonthIsBehindWithItsFigures() {
        List<CreditRecord> credits = new java.util.ArrayList<>(List.of(metUntilNovember()));
        credits.removeIf(c -> c.creditId().equals("b11"));
        credits.add(credit("c1", "2025-12"));
        TaskRecord task = newsTask("task-news", "Đăng tin CCHC", credits.toArray(CreditRecord[]::new));

        List<ReminderRaised> reminders = detect(facts(List.of(task), List.of(), List.of(), SubmissionState.DRAFT,
                List.of()), MONDAY);

        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.TASK_BEHIND);
            assertThat(r.text()).isEqualTo("Nhiệm vụ 'Đăng tin CCHC': tháng 11 chỉ đạt 1/2 tin, không đạt chỉ tiêu.");
            assertThat(r.period()).isEqualTo("2025-11");
        });
    }

    @Test
    void aTaskOfAClosedPlanOrWithdrawnRaisesNothing() {
        TaskRecord ofAnotherPlan = new TaskRecord("t", KIM_THANH, "closed-plan", 1, "Đăng tin", null,
                List.of("news"), List.of(), new QuotaDef(2, "MONTH", null, null), null, null, false, List.of(),
                Set.of(), List.of());
        TaskRecord withdrawn = new TaskRecord("w", KIM_THANH, PLAN, 2, "Đăng tin", null, List.of("news"), List.of(),
                new QuotaDef(2, "MONTH", null, null), null, null, true, List.of(), Set.of(), List.of());

        assertThat(detect(facts(List.of(ofAnotherPlan, withdrawn), List.of(), List.of(), SubmissionState.DRAFT,
                List.of()), MONDAY)).isEmpty();
    }

    @Test
    void aFailedPublicationNamesItsChannelAndReason() {
        PublicationRecord failed = new PublicationRecord("item-7", KIM_THANH, "radio", "news", null, List.of(), null,
                null, null, null, null, null, Instant.parse("2025-12-19T03:00:00Z"),
                "Máy chủ truyền thanh không phản hồi", true);
        ItemRecord item = new ItemRecord("item-7", KIM_THANH, "news", "Lịch tiếp công dân tháng 12",
                Instant.parse("2025-12-18T03:00:00Z"), "leader", Set.of());

        List<ReminderRaised> reminders = detect(facts(List.of(), List.of(failed), List.of(item),
                SubmissionState.DRAFT, List.of()), MONDAY);

        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.PUBLICATION_FAILED);
            assertThat(r.text()).isEqualTo("Tin bài 'Lịch tiếp công dân tháng 12' chưa đăng được trên Đài truyền"
                    + " thanh xã (ngày 19/12/2025): Máy chủ truyền thanh không phản hồi.");
            assertThat(r.roles()).containsExactly("EDITOR");
            assertThat(r.link()).isEqualTo("#/tin-bai/item-7");
            assertThat(r.period()).isEqualTo("2025-12-19");
        });
    }

    @Test
    void aPhuongsChannelIsThePhuongs() {
        PublicationRecord failed = new PublicationRecord("item-8", "00292", "radio", "news", "Tin", List.of(), null,
                null, null, null, null, null, Instant.parse("2025-12-19T03:00:00Z"), "Lỗi", true);
        Facts phuong = new Facts("00292", Map.of(), List.of(), List.of(failed), List.of(), SubmissionState.DRAFT,
                List.of());

        assertThat(detect(phuong, MONDAY)).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("Đài truyền thanh phường").doesNotContain(" xã"));
    }

    @Test
    void anApprovedItemIsStuckAfterTwoWorkingDays() {
        // approved Thursday 18/12: Friday 19 and Monday 22 are two working days, Tuesday 23 the third
        ItemRecord item = new ItemRecord("item-9", KIM_THANH, "news", "Thông báo lịch nghỉ Tết",
                Instant.parse("2025-12-18T03:00:00Z"), "leader", Set.of());
        Facts facts = facts(List.of(), List.of(), List.of(item), SubmissionState.DRAFT, List.of());

        assertThat(detect(facts, MONDAY)).isEmpty();
        assertThat(detect(facts, MONDAY.plusDays(1))).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.PUBLICATION_STUCK);
            assertThat(r.text()).isEqualTo("Tin bài 'Thông báo lịch nghỉ Tết' đã duyệt ngày 18/12/2025, sau 3 ngày"
                    + " làm việc vẫn chưa đăng trên kênh nào.");
        });
        ItemRecord published = new ItemRecord("item-9", KIM_THANH, "news", "Thông báo", item.approvedAt(), "leader",
                Set.of("portal"));
        assertThat(detect(facts(List.of(), List.of(), List.of(published), SubmissionState.DRAFT, List.of()),
                MONDAY.plusDays(1))).isEmpty();
    }

    private static ItemRecord waiting(String id, String title, Instant submittedAt, Instant approvedAt,
            Instant rejectedAt) {
        return new ItemRecord(id, KIM_THANH, null, title, approvedAt, approvedAt == null ? null : "leader", Set.of(),
                submittedAt, "writer", rejectedAt);
    }

    private static Facts waitingFacts(ItemRecord... items) {
        return new Facts(KIM_THANH, Map.of(PLAN, PLAN_2025), List.of(), List.of(), List.of(), SubmissionState.DRAFT,
                List.of(), List.of(items));
    }

    @Test
    void anItemWaitingForApprovalIsRemindedToTheLeadersAfterTwoWorkingDaysAcrossTheWeekend() {
        // submitted Thursday 18/12 at 09:00: Friday 19 and Monday 22 are two working days, Tuesday 23 the third
        ItemRecord item = waiting("item-3", "Lịch tiếp công dân tháng 12", Instant.parse("2025-12-18T02:00:00Z"),
                null, null);
        Facts facts = waitingFacts(item);

        assertThat(detect(facts, MONDAY.minusDays(1))).isEmpty();
        assertThat(detect(facts, MONDAY)).isEmpty();
        List<ReminderRaised> tuesday = detect(facts, MONDAY.plusDays(1));
        assertThat(tuesday).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.APPROVAL_WAITING);
            assertThat(r.title()).isEqualTo("Tin, bài chờ duyệt quá 2 ngày làm việc");
            assertThat(r.text()).isEqualTo("Tin, bài 'Lịch tiếp công dân tháng 12' chờ duyệt từ 18/12/2025"
                    + " (3 ngày làm việc).");
            assertThat(r.roles()).containsExactly("LEADER");
            assertThat(r.link()).isEqualTo("#/tin-bai/item-3");
            assertThat(r.about()).isEqualTo("item-3");
            assertThat(r.period()).isEqualTo("2025-12-18");
            assertThat(r.dueOn()).isNull();
            assertThat(r.reminderId()).isEqualTo("rem-10804-approval-waiting-item-3-2025-12-18");
        });
        // the next morning: the same reminder (same id, so the store raises it once), with the days counted on
        assertThat(detect(facts, MONDAY.plusDays(2))).singleElement().satisfies(r -> {
            assertThat(r.reminderId()).isEqualTo(tuesday.getFirst().reminderId());
            assertThat(r.text()).endsWith("(4 ngày làm việc).");
        });
    }

    @Test
    void theDayOfSubmissionIsTheCommunesDay() {
        // 18:00 UTC on Thursday 18/12 is 01:00 on Friday 19/12 in Việt Nam: Monday and Tuesday are two working days
        ItemRecord lateAtNight = waiting("item-4", "Tin", Instant.parse("2025-12-18T18:00:00Z"), null, null);

        assertThat(detect(waitingFacts(lateAtNight), MONDAY.plusDays(1))).isEmpty();
        assertThat(detect(waitingFacts(lateAtNight), MONDAY.plusDays(2))).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("chờ duyệt từ 19/12/2025 (3 ngày làm việc)"));
    }

    @Test
    void anItemApprovedOrReturnedAfterItsSubmissionIsNotReminded() {
        Instant submitted = Instant.parse("2025-12-10T02:00:00Z");
        ItemRecord approved = waiting("item-a", "Đã duyệt", submitted, submitted.plusSeconds(3600), null);
        ItemRecord rejected = waiting("item-r", "Bị trả lại", submitted, null, submitted.plusSeconds(3600));
        ItemRecord approvedThenReturned = waiting("item-ar", "Duyệt rồi trả lại", submitted,
                submitted.plusSeconds(3600), submitted.plusSeconds(7200));

        assertThat(detect(waitingFacts(approved, rejected, approvedThenReturned), MONDAY)).isEmpty();
    }

    @Test
    void aSecondSubmissionOfTheSameItemGivesANewReminder() {
        // submitted Wednesday 10/12, reminded from Monday 15/12, returned that day, sent again Tuesday 16/12
        Instant first = Instant.parse("2025-12-10T02:00:00Z");
        Instant returned = Instant.parse("2025-12-15T03:00:00Z");
        Instant second = Instant.parse("2025-12-16T02:00:00Z");
        List<ReminderRaised> firstWait = detect(waitingFacts(waiting("item-5", "Tin", first, null, null)),
                LocalDate.of(2025, 12, 15));
        List<ReminderRaised> secondWait = detect(waitingFacts(waiting("item-5", "Tin", second, null, returned)),
                MONDAY);

        assertThat(firstWait).singleElement().satisfies(r -> assertThat(r.text()).contains("(3 ngày làm việc)"));
        assertThat(secondWait).singleElement().satisfies(r -> {
            assertThat(r.text()).contains("chờ duyệt từ 16/12/2025 (4 ngày làm việc)");
            assertThat(r.reminderId()).isEqualTo("rem-10804-approval-waiting-item-5-2025-12-16")
                    .isNotEqualTo(firstWait.getFirst().reminderId());
        });
    }

    @Test
    void anApprovedItemSentBackForApprovalIsWaitingNotStuck() {
        // approved Monday 15/12, edited on Tuesday 16/12: it waits for a new approval and is not "approved, not published"
        ItemRecord item = waiting("item-6", "Tin sửa sau khi duyệt", Instant.parse("2025-12-16T02:00:00Z"),
                Instant.parse("2025-12-15T02:00:00Z"), null);
        Facts facts = new Facts(KIM_THANH, Map.of(PLAN, PLAN_2025), List.of(), List.of(), List.of(item),
                SubmissionState.DRAFT, List.of(), List.of(item));

        assertThat(detect(facts, MONDAY)).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(ReminderKind.APPROVAL_WAITING));
        ItemRecord returnedAfterApproval = waiting("item-7", "Tin bị trả lại sau khi duyệt", null,
                Instant.parse("2025-12-15T02:00:00Z"), Instant.parse("2025-12-16T02:00:00Z"));
        assertThat(detect(facts(List.of(), List.of(), List.of(returnedAfterApproval), SubmissionState.DRAFT,
                List.of()), MONDAY)).isEmpty();
    }

    @Test
    void workingDaysSkipTheWeekend() {
        assertThat(WorkingDays.after(LocalDate.of(2025, 12, 19), LocalDate.of(2025, 12, 22))).isEqualTo(1);
        assertThat(WorkingDays.after(LocalDate.of(2025, 12, 19), LocalDate.of(2025, 12, 21))).isZero();
        assertThat(WorkingDays.after(LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 22))).isEqualTo(5);
        assertThat(WorkingDays.after(LocalDate.of(2025, 12, 22), LocalDate.of(2025, 12, 22))).isZero();
    }

    @Test
    void theQuarterlyReportIsDueInTheLastFiveDaysBeforeItsCutOff() {
        Facts draft = facts(List.of(), List.of(), List.of(), SubmissionState.DRAFT, List.of());

        assertThat(detect(draft, LocalDate.of(2025, 12, 9))).isEmpty();
        assertThat(detect(draft, LocalDate.of(2025, 12, 10))).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReminderKind.REPORT_DUE);
            assertThat(r.text()).isEqualTo("Báo cáo quý IV năm 2025 chốt số liệu ngày 14/12/2025 (còn 4 ngày),"
                    + " chưa gửi lên tỉnh.");
            assertThat(r.period()).isEqualTo("2025-Q4");
            assertThat(r.roles()).containsExactly("LEADER", "ADMIN");
            assertThat(r.link()).isEqualTo("#/bao-cao");
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2025, 12, 14));
        });
        assertThat(detect(draft, LocalDate.of(2025, 12, 14))).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("hôm nay là ngày chốt số liệu"));
        assertThat(detect(draft, LocalDate.of(2025, 12, 15))).as("the next quarter's window").isEmpty();
        assertThat(detect(facts(List.of(), List.of(), List.of(), SubmissionState.SUBMITTED, List.of()),
                LocalDate.of(2025, 12, 12))).as("already sent").isEmpty();
    }

    @Test
    void aReturnedReportSaysWhyAndWhen() {
        Returned returned = new Returned(KIM_THANH, "2025-Q3", "Thiếu số liệu tháng 9",
                Instant.parse("2025-12-19T08:00:00Z"));

        assertThat(detect(facts(List.of(), List.of(), List.of(), SubmissionState.DRAFT, List.of(returned)), MONDAY))
                .singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(ReminderKind.REPORT_RETURNED);
                    assertThat(r.text()).isEqualTo("Báo cáo quý III năm 2025 bị tỉnh trả lại ngày 19/12/2025:"
                            + " Thiếu số liệu tháng 9. Cần chỉnh sửa và gửi lại.");
                    assertThat(r.about()).isEqualTo("2025-Q3");
                });
    }

    @Test
    void theSameFactsGiveTheSameIds() {
        TaskRecord task = newsTask("task-news", "Đăng tin", metUntilNovember());
        Facts facts = facts(List.of(task), List.of(), List.of(), SubmissionState.DRAFT, List.of());

        assertThat(detect(facts, MONDAY).stream().map(ReminderRaised::reminderId))
                .isEqualTo(detector.detect(facts, MONDAY, NOW.plusSeconds(3600)).stream()
                        .map(ReminderRaised::reminderId).toList());
    }

    @Test
    void periodsInWords() {
        assertThat(Detector.periodWords("2025-12")).isEqualTo("tháng 12");
        assertThat(Detector.periodWords("2025-Q3")).isEqualTo("quý III năm 2025");
        assertThat(Detector.periodWords("2025-H2")).isEqualTo("6 tháng cuối năm 2025");
        assertThat(Detector.periodWords("2025")).isEqualTo("năm 2025");
        assertThat(Detector.periodWords("PLAN")).isEqualTo("cả kỳ kế hoạch");
    }
}
