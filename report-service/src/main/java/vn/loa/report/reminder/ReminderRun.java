package vn.loa.report.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.loa.contracts.notification.ReminderRaised;
import vn.loa.platform.time.VnTime;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.ItemRecord;
import vn.loa.report.projection.PlanRecord;
import vn.loa.report.projection.PublicationRecord;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.reminder.internal.Detector;
import vn.loa.report.reminder.internal.Facts;
import vn.loa.report.reminder.internal.ReminderStore;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions;

/**
 * One reminder run over the active communes (those with an open plan) of a scope: a handful of queries for all of
 * them together (open plans, tasks and their credits, failed publications, approved items, items waiting for
 * approval, report states, returned reports), the detection in memory, then one query and one bulk insert for the reminders (ReminderStore).
 */
@Component
public class ReminderRun {

    private static final Logger log = LoggerFactory.getLogger(ReminderRun.class);

    private final ReadModels readModels;
    private final Submissions submissions;
    private final ReportingWindows windows;
    private final ReminderStore store;
    private final Clock clock;

    public ReminderRun(ReadModels readModels, Submissions submissions, ReportingWindows windows, ReminderStore store,
            Clock clock) {
        this.readModels = readModels;
        this.submissions = submissions;
        this.windows = windows;
        this.store = store;
        this.clock = clock;
    }

    /** Runs over the communes given ({@code null}: every commune). */
    public RunResult run(Collection<String> scope) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        LocalDate today = VnTime.today(now);
        Map<String, Map<String, PlanRecord>> plans = readModels.openPlans(scope);
        Set<String> communes = plans.keySet();
        if (communes.isEmpty()) {
            return new RunResult(0, 0, 0, Map.of(), elapsed(started));
        }
        // a run over everything asks without a tenant condition (a long $in is a scan on the stand-in); what belongs
        // to a commune without an open plan is left unread below
        Map<String, List<TaskRecord>> tasks = readModels.tasks(scope);
        Map<String, List<PublicationRecord>> failed = readModels.failedPublications(scope);
        Map<String, List<ItemRecord>> approved = readModels.approvedItems(scope);
        Map<String, List<ItemRecord>> waiting = readModels.waitingItems(scope);
        List<Submissions.Returned> returned = submissions.returned(scope);
        Detector detector = new Detector(windows, readModels.channelNames());
        // the report being prepared: one label per cut-off rule, so one query per distinct label
        Map<String, String> currentLabel = new HashMap<>();
        communes.forEach(c -> currentLabel.put(c, detector.currentReport(c, today).label()));
        Map<String, SubmissionState> states = new HashMap<>();
        currentLabel.values().stream().distinct().forEach(label -> states.putAll(submissions.states(
                currentLabel.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey)
                        .toList(), label)));
        Map<String, List<Submissions.Returned>> returnedBy = returned.stream()
                .collect(Collectors.groupingBy(Submissions.Returned::commune));

        long read = System.nanoTime();
        List<ReminderRaised> found = new ArrayList<>();
        for (String commune : communes) {
            found.addAll(detector.detect(new Facts(commune, plans.get(commune),
                    tasks.getOrDefault(commune, List.of()), failed.getOrDefault(commune, List.of()),
                    approved.getOrDefault(commune, List.of()), states.getOrDefault(commune, SubmissionState.DRAFT),
                    returnedBy.getOrDefault(commune, List.of()), waiting.getOrDefault(commune, List.of())), today,
                    now));
        }
        long detected = System.nanoTime();
        List<ReminderRaised> raised = store.raise(found);
        Map<String, Integer> byKind = new TreeMap<>();
        raised.forEach(r -> byKind.merge(r.kind().name(), 1, Integer::sum));
        RunResult result = new RunResult(communes.size(), raised.size(), found.size(), byKind, elapsed(started));
        log.info("Reminder run: {} active communes, {} reminders due, {} raised now, {} ms (reading {} ms, detecting {}"
                + " ms, storing {} ms)", result.communes(), result.found(), result.raised(), result.tookMs(),
                (read - started) / 1_000_000, (detected - read) / 1_000_000, (System.nanoTime() - detected) / 1_000_000);
        return result;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
