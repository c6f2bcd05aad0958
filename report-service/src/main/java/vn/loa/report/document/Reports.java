package vn.loa.report.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.loa.report.dashboard.Bucket;
import vn.loa.report.dashboard.Buckets;
import vn.loa.report.dashboard.CommuneDashboard.Count;
import vn.loa.report.dashboard.Dashboards;
import vn.loa.report.dashboard.Vocabulary;
import vn.loa.report.document.ReportData.ActivityRow;
import vn.loa.report.document.ReportData.ChannelKind;
import vn.loa.report.document.ReportData.TaskResult;
import vn.loa.report.document.ReportData.Totals;
import vn.loa.report.period.CommuneTime;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.submission.Submissions;

/** Computes a commune's report figures for a period from the read models. */
@Component
public class Reports {

    private final ReadModels readModels;
    private final ReportNotes notes;
    private final Submissions submissions;

    public Reports(ReadModels readModels, ReportNotes notes, Submissions submissions) {
        this.readModels = readModels;
        this.notes = notes;
        this.submissions = submissions;
    }

    public ReportData of(String commune, ReportPeriod period, LocalDate today) {
        var submission = submissions.of(commune, period.label());
        return compute(commune, period, today, readModels.plans(commune), readModels.tasks(commune),
                readModels.publications(commune), readModels.channelNames(), notes.of(commune, period.label()),
                submission.state().name(), submission.stateLabel());
    }

    /** The arithmetic alone (no database): used by the tests and the benchmark too. */
    public static ReportData compute(String commune, ReportPeriod period, LocalDate today,
            Map<String, PlanRecord> plans, List<TaskRecord> tasks, List<PublicationRecord> publications,
            Map<String, String> channelNames, Notes notes, String submissionState, String submissionLabel) {
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
            int target = Buckets.of(t.quota(), plan).stream()
                    .filter(b -> period.contains(b.from())).mapToInt(Bucket::target).sum();
            int achieved = achieved(t, period);
            String assessment;
            if (target > 0) {
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
            pairs.add(new ChannelKind(parts[0], Vocabulary.channel(parts[0], channelNames), parts[1],
                    Vocabulary.kind(parts[1]), v));
        });
        pairs.sort(Comparator.comparing(ChannelKind::channelLabel).thenComparing(ChannelKind::kindLabel));
        List<Count> byChannel = counts(posted, true, channelNames);
        List<Count> byKind = counts(posted, false, channelNames);
        List<ActivityRow> activities = inWindow.stream().filter(PublicationRecord::activity)
                .sorted(Comparator.comparing(PublicationRecord::firstPublishedAt).thenComparing(PublicationRecord::itemId))
                .map(p -> new ActivityRow(CommuneTime.dayOf(p.firstPublishedAt()), p.title(), p.kind(),
                        Vocabulary.kind(p.kind()), p.unit()))
                .toList();

        ReportData.Period p = new ReportData.Period(period.label(), period.kind().name(), period.inWords(),
                period.from(), period.to(), period.windowInWords());
        return new ReportData(Dashboards.commune(commune), p, today,
                new Totals(results.size(), met, withTarget, posted.size(), byChannel.size(), activities.size()),
                List.copyOf(results), List.copyOf(pairs), byChannel, byKind, activities, notes, submissionState,
                submissionLabel);
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
            Map<String, String> channelNames) {
        Map<String, Long> m = new HashMap<>();
        posted.forEach(p -> m.merge(nz(channel ? p.channel() : p.kind()), 1L, Long::sum));
        List<Count> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Count(k, channel ? Vocabulary.channel(k, channelNames) : Vocabulary.kind(k), v)));
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
