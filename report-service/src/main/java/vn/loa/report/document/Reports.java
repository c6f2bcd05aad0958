package vn.loa.report.document;

import vn.loa.platform.tenancy.UnitKind;
import vn.loa.platform.time.VnTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;
import vn.loa.report.dashboard.Bucket;
import vn.loa.report.dashboard.Buckets;
import vn.loa.report.dashboard.CommuneDashboard.Count;
import vn.loa.report.dashboard.Dashboards;
import vn.loa.report.dashboard.Engagement;
import vn.loa.report.dashboard.Engagements;
import vn.loa.report.dashboard.Vocabulary;
import vn.loa.report.document.ReportData.ActivityRow;
import vn.loa.report.document.ReportData.ChannelKind;
import vn.loa.report.document.ReportData.TaskResult;
import vn.loa.report.document.ReportData.Totals;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.projection.EngagementRecord;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.submission.AcceptedReports;
import vn.loa.report.submission.Submission;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions;

/**
 * Computes a commune's report figures for a period from the read models — or, once the province accepted the report,
 * reads them as they were frozen then ({@link ReportArchive}).
 */
@Component
public class Reports implements AcceptedReports {

    private final ReadModels readModels;
    private final ReportNotes notes;
    private final Submissions submissions;
    private final ReportArchive archive;

    public Reports(ReadModels readModels, ReportNotes notes, Submissions submissions, ReportArchive archive) {
        this.readModels = readModels;
        this.notes = notes;
        this.submissions = submissions;
        this.archive = archive;
    }

    /** The report as it stands: frozen if the province accepted it, else computed now. */
    public ReportData of(String commune, ReportPeriod period, LocalDate today) {
        Submission submission = submissions.of(commune, period.label());
        if (submission.frozenAt() != null) {
            var frozen = archive.data(commune, period.label());
            if (frozen.isPresent()) {
                return frozen.get();
            }
        }
        return live(commune, period, today, submission.state(), null);
    }

    /**
     * The reports of many communes for one period, as {@link #of} gives each: each read model read once for all of
     * them (the province's table), a frozen report read from its archive.
     */
    public List<ReportData> of(List<String> communes, ReportPeriod period, LocalDate today) {
        Map<String, Submission> submitted = submissions.of(communes, period.label());
        Map<String, ReportData> frozen = new HashMap<>();
        submitted.values().stream().filter(s -> s.frozenAt() != null)
                .forEach(s -> archive.data(s.commune(), period.label()).ifPresent(d -> frozen.put(s.commune(), d)));
        List<String> live = communes.stream().filter(c -> !frozen.containsKey(c)).toList();
        Map<String, Map<String, PlanRecord>> plans = readModels.plans(live);
        Map<String, List<TaskRecord>> tasks = readModels.tasks(live);
        Map<String, List<PublicationRecord>> publications = readModels.publications(live);
        Map<String, List<EngagementRecord>> engagement = readModels.engagement(live);
        Map<String, Notes> notesOf = notes.of(live, period.label());
        Map<String, String> channelNames = readModels.channelNames();
        List<ReportData> out = new ArrayList<>(communes.size());
        for (String commune : communes) {
            ReportData data = frozen.get(commune);
            if (data == null) {
                SubmissionState state = submitted.get(commune).state();
                data = compute(commune, period, today, plans.getOrDefault(commune, Map.of()),
                        tasks.getOrDefault(commune, List.of()), publications.getOrDefault(commune, List.of()),
                        channelNames, notesOf.get(commune), state.name(), state.label(), null,
                        engagement.getOrDefault(commune, List.of()));
            }
            out.add(data);
        }
        return out;
    }

    /** The report computed from the read models now, in the given submission state. */
    ReportData live(String commune, ReportPeriod period, LocalDate today, SubmissionState state, Instant frozenAt) {
        return compute(commune, period, today, readModels.plans(commune), readModels.tasks(commune),
                readModels.publications(commune), readModels.channelNames(), notes.of(commune, period.label()),
                state.name(), state.label(), frozenAt, readModels.engagement(commune));
    }

    /** What the notes would print as "Kính gửi", "Nơi nhận" and signature block for this commune and period. */
    public Addressing addressing(String commune, ReportPeriod period, Notes given) {
        return Addressing.of(Dashboards.commune(commune), planSigner(readModels.plans(commune), period), given);
    }

    /**
     * The report as the province accepts it: computed now (state ACCEPTED), dated the day the commune sent it up,
     * written as docx and xlsx — the BSON that {@link Submissions#accept} stores with the state change, in one write.
     */
    @Override
    public Document freeze(String commune, ReportPeriod period, LocalDate datedOn, Instant at) {
        ReportData data = live(commune, period, datedOn, SubmissionState.ACCEPTED, at);
        return archive.encode(data, DocxWriter.write(data), XlsxWriter.commune(data));
    }

    /** The arithmetic alone (no database): used by the tests and the benchmark too. */
    public static ReportData compute(String commune, ReportPeriod period, LocalDate today,
            Map<String, PlanRecord> plans, List<TaskRecord> tasks, List<PublicationRecord> publications,
            Map<String, String> channelNames, Notes notes, String submissionState, String submissionLabel) {
        return compute(commune, period, today, plans, tasks, publications, channelNames, notes, submissionState,
                submissionLabel, null, List.of());
    }

    /** With the commune's engagement records: the report's «Hiệu quả tuyên truyền» over its window. */
    public static ReportData compute(String commune, ReportPeriod period, LocalDate today,
            Map<String, PlanRecord> plans, List<TaskRecord> tasks, List<PublicationRecord> publications,
            Map<String, String> channelNames, Notes notes, String submissionState, String submissionLabel,
            Instant frozenAt, List<EngagementRecord> engagement) {
        UnitKind unitKind = UnitKind.ofCommune(commune);
        List<TaskResult> results = new ArrayList<>();
        List<TaskRecord> relevant = tasks.stream()
                .filter(TaskRecord::defined)
                .filter(t -> !t.withdrawn() || achieved(t, period) > 0)
                .filter(t -> overlaps(plans.get(t.planId()), period) || achieved(t, period) > 0)
                .sorted(Comparator.comparing((TaskRecord t) -> number(plans.get(t.planId())))
                        .thenComparing(t -> t.order() == null ? Integer.MAX_VALUE : t.order())
                        .thenComparing(TaskRecord::taskId))
                .toList();
        int no = 0;
        int met = 0;
        int withTarget = 0;
        for (TaskRecord t : relevant) {
            PlanRecord plan = plans.get(t.planId());
            List<Bucket> beginning = Buckets.of(t.quota(), plan).stream()
                    .filter(b -> period.contains(b.from())).toList();
            // periods that had ended before the plan was issued carry no target (ADR 0004)
            int target = beginning.stream().filter(Bucket::applicable).mapToInt(Bucket::target).sum();
            boolean notApplicable = !beginning.isEmpty() && beginning.stream().noneMatch(Bucket::applicable);
            int achieved = achieved(t, period);
            String assessment;
            if (notApplicable && achieved == 0) {
                assessment = TaskResult.NOT_APPLICABLE;
            } else if (target > 0) {
                withTarget++;
                assessment = achieved >= target ? "Đạt" : "Chưa đạt";
                if (achieved >= target) {
                    met++;
                }
            } else {
                assessment = achieved > 0 ? "Đã thực hiện" : "Chưa phát sinh";
            }
            String quota = t.quota() == null ? "" : t.quota().count() + " " + Vocabulary.quota(t.quota().per());
            results.add(new TaskResult(++no, t.taskId(), number(plan), t.title(), t.leadUnit(), quota, target,
                    achieved, assessment));
        }

        List<PublicationRecord> inWindow = publications.stream()
                .filter(PublicationRecord::live)
                .filter(p -> period.contains(p.firstPublishedAt()))
                .toList();
        List<PublicationRecord> posted = inWindow.stream().filter(p -> !p.activity()).toList();
        Map<String, Long> byPair = new HashMap<>();
        posted.forEach(p -> byPair.merge(p.channel() + "\u0000" + nz(p.kind()), 1L, Long::sum));
        List<ChannelKind> pairs = new ArrayList<>();
        byPair.forEach((k, v) -> {
            String[] parts = k.split("\u0000", -1);
            pairs.add(new ChannelKind(parts[0], Vocabulary.channel(parts[0], channelNames, unitKind), parts[1],
                    Vocabulary.kind(parts[1]), v));
        });
        pairs.sort(Comparator.comparing(ChannelKind::channelLabel).thenComparing(ChannelKind::kindLabel));
        List<Count> byChannel = counts(posted, true, channelNames, unitKind);
        List<Count> byKind = counts(posted, false, channelNames, unitKind);
        List<ActivityRow> activities = inWindow.stream().filter(PublicationRecord::activity)
                .sorted(Comparator.comparing(PublicationRecord::firstPublishedAt).thenComparing(PublicationRecord::itemId))
                .map(p -> new ActivityRow(VnTime.dayOf(p.firstPublishedAt()), p.title(), p.kind(),
                        Vocabulary.kind(p.kind()), p.unit()))
                .toList();

        ReportData.Period p = new ReportData.Period(period.label(), period.kind().name(), period.inWords(),
                period.from(), period.to(), period.windowInWords());
        var unit = Dashboards.commune(commune);
        return new ReportData(unit, p, today,
                new Totals(results.size(), met, withTarget, posted.size(), byChannel.size(), activities.size()),
                List.copyOf(results), List.copyOf(pairs), byChannel, byKind, activities, notes,
                Addressing.of(unit, planSigner(plans, period), notes), submissionState, submissionLabel, frozenAt,
                engagement(engagement, period, publications, tasks, channelNames, unitKind));
    }

    private static Engagement engagement(List<EngagementRecord> records, ReportPeriod period,
            List<PublicationRecord> publications, List<TaskRecord> tasks, Map<String, String> channelNames,
            UnitKind unit) {
        Map<String, String> titles = new HashMap<>();
        publications.forEach(p -> {
            if (p.title() != null) {
                titles.put(p.itemId(), p.title());
            }
        });
        return Engagements.of(records, period.from(), period.to(), titles, tasks,
                Engagements.channelNames(channelNames, unit));
    }

    /**
     * Whose signature the report carries by default: the signer of the plan it reports on — among the plans with a
     * signature block, one whose period meets the report's window, the latest issued.
     */
    static PlanRecord.Signer planSigner(Map<String, PlanRecord> plans, ReportPeriod period) {
        return plans.values().stream()
                .filter(p -> p.signer() != null)
                .max(Comparator.comparing((PlanRecord p) -> p.periodFrom() != null && overlaps(p, period))
                        .thenComparing(PlanRecord::issuedOn,
                                Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                        .thenComparing(PlanRecord::planId))
                .map(PlanRecord::signer)
                .orElse(null);
    }

    private static int achieved(TaskRecord t, ReportPeriod period) {
        return (int) t.standingCredits().stream().filter(c -> period.contains(c.publishedAt())).count();
    }

    private static boolean overlaps(PlanRecord plan, ReportPeriod period) {
        if (plan == null || plan.periodFrom() == null || plan.periodTo() == null) {
            return true;
        }
        return !plan.periodFrom().isAfter(period.to()) && !plan.periodTo().isBefore(period.from());
    }

    private static List<Count> counts(List<PublicationRecord> posted, boolean channel,
            Map<String, String> channelNames, UnitKind unit) {
        Map<String, Long> m = new HashMap<>();
        posted.forEach(p -> m.merge(nz(channel ? p.channel() : p.kind()), 1L, Long::sum));
        List<Count> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Count(k, channel ? Vocabulary.channel(k, channelNames, unit) : Vocabulary.kind(k), v)));
        out.sort(Comparator.comparing(Count::count).reversed().thenComparing(Count::key));
        return List.copyOf(out);
    }

    private static String number(PlanRecord plan) {
        return plan == null || plan.number() == null ? "" : plan.number();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
