package vn.loa.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.report.support.Samples.KIM_THANH;
import static vn.loa.report.support.Samples.TIEN_MINH;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationEngaged.Figures;
import vn.loa.report.dashboard.Engagement;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;

/** «Hiệu quả tuyên truyền» in the report: the window's figures per channel and the most-read items, docx and xlsx. */
class EngagementReportTest {

    private static InMemoryMongo mongo;
    private static ReadModels readModels;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
        MongoTemplate template = mongo.template("engagement-report");
        Projection projection = new Projection(template);
        Samples.stream(KIM_THANH, "p").forEach(projection::apply);
        Samples.stream(TIEN_MINH, "t").forEach(projection::apply);
        // Q3 2025's window is 15/06–14/09/2025
        projection.apply(window(KIM_THANH, "p-item1", "portal", "2025-08-10T03:00:00Z", new Figures(40, 0, 0, 0, 0, 0, 0)));
        projection.apply(window(KIM_THANH, "p-item2", "portal", "2025-09-02T03:00:00Z", new Figures(90, 0, 0, 0, 0, 0, 0)));
        projection.apply(window(KIM_THANH, "p-item2", "radio", "2025-09-03T01:00:00Z", new Figures(0, 0, 25, 5, 0, 0, 0)));
        projection.apply(window(KIM_THANH, null, "portal", "2025-09-03T01:00:00Z", new Figures(0, 7, 0, 0, 0, 0, 0)));
        // after the cut-off: the next quarter's
        projection.apply(window(KIM_THANH, "p-item1", "portal", "2025-09-20T03:00:00Z", new Figures(1000, 0, 0, 0, 0, 0, 0)));
        projection.apply(new PublicationEngaged(KIM_THANH, "p-item2", "facebook", null, "manual:u1",
                EngagementBasis.RUNNING_TOTAL, null, Instant.parse("2025-09-10T09:00:00Z"),
                new Figures(0, 0, 0, 0, 1250, 86, 14)));
        // another commune's figures never reach Kim Thành's report
        projection.apply(window(TIEN_MINH, "p-item1", "portal", "2025-08-10T03:00:00Z", new Figures(5000, 0, 0, 0, 0, 0, 0)));
        projection.apply(window(TIEN_MINH, "t-item1", "portal", "2025-08-10T03:00:00Z", new Figures(12, 0, 0, 0, 0, 0, 0)));
        readModels = new ReadModels(template);
    }

    private static PublicationEngaged window(String tenant, String item, String channel, String from, Figures f) {
        Instant start = Instant.parse(from);
        return new PublicationEngaged(tenant, item, channel, null, channel + "-a", EngagementBasis.COUNTED_IN_WINDOW,
                start, start.plusSeconds(10), f);
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    static ReportData report(String commune, String label) {
        ReportPeriod period = new ReportingWindows().parse(label);
        return Reports.compute(commune, period, LocalDate.parse("2025-09-20"), readModels.plans(commune),
                readModels.tasks(commune), readModels.publications(commune), Map.of(), ReportsNotes.NONE, "DRAFT",
                "Đang soạn", null, readModels.engagement(commune));
    }

    private static long figure(List<Engagement.Figure> figures, String key) {
        return figures.stream().filter(f -> f.key().equals(key)).mapToLong(Engagement.Figure::count).sum();
    }

    @Test
    void theReportCountsTheWindowPerChannelAndRanksTheItems() {
        Engagement e = report(KIM_THANH, "2025-Q3").engagement();

        assertThat(figure(e.totals(), "views")).isEqualTo(130);
        assertThat(figure(e.totals(), "plays")).isEqualTo(25);
        assertThat(figure(e.totals(), "feedFetches")).isEqualTo(7);
        assertThat(figure(e.totals(), "reach")).isEqualTo(1250);
        assertThat(e.reached()).isEqualTo(130 + 25 + 5 + 1250);
        assertThat(e.byChannel()).extracting(Engagement.ChannelRow::channel)
                .containsExactly("facebook", "portal", "radio");
        assertThat(e.topItems()).extracting(Engagement.ItemRow::itemId).containsExactly("p-item2", "p-item1");
        assertThat(e.topItems().getFirst().title()).isEqualTo("Tin p-item2");
        // the news task was served by both items (its radio twin's credit was withdrawn): it shows what both reached
        assertThat(e.byTask()).extracting(Engagement.TaskRow::taskId, Engagement.TaskRow::reached)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Samples.news("p"), 1410L));
    }

    @Test
    void theDocxHasTheSectionWithItsTables() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(
                report(KIM_THANH, "2025-Q3"))))) {
            List<String> paragraphs = doc.getParagraphs().stream().map(p -> p.getText()).toList();
            assertThat(paragraphs).contains("4. Hiệu quả tuyên truyền");
            assertThat(paragraphs).anyMatch(p -> p.startsWith("Trong kỳ báo cáo, tin, bài của đơn vị đã tiếp cận"
                    + " 1.410 lượt người (xem trang 130, nghe 25, tải âm thanh 5, tiếp cận trên các kênh khác 1.250)"));
            XWPFTable byChannel = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(1).getText().equals("Kênh thông tin")
                            && t.getRow(0).getTableCells().size() == 8).findFirst().orElseThrow();
            assertThat(byChannel.getRow(1).getCell(1).getText()).isEqualTo("Fanpage Facebook");
            assertThat(byChannel.getRow(1).getCell(5).getText()).isEqualTo("1.250");
            assertThat(byChannel.getRows().getLast().getCell(1).getText()).isEqualTo("Tổng cộng");
            assertThat(byChannel.getRows().getLast().getCell(2).getText()).isEqualTo("130");
            XWPFTable top = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(1).getText().equals("Tin, bài")).findFirst().orElseThrow();
            assertThat(top.getRow(1).getCell(1).getText()).isEqualTo("Tin p-item2");
        }
    }

    @Test
    void aReportWithoutEngagementSaysSo() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(
                report(KIM_THANH, "2025-Q1"))))) {
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()).toList()).contains(
                    "Trong kỳ báo cáo, hệ thống chưa ghi nhận lượt xem, lượt nghe hay số liệu tiếp cận nào của tin,"
                            + " bài.");
        }
    }

    @Test
    void theXlsxOfTheCommuneAndOfTheProvinceHoldTheFiguresWithoutMixingCommunes() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(XlsxWriter.commune(
                report(KIM_THANH, "2025-Q3"))))) {
            List<List<String>> rows = DocumentTest.cells(wb.getSheet("Hiệu quả tuyên truyền"));
            assertThat(rows.getFirst()).containsExactly("Kênh thông tin", "Lượt xem trang", "Lượt nghe",
                    "Lượt tải âm thanh", "Lượt tiếp cận", "Lượt tương tác", "Lượt chia sẻ", "Lượt đọc tin qua Atom",
                    "Tổng lượt tiếp cận");
            assertThat(rows).contains(List.of("Tổng cộng", "130.0", "25.0", "5.0", "1250.0", "86.0", "14.0", "7.0",
                    "1410.0"));
            assertThat(DocumentTest.cells(wb.getSheet("Tổng hợp"))).contains(List.of("Lượt tiếp cận (xem, nghe, tải, tiếp cận)",
                    "1410.0"));
        }
        byte[] province = XlsxWriter.province("Thành phố Hải Phòng", "2025-Q3", "quý III năm 2025",
                "từ ngày 15/06/2025 đến ngày 14/09/2025", List.of(report(KIM_THANH, "2025-Q3"),
                        report(TIEN_MINH, "2025-Q3")));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(province))) {
            List<List<String>> rows = DocumentTest.cells(wb.getSheet("Hiệu quả tuyên truyền"));
            // Tiên Minh's own figures (an item id that happens to be Kim Thành's too stays Tiên Minh's)
            assertThat(rows).filteredOn(r -> r.getFirst().equals(TIEN_MINH)).singleElement()
                    .satisfies(r -> assertThat(r.get(3)).isEqualTo("5012.0"));
            assertThat(rows).filteredOn(r -> r.getFirst().equals(KIM_THANH)).hasSize(3);
            List<List<String>> summary = DocumentTest.cells(wb.getSheet("Tổng hợp theo xã"));
            assertThat(summary.getFirst()).contains("Lượt tiếp cận");
            assertThat(summary.getLast()).contains("6422.0"); // 1.410 + 5.012
        }
    }

    /** No notes typed. */
    static final class ReportsNotes {
        static final Notes NONE = new Notes(null, null, null, null, null);
    }
}
