package vn.loa.report.dashboard;

import vn.loa.platform.time.VnTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.loa.platform.problem.InvalidInput;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.dashboard.CommuneDashboard.Count;
import vn.loa.report.period.PeriodKind;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.platform.tenancy.UnitKind;
import vn.loa.report.projection.EngagementRecord;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions;

/** Builds the province table from the read models of each of its communes. */
@Component
public class ProvinceDashboards {

    private final ReadModels readModels;
    private final Submissions submissions;
    private final ReportingWindows windows;

    public ProvinceDashboards(ReadModels readModels, Submissions submissions, ReportingWindows windows) {
        this.readModels = readModels;
        this.submissions = submissions;
        this.windows = windows;
    }

    public ProvinceDashboard of(String provinceCode, LocalDate today, String report, String sort, String dir) {
        CommuneDirectory.Province province = CommuneDirectory.instance().province(provinceCode).orElseThrow();
        ReportPeriod period = report == null || report.isBlank()
                ? windows.containing(PeriodKind.QUARTER, today, provinceCode)
                : windows.parse(report, provinceCode);
        YearMonth month = YearMonth.from(today);
        Map<String, String> channelNames = readModels.channelNames();
        List<String> codes = province.communes().stream().map(CommuneDirectory.Commune::code).toList();
        Map<String, SubmissionState> states = submissions.states(codes, period.label());
        LocalDate since = today.minusDays(CommuneDashboard.ENGAGEMENT_DAYS - 1);
        // each read model once for the whole province, and of publications and engagement only the span shown
        Map<String, Map<String, PlanRecord>> plans = readModels.plans(codes);
        Map<String, List<TaskRecord>> tasks = readModels.tasks(codes);
        Map<String, List<PublicationRecord>> firstPublishedThisMonth = readModels.publicationsFirstPublished(codes,
                VnTime.startOf(month.atDay(1)), VnTime.startOf(month.plusMonths(1).atDay(1)));
        Map<String, List<EngagementRecord>> engagement = readModels.engagement(codes, since, today);
        List<ProvinceDashboard.Row> rows = new ArrayList<>();
        List<EngagementRecord> engaged = new ArrayList<>();
        for (CommuneDirectory.Commune c : province.communes()) {
            Map<String, PlanRecord> communePlans = plans.getOrDefault(c.code(), Map.of());
            int met = 0;
            int atRisk = 0;
            int missed = 0;
            int counted = 0;
            for (TaskRecord t : tasks.getOrDefault(c.code(), List.of())) {
                var view = Dashboards.view(t, communePlans.get(t.planId()), today);
                if (view.status().equals(TaskStatus.WITHDRAWN.name())) {
                    continue;
                }
                counted++;
                boolean currentMet = view.current() != null && "MET".equals(view.current().status());
                switch (TaskStatus.valueOf(view.status())) {
                    case DONE -> met++;
                    case AT_RISK -> atRisk++;
                    case BEHIND, OVERDUE -> missed++;
                    default -> {
                        if (currentMet) {
                            met++;
                        }
                    }
                }
            }
            List<PublicationRecord> thisMonth = firstPublishedThisMonth.getOrDefault(c.code(), List.of()).stream()
                    .filter(PublicationRecord::live).filter(p -> !p.activity()).toList();
            List<Count> byChannel = Dashboards.count(thisMonth, PublicationRecord::channel,
                    id -> Vocabulary.channel(id, channelNames, c.kind()));
            SubmissionState state = states.getOrDefault(c.code(), SubmissionState.DRAFT);
            List<EngagementRecord> communeEngaged = engagement.getOrDefault(c.code(), List.of());
            engaged.addAll(communeEngaged);
            long reached = communeEngaged.stream().mapToLong(r -> Engagements.reached(r.figures())).sum();
            rows.add(new ProvinceDashboard.Row(c.code(), c.name(), counted, met, atRisk, missed, thisMonth.size(),
                    byChannel, state.name(), state.label(), reached));
        }
        boolean descending = dir == null ? !List.of("name", "code").contains(sort) : "desc".equalsIgnoreCase(dir);
        Comparator<ProvinceDashboard.Row> order = switch (sort) {
            case "name" -> Comparator.comparing(ProvinceDashboard.Row::name, vietnamese());
            case "code" -> Comparator.comparing(ProvinceDashboard.Row::code);
            case "tasks" -> Comparator.comparingInt(ProvinceDashboard.Row::tasks);
            case "met" -> Comparator.comparingInt(ProvinceDashboard.Row::met);
            case "atRisk" -> Comparator.comparingInt(ProvinceDashboard.Row::atRisk);
            case "missed" -> Comparator.comparingInt((ProvinceDashboard.Row r) -> r.missed())
                    .thenComparingInt(ProvinceDashboard.Row::atRisk);
            case "publications" -> Comparator.comparingLong(ProvinceDashboard.Row::publicationsThisMonth);
            case "reached" -> Comparator.comparingLong(ProvinceDashboard.Row::reached);
            case "submission" -> Comparator.comparing(r -> SubmissionState.valueOf(r.submission()).ordinal());
            default -> throw new InvalidInput("sort", "Không sắp xếp được theo '" + sort + "'. Chọn một trong: name,"
                    + " code, tasks, met, atRisk, missed, publications, reached, submission.");
        };
        if (descending) {
            order = order.reversed();
        }
        rows.sort(order.thenComparing(ProvinceDashboard.Row::code));
        ProvinceDashboard.Totals totals = new ProvinceDashboard.Totals(rows.size(),
                rows.stream().mapToInt(ProvinceDashboard.Row::tasks).sum(),
                rows.stream().mapToInt(ProvinceDashboard.Row::met).sum(),
                rows.stream().mapToInt(ProvinceDashboard.Row::atRisk).sum(),
                rows.stream().mapToInt(ProvinceDashboard.Row::missed).sum(),
                rows.stream().mapToLong(ProvinceDashboard.Row::publicationsThisMonth).sum(),
                (int) rows.stream().filter(r -> r.submission().equals("SUBMITTED")).count(),
                (int) rows.stream().filter(r -> r.submission().equals("ACCEPTED")).count(),
                (int) rows.stream().filter(r -> r.submission().equals("RETURNED")).count());
        return new ProvinceDashboard(province.code(), province.name(), month.toString(), period.label(),
                period.inWords(), sort, descending ? "desc" : "asc", totals, List.copyOf(rows),
                Engagements.of(engaged, since, today, Map.of(), List.of(),
                        Engagements.channelNames(channelNames, UnitKind.XA).andThen(UnitKind::rewordForLevel)));
    }

    private static Comparator<String> vietnamese() {
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
        return collator::compare;
    }
}
