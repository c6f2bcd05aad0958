package vn.loa.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.Role;
import vn.loa.report.dashboard.CommuneDashboard;
import vn.loa.report.dashboard.ProvinceDashboard;
import vn.loa.report.dashboard.ProvinceDashboards;
import vn.loa.report.document.Notes;
import vn.loa.report.document.ReportArchive;
import vn.loa.report.document.ReportData;
import vn.loa.report.document.ReportNotes;
import vn.loa.report.document.Reports;
import vn.loa.report.live.ChangeLog;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModel;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.submission.Submissions;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.testsupport.CommandCounts;
import vn.loa.report.support.Samples;

/**
 * What a province reviewer opens — the province's table and the report of all its communes — is read with one query
 * per read model for the whole province, not one per commune (a province has more than a hundred), and of
 * publications and engagement the table reads only the month and the days it shows. Two communes of Hải Phòng have
 * the sample stream; Kim Thành's third-quarter report is accepted (frozen).
 */
class ProvinceReadsTest {

    private static final LocalDate TODAY = LocalDate.parse("2025-09-20");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-20T03:00:00Z"), ZoneOffset.UTC);
    private static final CommandCounts COMMANDS = new CommandCounts();
    private static InMemoryMongo mongo;
    private static MongoClient client;
    private static ReadModels readModels;
    private static Submissions submissions;
    private static Reports reports;
    private static ReportPeriod quarter;
    private static List<String> communes;

    @BeforeAll
    static void aProvinceWithTwoActiveCommunes() {
        mongo = new InMemoryMongo();
        client = mongo.client(COMMANDS);
        MongoTemplate template = new MongoTemplate(client, "province-reads");
        ReadModel.ensureIndexes(template);
        Projection projection = new Projection(template);
        for (String commune : new String[] {Samples.KIM_THANH, Samples.TIEN_MINH}) {
            for (LoaEvent e : Samples.stream(commune, commune)) {
                projection.apply(e);
            }
            // reached on the day before: shown; 40 days before: outside the 30 days the table shows
            projection.apply(window(commune, commune + "-item2", "2025-09-19T02:00:00Z", 7));
            projection.apply(window(commune, commune + "-item2", "2025-08-11T02:00:00Z", 1000));
        }
        readModels = new ReadModels(template);
        submissions = new Submissions(template, new ChangeLog(template, CLOCK, 10), CLOCK);
        ReportNotes notes = new ReportNotes(template, CLOCK);
        reports = new Reports(readModels, notes, submissions, new ReportArchive(submissions));
        quarter = new ReportingWindows().parse("2025-Q3", Samples.HAI_PHONG);
        notes.save(Samples.TIEN_MINH, quarter.label(), new Notes("Đã đăng đủ tin hằng tháng.", null, null, null, null),
                "leader");
        submissions.submit(new Caller(Samples.KIM_THANH, "leader", Set.of(Role.LEADER)), quarter);
        submissions.accept(new Caller(Samples.HAI_PHONG, "reviewer", Set.of(Role.VIEWER)), Samples.KIM_THANH,
                quarter, reports);
        communes = CommuneDirectory.instance().province(Samples.HAI_PHONG).orElseThrow().communes().stream()
                .map(CommuneDirectory.Commune::code).toList();
        assertThat(communes).hasSizeGreaterThan(100);
    }

    @AfterAll
    static void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void theProvincesTableReadsEachReadModelOnceAndOnlyTheMonthAndDaysItShows() {
        ProvinceDashboards provinces = new ProvinceDashboards(readModels, submissions, new ReportingWindows());

        COMMANDS.clear();
        ProvinceDashboard table = provinces.of(Samples.HAI_PHONG, TODAY, null, "code", "asc");

        // channels, submissions, plans, credits, tasks, publications of the month, engagement (days, totals)
        assertThat(COMMANDS.of("find")).as("queries for the whole table").isLessThanOrEqualTo(8);
        assertThat(table.totals().communes()).isEqualTo(communes.size());
        for (String commune : new String[] {Samples.KIM_THANH, Samples.TIEN_MINH}) {
            ProvinceDashboard.Row row = table.communes().stream().filter(r -> r.code().equals(commune)).findFirst()
                    .orElseThrow();
            // September: item2 live on the portal (its radio publication was retracted); item1 was in August, item3
            // an activity held
            assertThat(row.publicationsThisMonth()).isEqualTo(1);
            assertThat(row.byChannel()).extracting(CommuneDashboard.Count::key).containsExactly("portal");
            assertThat(row.reached()).isEqualTo(7);
            assertThat(row.tasks()).isEqualTo(2); // the dialogue was withdrawn by the amendment
        }
        assertThat(table.totals().publicationsThisMonth()).isEqualTo(2);
        assertThat(table.engagement().reached()).isEqualTo(14);
    }

    @Test
    void theProvincesReportsAreEachCommunesOwnReadOncePerReadModel() {
        COMMANDS.clear();
        List<ReportData> oneByOne = communes.stream().map(c -> reports.of(c, quarter, TODAY)).toList();
        int oneByOneQueries = COMMANDS.of("find");
        COMMANDS.clear();
        List<ReportData> together = reports.of(communes, quarter, TODAY);

        assertThat(together).isEqualTo(oneByOne);
        ReportData kimThanh = together.get(communes.indexOf(Samples.KIM_THANH));
        assertThat(kimThanh.frozenAt()).isNotNull();
        assertThat(kimThanh.submissionState()).isEqualTo("ACCEPTED");
        assertThat(together.get(communes.indexOf(Samples.TIEN_MINH)).notes().highlights())
                .isEqualTo("Đã đăng đủ tin hằng tháng.");
        // submissions, the frozen report, plans, credits, tasks, publications, engagement (2), notes, channels
        assertThat(COMMANDS.of("find")).as("queries for the whole province").isLessThanOrEqualTo(10);
        assertThat(oneByOneQueries).as("commune by commune").isGreaterThan(communes.size() * 5);
    }

    @Test
    void aReadOfManyDocumentsComesInBatches() {
        // a whole province's reads can be larger than one reply may be: they are asked for in batches
        String commune = communes.stream().filter(c -> !c.equals(Samples.KIM_THANH) && !c.equals(Samples.TIEN_MINH))
                .findFirst().orElseThrow();
        int published = ReadModels.BATCH * 2 + 1;
        List<Document> publications = new ArrayList<>();
        for (int i = 0; i < published; i++) {
            publications.add(new Document("_id", ReadModel.publicationId("many-" + i, "portal")).append("tenant", commune)
                    .append("itemId", "many-" + i).append("channel", "portal")
                    .append("firstPublishedAt", Date.from(Instant.parse("2025-06-02T02:00:00Z"))));
        }
        new MongoTemplate(client, "province-reads").getCollection(ReadModel.PUBLICATIONS).insertMany(publications);
        COMMANDS.clear();
        assertThat(readModels.publications(List.of(commune)).get(commune)).hasSize(published);
        assertThat(COMMANDS.of("getMore")).isGreaterThanOrEqualTo(2);
    }

    private static PublicationEngaged window(String tenant, String item, String from, long views) {
        Instant start = Instant.parse(from);
        return new PublicationEngaged(tenant, item, "portal", "req-" + item, "portal-a",
                EngagementBasis.COUNTED_IN_WINDOW, start, start.plusSeconds(10), new Figures(views, 0, 0, 0, 0, 0, 0));
    }
}
