package vn.loa.report.bench;

import org.slf4j.LoggerFactory;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.dashboard.ProvinceDashboards;
import vn.loa.report.document.DocxWriter;
import vn.loa.report.document.ReportData;
import vn.loa.report.document.ReportArchive;
import vn.loa.report.document.ReportNotes;
import vn.loa.report.document.Reports;
import vn.loa.report.document.XlsxWriter;
import vn.loa.report.live.ChangeLog;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.submission.Submissions;
import vn.loa.report.support.InMemoryMongo;

/**
 * Benchmark (a main, not a test): a province of {@code bench.communes} (100) communes × {@code bench.publications}
 * (2,000) publications each in 2025, on mongo-java-server (memory backend) in this JVM.
 * <ol>
 * <li>floor: raw single-document inserts into the same server, one at a time (what any projection write costs);</li>
 * <li>projection rebuild: every event decoded from its CloudEvent bytes and applied, one at a time (events/s);</li>
 * <li>report generation, annual 2025: per commune figures + docx, figures + xlsx; the province aggregate xlsx.</li>
 * </ol>
 * Prints a Markdown table. Run: see report-service/README.md.
 */
public final class ReportBenchmark {

    public static void main(String[] args) {
        int communes = Integer.getInteger("bench.communes", 100);
        int publications = Integer.getInteger("bench.publications", 2000);
        int creditsEvery = Integer.getInteger("bench.credit-every", 2);
        String[] channels = {"portal", "radio", "facebook", "zalo-oa", "province-portal"};
        String[] kinds = {"news", "article", "photo", "audio", "video"};
        Random random = new Random(42);
        EventCodec codec = new EventCodec();
        List<CommuneDirectory.Commune> province = CommuneDirectory.instance().province("31").orElseThrow()
                .communes().subList(0, communes);

        // the events, encoded once as they would arrive from Kafka
        List<EventEnvelope> envelopes = new ArrayList<>();
        for (CommuneDirectory.Commune c : province) {
            String plan = "bench-plan-" + c.code();
            List<PlannedTask> tasks = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                tasks.add(new PlannedTask(plan + "-t" + t, t + 1, "Nhiệm vụ tuyên truyền số " + (t + 1),
                        "Văn phòng HĐND-UBND", List.of(), List.of(kinds[t]), List.of(channels[t]),
                        new Quota(2 + t, QuotaPeriod.MONTH, YearMonth.of(2025, 1), YearMonth.of(2025, 12)), null));
            }
            envelopes.add(wrap(new PlanIssued(c.code(), plan, 1, "01/KH-UBND", "Kế hoạch tuyên truyền CCHC năm 2025",
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2024, 12, 20),
                    Instant.parse("2024-12-20T03:00:00Z"), "leader", tasks), codec));
            for (int i = 0; i < publications; i++) {
                int t = random.nextInt(5);
                Instant at = Instant.parse("2024-12-15T00:00:00Z").plusSeconds(random.nextLong(365L * 86400));
                String item = "bench-" + c.code() + "-" + i;
                envelopes.add(wrap(new ContentPublished(c.code(), item, kinds[t], "Tin số " + i,
                        List.of("Thủ tục hành chính"), List.of(), "Văn phòng HĐND-UBND", channels[t], at,
                        "https://x/" + item), codec));
                if (i % creditsEvery == 0) {
                    String period = YearMonth.from(at.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))).toString();
                    envelopes.add(wrap(new TaskCredited(c.code(), plan + "-t" + t, plan, item + "-c", item, kinds[t],
                            channels[t], at, period, CreditBasis.MATCHED, 1, 2 + t, 1), codec));
                }
            }
        }

        try (InMemoryMongo server = new InMemoryMongo()) {
            // 1. floor: raw inserts, one document per round trip
            MongoCollection<Document> raw = server.template("floor").getCollection("raw");
            int floorOps = Math.min(20_000, envelopes.size());
            long t0 = System.nanoTime();
            for (int i = 0; i < floorOps; i++) {
                raw.insertOne(new Document("_id", i).append("tenant", "x").append("n", i));
            }
            double floorRate = floorOps / seconds(t0);

            // 2. projection rebuild
            MongoTemplate mongo = server.template("report-bench");
            Projection projection = new Projection(mongo);
            t0 = System.nanoTime();
            int applied = 0;
            for (EventEnvelope e : envelopes) {
                projection.apply(codec.decode(e));
                if (++applied % 20_000 == 0) {
                    System.err.printf("… %,d / %,d events applied (%.0f events/s)%n", applied, envelopes.size(),
                            applied / seconds(t0));
                }
            }
            double rebuildSeconds = seconds(t0);
            double rebuildRate = envelopes.size() / rebuildSeconds;

            // the floor again, after: the machine is shared, so its load may have changed meanwhile
            MongoCollection<Document> rawAfter = server.template("floor-after").getCollection("raw");
            t0 = System.nanoTime();
            for (int i = 0; i < floorOps; i++) {
                rawAfter.insertOne(new Document("_id", i).append("tenant", "x").append("n", i));
            }
            double floorAfter = floorOps / seconds(t0);

            // 3. reports
            Clock clock = Clock.systemUTC();
            ReadModels readModels = new ReadModels(mongo);
            Submissions submissions = new Submissions(mongo, new ChangeLog(mongo, clock, 1000), clock);
            Reports reports = new Reports(readModels, new ReportNotes(mongo, clock), submissions,
                    new ReportArchive(submissions));
            ReportPeriod annual = new ReportingWindows().parse("2025");
            LocalDate today = LocalDate.of(2025, 12, 20);
            reports.of(province.getFirst().code(), annual, today); // warm-up
            DocxWriter.write(reports.of(province.getFirst().code(), annual, today));
            double[] docx = new double[communes];
            double[] xlsx = new double[communes];
            long docxBytes = 0;
            long counted = 0;
            for (int i = 0; i < communes; i++) {
                long s = System.nanoTime();
                ReportData data = reports.of(province.get(i).code(), annual, today);
                docxBytes += DocxWriter.write(data).length;
                docx[i] = millis(s);
                counted += data.totals().publications();
                s = System.nanoTime();
                XlsxWriter.commune(reports.of(province.get(i).code(), annual, today));
                xlsx[i] = millis(s);
            }
            // the province's aggregate: its reports read commune by commune (as before ADR 0022), then all together
            List<String> codes = province.stream().map(CommuneDirectory.Commune::code).toList();
            long s = System.nanoTime();
            List<ReportData> oneByOne = codes.stream().map(c -> reports.of(c, annual, today)).toList();
            double oneByOneMillis = millis(s);
            s = System.nanoTime();
            List<ReportData> all = reports.of(codes, annual, today);
            double togetherMillis = millis(s);
            if (!all.equals(oneByOne)) {
                throw new IllegalStateException("the province's reports read together differ from one by one");
            }
            s = System.nanoTime();
            byte[] aggregate = XlsxWriter.province("Thành phố Hải Phòng", "2025", "năm 2025",
                    annual.windowInWords(), all);
            double provinceMillis = togetherMillis + millis(s);

            // the province's table (its dashboard), on a day of the year's last month
            ProvinceDashboards provinces = new ProvinceDashboards(readModels, submissions, new ReportingWindows());
            provinces.of("31", today, null, "missed", null); // warm-up
            double[] table = new double[5];
            for (int i = 0; i < table.length; i++) {
                long t = System.nanoTime();
                provinces.of("31", today, null, "missed", null);
                table[i] = millis(t);
            }

            StringBuilder out = new StringBuilder("\n");
            out.append(String.format("Province of %d communes × %d publications (%d events; %d publications in the annual"
                    + " 2025 window counted), mongo-java-server memory backend, %d cores, Java %s%n%n", communes,
                    publications, envelopes.size(), counted, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version")));
            out.append("| measure | value |\n");
            out.append("|---|---|\n");
            double floor = (floorRate + floorAfter) / 2;
            out.append(String.format("| floor: raw `insertOne`, one at a time (before / after the rebuild) | %,.0f / %,.0f"
                    + " docs/s |%n", floorRate, floorAfter));
            out.append(String.format("| projection rebuild (decode + apply, one event at a time) | %,.0f events/s (%,d events"
                    + " in %.1f s) = %.0f %% of the mean floor |%n", rebuildRate, envelopes.size(), rebuildSeconds,
                    100 * rebuildRate / floor));
            out.append(String.format("| annual report, figures + docx, per commune | p50 %.0f ms, max %.0f ms, total %.1f s"
                    + " (avg %.0f kB) |%n", percentile(docx, 50), percentile(docx, 100), Arrays.stream(docx).sum()
                    / 1000, docxBytes / 1024.0 / communes));
            out.append(String.format("| annual report, figures + xlsx, per commune | p50 %.0f ms, max %.0f ms, total %.1f s |%n",
                    percentile(xlsx, 50), percentile(xlsx, 100), Arrays.stream(xlsx).sum() / 1000));
            out.append(String.format("| province aggregate xlsx (%d communes) | %.1f s (%.0f kB) |%n", communes,
                    provinceMillis / 1000, aggregate.length / 1024.0));
            out.append(String.format("| the province's reports read commune by commune / all together (%d communes) |"
                    + " %.2f s / %.2f s |%n", communes, oneByOneMillis / 1000, togetherMillis / 1000));
            out.append(String.format("| the province's table (dashboard, whole province) | p50 %.0f ms, max %.0f ms |%n",
                    percentile(table, 50), percentile(table, 100)));
            LoggerFactory.getLogger(ReportBenchmark.class).info("{}", out);
        }
    }

    private static EventEnvelope wrap(LoaEvent event, EventCodec codec) {
        return EventEnvelope.wrap(event, "bench", Instant.now(), codec);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
