package vn.loa.report.dashboard;

import vn.loa.platform.tenancy.UnitKind;
import vn.loa.platform.time.VnTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.dashboard.CommuneDashboard.Activities;
import vn.loa.report.dashboard.CommuneDashboard.Activity;
import vn.loa.report.dashboard.CommuneDashboard.Commune;
import vn.loa.report.dashboard.CommuneDashboard.Count;
import vn.loa.report.dashboard.CommuneDashboard.CurrentBucket;
import vn.loa.report.dashboard.CommuneDashboard.Failure;
import vn.loa.report.dashboard.CommuneDashboard.Pipeline;
import vn.loa.report.dashboard.CommuneDashboard.Publications;
import vn.loa.report.dashboard.CommuneDashboard.TaskRef;
import vn.loa.report.dashboard.CommuneDashboard.TaskSummary;
import vn.loa.report.dashboard.CommuneDashboard.TaskView;
import vn.loa.report.dashboard.CommuneDashboard.Waiting;
import vn.loa.report.projection.ItemRecord;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.projection.TaskRecord;

/** Builds the commune dashboard from the read models (pure reading: the status depends on the day). */
@Component
public class Dashboards {

    private static final int RECENT = 20;

    private final ReadModels readModels;

    public Dashboards(ReadModels readModels) {
        this.readModels = readModels;
    }

    public CommuneDashboard commune(String code, LocalDate today) {
        Map<String, PlanRecord> plans = readModels.plans(code);
        List<TaskRecord> tasks = readModels.tasks(code);
        List<PublicationRecord> publications = readModels.publications(code);
        List<ItemRecord> items = readModels.items(code);
        Map<String, String> channelNames = readModels.channelNames();
        UnitKind unit = UnitKind.ofCommune(code);

        List<TaskView> views = tasks.stream()
                .map(t -> view(t, plans.get(t.planId()), today))
                .sorted(Comparator.comparing((TaskView v) -> nz(v.planNumber()))
                        .thenComparing(v -> v.order() == null ? Integer.MAX_VALUE : v.order())
                        .thenComparing(TaskView::taskId))
                .toList();
        Map<String, Long> byStatus = views.stream()
                .collect(Collectors.groupingBy(TaskView::status, Collectors.counting()));
        TaskSummary summary = new TaskSummary(views.size(), n(byStatus, TaskStatus.DONE),
                n(byStatus, TaskStatus.ON_TRACK), n(byStatus, TaskStatus.AT_RISK), n(byStatus, TaskStatus.BEHIND),
                n(byStatus, TaskStatus.OVERDUE), n(byStatus, TaskStatus.WITHDRAWN), n(byStatus, TaskStatus.UNKNOWN));
        List<TaskRef> atRisk = views.stream().filter(v -> v.status().equals(TaskStatus.AT_RISK.name()))
                .map(v -> new TaskRef(v.taskId(), v.title(), v.status())).toList();
        List<TaskRef> missed = views.stream()
                .filter(v -> v.status().equals(TaskStatus.BEHIND.name()) || v.status().equals(TaskStatus.OVERDUE.name()))
                .map(v -> new TaskRef(v.taskId(), v.title(), v.status())).toList();

        List<PublicationRecord> live = publications.stream().filter(PublicationRecord::live).toList();
        List<PublicationRecord> posted = live.stream().filter(p -> !p.activity()).toList();
        Publications pubs = new Publications(posted.size(),
                count(posted, PublicationRecord::channel, id -> Vocabulary.channel(id, channelNames, unit)),
                count(posted, PublicationRecord::kind, Vocabulary::kind),
                countMany(posted, PublicationRecord::themes),
                count(posted, p -> p.unit() == null ? "" : p.unit(), u -> u.isEmpty() ? "Chưa ghi đơn vị" : u),
                count(posted, p -> YearMonth.from(VnTime.dayOf(p.firstPublishedAt())).toString(), m -> m)
                        .stream().sorted(Comparator.comparing(Count::key)).toList());

        Map<String, ItemRecord> itemsById = items.stream().collect(Collectors.toMap(ItemRecord::itemId, i -> i));
        List<Waiting> waiting = items.stream()
                .filter(i -> i.approvalStands() && i.publishedOn().isEmpty())
                .sorted(Comparator.comparing(ItemRecord::approvedAt).thenComparing(ItemRecord::itemId))
                .map(i -> new Waiting(i.itemId(), i.title(), i.kind(), i.approvedAt())).toList();
        List<Failure> failed = publications.stream().filter(PublicationRecord::failed)
                .sorted(Comparator.comparing(PublicationRecord::lastFailedAt).reversed()
                        .thenComparing(PublicationRecord::itemId))
                .map(p -> new Failure(p.itemId(), Optional.ofNullable(itemsById.get(p.itemId()))
                        .map(ItemRecord::title).orElse(p.title()), p.channel(),
                        Vocabulary.channel(p.channel(), channelNames, unit), p.failReason(), p.retryable(),
                        p.lastFailedAt()))
                .toList();

        List<PublicationRecord> held = live.stream().filter(PublicationRecord::activity)
                .sorted(Comparator.comparing(PublicationRecord::firstPublishedAt).reversed()
                        .thenComparing(PublicationRecord::itemId))
                .toList();
        Activities activities = new Activities(held.size(), held.stream().limit(RECENT)
                .map(p -> new Activity(p.itemId(), p.title(), p.kind(), Vocabulary.kind(p.kind()),
                        VnTime.dayOf(p.firstPublishedAt()), p.unit()))
                .toList());

        Map<String, String> titles = new HashMap<>();
        publications.forEach(p -> {
            if (p.title() != null) {
                titles.put(p.itemId(), p.title());
            }
        });
        items.forEach(i -> {
            if (i.title() != null) {
                titles.putIfAbsent(i.itemId(), i.title());
            }
        });
        LocalDate since = today.minusDays(CommuneDashboard.ENGAGEMENT_DAYS - 1);
        Engagement engagement = Engagements.of(readModels.engagement(List.of(code), since, today)
                .getOrDefault(code, List.of()), since, today, titles, tasks,
                Engagements.channelNames(channelNames, unit));

        return new CommuneDashboard(commune(code), summary, views, atRisk, missed, pubs,
                new Pipeline(waiting, failed), activities, engagement);
    }

    public static Commune commune(String code) {
        CommuneDirectory directory = CommuneDirectory.instance();
        return directory.commune(code)
                .map(c -> new Commune(c.code(), c.name(), c.provinceCode(),
                        directory.province(c.provinceCode()).map(CommuneDirectory.Province::name).orElse(null)))
                .orElse(new Commune(code, code, null, null));
    }

    static TaskView view(TaskRecord t, PlanRecord plan, LocalDate today) {
        List<TaskProgress.BucketState> buckets = TaskProgress.buckets(t, plan, today);
        TaskStatus status = TaskProgress.status(t, buckets, today);
        CurrentBucket current = TaskProgress.current(buckets, today)
                .map(b -> new CurrentBucket(b.bucket().period(), b.bucket().from(), b.bucket().to(),
                        b.bucket().target(), b.credited(), b.status(), b.statusLabel(), b.atRisk(), b.daysLeft()))
                .orElse(null);
        String quota = t.quota() == null ? null
                : "Tối thiểu " + t.quota().count() + " " + Vocabulary.quota(t.quota().per());
        List<String> missed = buckets.stream().filter(b -> "MISSED".equals(b.status()))
                .map(b -> b.bucket().period()).toList();
        List<String> notApplicable = buckets.stream().filter(b -> !b.applicable())
                .map(b -> b.bucket().period()).toList();
        return new TaskView(t.taskId(), t.planId(), plan == null ? null : plan.number(), t.order(),
                t.title() == null ? "(chưa có thông tin nhiệm vụ)" : t.title(), t.leadUnit(), quota, status.name(),
                status.label(), current, t.totalCredited(), missed, notApplicable);
    }

    static List<Count> count(List<PublicationRecord> list, Function<PublicationRecord, String> key,
            Function<String, String> label) {
        Map<String, Long> counts = new HashMap<>();
        list.forEach(p -> counts.merge(nz(key.apply(p)), 1L, Long::sum));
        return sorted(counts, label);
    }

    static List<Count> countMany(List<PublicationRecord> list, Function<PublicationRecord, List<String>> keys) {
        Map<String, Long> counts = new HashMap<>();
        list.forEach(p -> keys.apply(p).forEach(k -> counts.merge(k, 1L, Long::sum)));
        return sorted(counts, k -> k);
    }

    private static List<Count> sorted(Map<String, Long> counts, Function<String, String> label) {
        List<Count> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(new Count(k, label.apply(k), v)));
        out.sort(Comparator.comparing(Count::count).reversed().thenComparing(Count::key));
        return List.copyOf(out);
    }

    private static int n(Map<String, Long> byStatus, TaskStatus status) {
        return byStatus.getOrDefault(status.name(), 0L).intValue();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
