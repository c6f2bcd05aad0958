package vn.loa.report.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.platform.outbox.Outbox;
import vn.loa.platform.outbox.OutboxRelay;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.live.ChangeLog;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.reminder.ReminderRun;
import vn.loa.report.reminder.RunResult;
import vn.loa.report.reminder.internal.ReminderStore;
import vn.loa.report.submission.Submissions;
import vn.loa.report.support.InMemoryMongo;

/**
 * Benchmark (a main, not a test; {@code ./loa bench reminders}): the reminder run over {@code bench.communes} (1,000)
 * active communes whose read model is built by the projection from realistic events — per commune one plan of 5
 * monthly-quota tasks, credits for every month of 2025 but the last ones, one failed publication and one approved
 * item never published — on mongo-java-server (memory backend) in this JVM. Prints a Markdown table: the first run
 * (raises everything), then reruns (raise nothing).
 */
public final class ReminderBenchmark {

    private static final Instant NOW = Instant.parse("2025-12-22T00:00:00Z"); // Monday, 07:00 commune time

    private ReminderBenchmark() {
    }

    public static void main(String[] args) {
        int communes = Integer.getInteger("bench.communes", 1000);
        int reruns = Integer.getInteger("bench.reruns", 3);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (InMemoryMongo server = new InMemoryMongo()) {
            var mongo = server.template("reminder-bench");
            Projection projection = new Projection(mongo);
            List<String> codes = CommuneDirectory.instance().provinces().stream()
                    .flatMap(p -> p.communes().stream()).map(CommuneDirectory.Commune::code).limit(communes).toList();
            long seedStart = System.nanoTime();
            int events = 0;
            for (String code : codes) {
                events += seed(projection, code);
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            OutboxRelay relay = new OutboxRelay(mongo, null, List.of(ReminderStore.COLLECTION), clock,
                    Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5), new SimpleMeterRegistry());
            ReminderRun run = new ReminderRun(new ReadModels(mongo),
                    new Submissions(mongo, new ChangeLog(mongo, clock, 100), clock), new ReportingWindows(),
                    new ReminderStore(mongo, new Outbox("report-service", new EventCodec(), clock, relay)), clock);
            RunResult first = run.run(null);
            List<Long> again = new ArrayList<>();
            int raisedAgain = 0;
            for (int i = 0; i < reruns; i++) {
                RunResult r = run.run(null);
                again.add(r.tookMs());
                raisedAgain += r.raised();
            }
            long stored = mongo.getCollection(ReminderStore.COLLECTION).countDocuments();
            System.out.printf("%n| measure | value |%n|---|---|%n");
            System.out.printf("| active communes | %,d |%n", first.communes());
            System.out.printf("| read model seeded | %,d events through the projection in %.1f s |%n", events,
                    seedSeconds);
            System.out.printf("| first run: reminders due / raised | %,d / %,d %s |%n", first.found(),
                    first.raised(), first.byKind());
            System.out.printf("| first run time | %,d ms |%n", first.tookMs());
            System.out.printf("| reruns (%d): time | %s ms |%n", reruns, again);
            System.out.printf("| reruns: reminders raised again | %d |%n", raisedAgain);
            System.out.printf("| reminder documents stored | %,d |%n", stored);
        }
    }

    private static int seed(Projection projection, String tenant) {
        String plan = tenant + "-plan";
        List<PlannedTask> tasks = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            tasks.add(new PlannedTask(tenant + "-task-" + t, t, "Nhiệm vụ tuyên truyền CCHC số " + t,
                    "Văn phòng HĐND-UBND", List.of(), List.of("news"), List.of("portal"),
                    new Quota(2, QuotaPeriod.MONTH, YearMonth.of(2025, 1), YearMonth.of(2025, 12)), null));
        }
        int events = 0;
        projection.apply(new PlanIssued(tenant, plan, 1, "21/KH-UBND", "Kế hoạch tuyên truyền CCHC năm 2025",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 1, 5),
                Instant.parse("2025-01-05T02:00:00Z"), "leader", tasks));
        events++;
        // task t met every month up to month 12 - t (task 1: all but December; task 5: missed from August)
        for (int t = 1; t <= 5; t++) {
            for (int m = 1; m <= 12 - t; m++) {
                for (int k = 0; k < 2; k++) {
                    String period = "2025-%02d".formatted(m);
                    projection.apply(new TaskCredited(tenant, tenant + "-task-" + t, plan,
                            tenant + "-c-" + t + "-" + m + "-" + k, tenant + "-item-" + t + "-" + m + "-" + k,
                            "news", "portal", Instant.parse(period + "-10T02:00:00Z"), period,
                            CreditBasis.MATCHED, k + 1, 2, 2 * (m - 1) + k + 1));
                    events++;
                }
            }
        }
        projection.apply(new ContentApproved(tenant, tenant + "-waiting", "news", "Thông báo lịch tiếp công dân",
                "leader", Instant.parse("2025-12-15T02:00:00Z")));
        projection.apply(new PublicationFailed(tenant, "req-1", tenant + "-item-1-1-0", "radio",
                "Máy chủ truyền thanh không phản hồi", true, Instant.parse("2025-12-19T02:00:00Z")));
        return events + 2;
    }
}
