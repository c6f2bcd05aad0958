package vn.loa.report.demo;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.loa.platform.demo.DemoHistory;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Role;
import vn.loa.platform.time.VnTime;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.projection.TaskRecord;
import vn.loa.report.submission.AcceptedReports;
import vn.loa.report.submission.Submission;
import vn.loa.report.submission.SubmissionState;
import vn.loa.report.submission.Submissions;

/**
 * With {@code loa.demo.enabled=true}, report-service's part of the demo ({@link DemoHistory#reviews()}): for the last
 * quarter of this year whose reporting window has closed, one commune's report is sent up and accepted by its
 * province, another's sent up and returned with a reason — through the same {@link Submissions} steps as the API.
 *
 * <p>Accepting freezes the report from the read models, so it must wait until they hold the demo's work of that
 * quarter: the plan (from {@code PlanIssued}) and, for every item and activity of the history in the window, the
 * credit task-service gave each task it names ({@code TaskCredited}). Those arrive over Kafka in no set order and at
 * no set time, so this looks again every {@code loa.demo.reviews.every} (15 s) in a background thread, for at most
 * {@code loa.demo.reviews.give-up-after} (20 min); then it stops and says so, and the next start tries again. It
 * never holds up the service. A report a person has sent up or reviewed is left as it is.
 */
@Component
@ConditionalOnProperty(name = "loa.demo.enabled", havingValue = "true")
class DemoReviews {

    private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);
    /** The demo's province reviewer (not a login). */
    static final String REVIEWER = "loa-demo-tinh";

    private final Submissions submissions;
    private final ReadModels readModels;
    private final ReportingWindows windows;
    private final AcceptedReports reports;
    private final Clock clock;
    private final Duration every;
    private final Duration giveUpAfter;
    private ScheduledExecutorService timer;

    DemoReviews(Submissions submissions, ReadModels readModels, ReportingWindows windows, AcceptedReports reports,
            Clock clock, DemoReviewSettings settings) {
        this.submissions = submissions;
        this.readModels = readModels;
        this.windows = windows;
        this.reports = reports;
        this.clock = clock;
        this.every = settings.every();
        this.giveUpAfter = settings.giveUpAfter();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Instant giveUp = clock.instant().plus(giveUpAfter);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-reviews");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (review(VnTime.dayOf(clock.instant()))) {
                    timer.shutdown();
                } else if (clock.instant().isAfter(giveUp)) {
                    log.warn("Demo reports not reviewed: the credits of their quarter did not all arrive within {};"
                            + " the next start tries again", giveUpAfter);
                    timer.shutdown();
                }
            } catch (RuntimeException e) {
                // demo data must never keep the service from running: look again next time
                log.warn("Demo reports not reviewed yet: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The last quarter of today's year whose reporting window closed before {@code today}; null when none has. */
    ReportPeriod quarter(LocalDate today, String province) {
        for (int q = 4; q >= 1; q--) {
            ReportPeriod p = windows.parse(today.getYear() + "-Q" + q, province);
            if (p.to().isBefore(today)) {
                return p;
            }
        }
        return null;
    }

    /** One pass; true when nothing is left to wait for (each review done, or not the demo's to do). */
    boolean review(LocalDate today) {
        boolean finished = true;
        for (DemoHistory.Review r : DemoHistory.reviews()) {
            String province = CommuneDirectory.instance().commune(r.tenant())
                    .map(CommuneDirectory.Commune::provinceCode).orElseThrow();
            ReportPeriod period = quarter(today, province);
            if (period == null) {
                continue;
            }
            Submission s = submissions.of(r.tenant(), period.label());
            if (s.state() == SubmissionState.DRAFT && s.history().isEmpty()) {
                if (!creditsIn(r.tenant(), period, today)) {
                    finished = false;
                    continue;
                }
                Caller leader = new Caller(r.tenant(), DemoHistory.LEADER, Set.of(Role.LEADER));
                s = submissions.submit(leader, period);
                log.info("Demo report {} of commune {} sent up", period.label(), r.tenant());
            }
            boolean ours = !s.history().isEmpty() && DemoHistory.LEADER.equals(s.history().getLast().by());
            if (s.state() != SubmissionState.SUBMITTED || !ours) {
                continue; // reviewed already, or a person's report
            }
            Caller reviewer = new Caller(province, REVIEWER, Set.of(Role.VIEWER));
            if (r.accepted()) {
                submissions.accept(reviewer, r.tenant(), period, reports);
                log.info("Demo report {} of commune {} accepted", period.label(), r.tenant());
            } else {
                submissions.giveBack(reviewer, r.tenant(), period, r.reason());
                log.info("Demo report {} of commune {} returned", period.label(), r.tenant());
            }
        }
        return finished;
    }

    /**
     * The read models hold the demo plan and the credit of every entry of the window on each task it names, dated on
     * the entry's day this year (a history recorded in another year does not count for this one).
     */
    boolean creditsIn(String tenant, ReportPeriod period, LocalDate today) {
        if (!readModels.plans(tenant).containsKey(DemoHistory.planId(tenant))) {
            return false;
        }
        Map<String, TaskRecord> tasks = readModels.tasks(tenant).stream()
                .collect(Collectors.toMap(TaskRecord::taskId, t -> t, (a, b) -> a));
        List<DemoHistory.Entry> inWindow = DemoHistory.upTo(today).stream()
                .filter(e -> e.tenant().equals(tenant))
                .filter(e -> !e.on(today.getYear()).isBefore(period.from()) && !e.on(today.getYear()).isAfter(period.to()))
                .toList();
        for (DemoHistory.Entry e : inWindow) {
            for (String taskId : e.taskIds()) {
                TaskRecord task = tasks.get(taskId);
                LocalDate on = e.on(today.getYear());
                if (task == null || task.standingCredits().stream().noneMatch(c -> Objects.equals(c.itemId(), e.id())
                        && c.publishedAt() != null && VnTime.dayOf(c.publishedAt()).equals(on))) {
                    return false;
                }
            }
        }
        return true;
    }
}
