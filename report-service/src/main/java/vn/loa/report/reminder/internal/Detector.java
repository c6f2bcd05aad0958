package vn.loa.report.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.loa.contracts.notification.ReminderKind;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.UnitKind;
import vn.loa.platform.time.VnTime;
import vn.loa.report.dashboard.TaskProgress;
import vn.loa.report.dashboard.TaskProgress.BucketState;
import vn.loa.report.dashboard.Vocabulary;
import vn.loa.report.period.PeriodKind;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.ItemRecord;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions.Returned;

/**
 * Which reminders one commune's facts call for on a day (pure: no database, no clock). One reminder per (kind,
 * subject, period), its id derived from those and the tenant, so the same facts on the same day give the same ids.
 */
public final class Detector {

    /** A report is "due" this many days before its cut-off day, the day itself included. */
    public static final int REPORT_DUE_DAYS = 5;
    /** An approved item not published anywhere after this many working days is stuck. */
    public static final int STUCK_WORKING_DAYS = 2;
    /** A submitted item still waiting for approval after this many working days is reminded to the leaders. */
    public static final int APPROVAL_WORKING_DAYS = 2;

    private static final List<String> LEADER_EDITOR = List.of("LEADER", "EDITOR");
    private static final List<String> EDITOR = List.of("EDITOR");
    private static final List<String> LEADER_ADMIN = List.of("LEADER", "ADMIN");
    private static final List<String> LEADER = List.of("LEADER");
    private static final int TITLE_CHARS = 60;

    private final ReportingWindows windows;
    private final Map<String, String> channelNames;

    public Detector(ReportingWindows windows, Map<String, String> channelNames) {
        this.windows = windows;
        this.channelNames = channelNames;
    }

    /** The quarterly report being prepared on a day (its window holds the day), under the commune's cut-off rule. */
    public ReportPeriod currentReport(String commune, LocalDate today) {
        return windows.containing(PeriodKind.QUARTER, today, province(commune));
    }

    public List<ReminderRaised> detect(Facts facts, LocalDate today, Instant now) {
        List<ReminderRaised> out = new ArrayList<>();
        tasks(facts, today, now, out);
        approvals(facts, today, now, out);
        publications(facts, today, now, out);
        reports(facts, today, now, out);
        return out;
    }

    // ---------------------------------------------------------------- tasks

    private void tasks(Facts facts, LocalDate today, Instant now, List<ReminderRaised> out) {
        String commune = facts.commune();
        for (TaskRecord task : facts.tasks()) {
            PlanRecord plan = facts.plans().get(task.planId());
            if (plan == null || !task.defined() || task.withdrawn() || task.quota() == null) {
                continue; // a closed plan (not in the open plans), a task not yet defined, withdrawn or without quota
            }
            List<BucketState> buckets = TaskProgress.buckets(task, plan, today);
            if (TaskProgress.status(task, buckets, today) == vn.loa.report.dashboard.TaskStatus.DONE) {
                continue;
            }
            String unit = unit(task);
            String link = "#/nhiem-vu/" + task.taskId();
            TaskProgress.current(buckets, today)
                    .filter(b -> b.atRisk() && "OPEN".equals(b.status()))
                    .ifPresent(b -> out.add(raise(commune, ReminderKind.TASK_AT_RISK, task.taskId(), task.taskId(),
                            b.bucket().period(), "Nhiệm vụ có nguy cơ không đạt chỉ tiêu",
                            "Nhiệm vụ '" + shorten(task.title()) + "': " + b.credited() + "/" + b.bucket().target()
                                    + " " + unit + " " + periodWords(b.bucket().period()) + ", còn " + b.daysLeft()
                                    + " ngày (đến hết " + VnTime.display(b.bucket().to()) + ").",
                            link, LEADER_EDITOR, b.bucket().to(), now)));
            buckets.stream().filter(b -> "MISSED".equals(b.status()))
                    .max(Comparator.comparing(b -> b.bucket().to()))
                    .ifPresent(b -> out.add(raise(commune, ReminderKind.TASK_BEHIND, task.taskId(), task.taskId(),
                            b.bucket().period(), "Nhiệm vụ không đạt chỉ tiêu kỳ trước",
                            "Nhiệm vụ '" + shorten(task.title()) + "': " + periodWords(b.bucket().period())
                                    + " chỉ đạt " + b.credited() + "/" + b.bucket().target() + " " + unit
                                    + ", không đạt chỉ tiêu.",
                            link, LEADER_EDITOR, b.bucket().to(), now)));
        }
    }

    // ---------------------------------------------------------------- approvals

    /**
     * An item waiting for approval for more than {@value #APPROVAL_WORKING_DAYS} working days, once per submission:
     * the period is the day it was submitted. Two submissions of an item never share that day once the first was
     * reminded — the reminder comes days after it and the second starts after the first ended — so a second
     * submission gives a new reminder, and a rerun the same one.
     */
    private void approvals(Facts facts, LocalDate today, Instant now, List<ReminderRaised> out) {
        String commune = facts.commune();
        for (ItemRecord item : facts.waiting()) {
            Instant since = item.waitingSince();
            if (since == null) {
                continue;
            }
            LocalDate submittedOn = VnTime.dayOf(since);
            int waited = WorkingDays.after(submittedOn, today);
            if (waited > APPROVAL_WORKING_DAYS) {
                out.add(raise(commune, ReminderKind.APPROVAL_WAITING, item.itemId(), item.itemId(),
                        submittedOn.toString(), "Tin, bài chờ duyệt quá " + APPROVAL_WORKING_DAYS + " ngày làm việc",
                        "Tin, bài '" + shorten(item.title()) + "' chờ duyệt từ " + VnTime.display(submittedOn)
                                + " (" + waited + " ngày làm việc).",
                        "#/tin-bai/" + item.itemId(), LEADER, null, now));
            }
        }
    }

    // ---------------------------------------------------------------- publications

    private void publications(Facts facts, LocalDate today, Instant now, List<ReminderRaised> out) {
        String commune = facts.commune();
        UnitKind unitKind = UnitKind.ofCommune(commune);
        Map<String, ItemRecord> items = facts.approved().stream()
                .collect(Collectors.toMap(ItemRecord::itemId, Function.identity(), (a, b) -> a));
        for (PublicationRecord p : facts.failedPublications()) {
            if (!p.failed() || p.channel() == null) {
                continue;
            }
            String title = Optional.ofNullable(items.get(p.itemId())).map(ItemRecord::title).orElse(p.title());
            LocalDate day = VnTime.dayOf(p.lastFailedAt());
            String reason = p.failReason() == null ? "" : ": " + p.failReason().strip();
            out.add(raise(commune, ReminderKind.PUBLICATION_FAILED, p.itemId() + "@" + p.channel(), p.itemId(),
                    day.toString(), "Đăng tin không thành công",
                    "Tin bài '" + shorten(title) + "' chưa đăng được trên "
                            + Vocabulary.channel(p.channel(), channelNames, unitKind) + " (ngày " + VnTime.display(day)
                            + ")" + reason + (reason.endsWith(".") ? "" : "."),
                    "#/tin-bai/" + p.itemId(), EDITOR, null, now));
        }
        java.util.Set<String> failed = facts.failedPublications().stream().filter(PublicationRecord::failed)
                .map(PublicationRecord::itemId).collect(Collectors.toSet());
        for (ItemRecord item : facts.approved()) {
            if (!item.publishedOn().isEmpty() || !item.approvalStands() || failed.contains(item.itemId())) {
                continue; // published, sent back for approval or returned since, or failing (reminded as such)
            }
            LocalDate approvedOn = VnTime.dayOf(item.approvedAt());
            int waited = WorkingDays.after(approvedOn, today);
            if (waited > STUCK_WORKING_DAYS) {
                out.add(raise(commune, ReminderKind.PUBLICATION_STUCK, item.itemId(), item.itemId(),
                        approvedOn.toString(), "Tin bài đã duyệt nhưng chưa đăng",
                        "Tin bài '" + shorten(item.title()) + "' đã duyệt ngày " + VnTime.display(approvedOn)
                                + ", sau " + waited + " ngày làm việc vẫn chưa đăng trên kênh nào.",
                        "#/tin-bai/" + item.itemId(), EDITOR, null, now));
            }
        }
    }

    // ---------------------------------------------------------------- reports

    private void reports(Facts facts, LocalDate today, Instant now, List<ReminderRaised> out) {
        String commune = facts.commune();
        String province = province(commune);
        ReportPeriod current = currentReport(commune, today);
        long daysLeft = ChronoUnit.DAYS.between(today, current.to());
        boolean sent = facts.currentReport() == SubmissionState.SUBMITTED
                || facts.currentReport() == SubmissionState.ACCEPTED;
        if (!sent && daysLeft >= 0 && daysLeft < REPORT_DUE_DAYS) {
            String when = daysLeft == 0 ? "hôm nay là ngày chốt số liệu" : "còn " + daysLeft + " ngày";
            out.add(raise(commune, ReminderKind.REPORT_DUE, current.label(), current.label(), current.label(),
                    "Sắp đến hạn báo cáo",
                    "Báo cáo " + current.inWords() + " chốt số liệu ngày " + VnTime.display(current.to()) + " ("
                            + when + "), chưa gửi lên tỉnh.",
                    "#/bao-cao", LEADER_ADMIN, current.to(), now));
        }
        for (Returned r : facts.returned()) {
            LocalDate day = r.at() == null ? today : VnTime.dayOf(r.at());
            String words = r.period();
            try {
                words = windows.parse(r.period(), province).inWords();
            } catch (RuntimeException unreadable) {
                // a label stored before the rule changed: say it as it is
            }
            String reason = r.reason() == null || r.reason().isBlank() ? "" : ": " + r.reason().strip();
            out.add(raise(commune, ReminderKind.REPORT_RETURNED, r.period(), r.period(), day.toString(),
                    "Báo cáo bị trả lại",
                    "Báo cáo " + words + " bị tỉnh trả lại ngày " + VnTime.display(day) + reason
                            + (reason.endsWith(".") ? "" : ".") + " Cần chỉnh sửa và gửi lại.",
                    "#/bao-cao", LEADER_ADMIN, null, now));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The reminder's id: tenant, kind, subject and period — the same on every run and every instance. */
    public static String reminderId(String tenant, ReminderKind kind, String subject, String period) {
        return "rem-" + tenant + "-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + subject + "-"
                + period;
    }

    private static ReminderRaised raise(String tenant, ReminderKind kind, String subject, String about,
            String period, String title, String text, String link, List<String> roles, LocalDate dueOn,
            Instant now) {
        return new ReminderRaised(tenant, reminderId(tenant, kind, subject, period), kind, about, period, title,
                text, link, roles, dueOn, now);
    }

    /** "tin" for a task of news only; "sản phẩm" when it takes several kinds. */
    static String unit(TaskRecord task) {
        if (task.productKinds().size() == 1) {
            return Vocabulary.kind(task.productKinds().getFirst()).toLowerCase(Locale.forLanguageTag("vi"));
        }
        return "sản phẩm";
    }

    /** A quota period in words: "tháng 12", "quý IV", "6 tháng cuối năm 2025", "năm 2025", "cả kỳ kế hoạch". */
    static String periodWords(String period) {
        if (period.equals("PLAN")) {
            return "cả kỳ kế hoạch";
        }
        if (period.matches("\\d{4}-\\d{2}")) {
            return "tháng " + Integer.parseInt(period.substring(5));
        }
        if (period.matches("\\d{4}-Q\\d")) {
            return "quý " + new String[] {"", "I", "II", "III", "IV"}[period.charAt(6) - '0'] + " năm "
                    + period.substring(0, 4);
        }
        if (period.matches("\\d{4}-H\\d")) {
            return "6 tháng " + (period.endsWith("1") ? "đầu" : "cuối") + " năm " + period.substring(0, 4);
        }
        return "năm " + period;
    }

    /** A title cut at a word before {@value #TITLE_CHARS} characters, with "…". */
    static String shorten(String title) {
        String t = title == null ? "" : title.strip();
        if (t.length() <= TITLE_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', TITLE_CHARS);
        return t.substring(0, cut > 20 ? cut : TITLE_CHARS).strip() + "…";
    }

    private static String province(String commune) {
        return CommuneDirectory.instance().commune(commune).map(CommuneDirectory.Commune::provinceCode).orElse(null);
    }
}
