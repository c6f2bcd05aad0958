package vn.loa.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.report.support.Samples.KIM_THANH;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;

/** The report figures from a recorded stream, and the docx and xlsx made of them, opened again with POI. */
class DocumentTest {

    private static final LocalDate SIGNED = LocalDate.parse("2026-01-05");
    private static InMemoryMongo mongo;
    private static ReadModels readModels;

    @BeforeAll
    static void start() {
        mongo = new InMemoryMongo();
        MongoTemplate template = mongo.template("documents");
        Projection projection = new Projection(template);
        Samples.stream(KIM_THANH, "p").forEach(projection::apply);
        readModels = new ReadModels(template);
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    static ReportData report(String commune, String label, Notes notes) {
        ReportPeriod period = new ReportingWindows().parse(label);
        return Reports.compute(commune, period, SIGNED, readModels.plans(commune), readModels.tasks(commune),
                readModels.publications(commune), Map.of(), notes, "DRAFT", "Đang soạn");
    }

    static final Notes NOTES = new Notes("Trang thông tin điện tử xã đăng tin đều đặn hằng tháng.",
            "Thiếu cán bộ phụ trách truyền thanh.\nKinh phí còn hạn chế.", "Đề nghị tập huấn viết tin.", "12",
            "Nguyễn Văn An");

    @Test
    void theQuarterlyFiguresCountTheCutOffWindow() {
        ReportData data = report(KIM_THANH, "2025-Q3", NOTES);
        assertThat(data.period().from()).isEqualTo(LocalDate.parse("2025-06-15"));
        assertThat(data.period().to()).isEqualTo(LocalDate.parse("2025-09-14"));
        assertThat(data.tasks()).extracting(ReportData.TaskResult::taskId)
                .containsExactly(Samples.news("p"), Samples.radio("p")); // the dialogue was withdrawn, with no credit
        ReportData.TaskResult news = data.tasks().get(0);
        assertThat(news.target()).isEqualTo(2); // the August and September buckets begin in the window
        assertThat(news.achieved()).isEqualTo(2);
        assertThat(news.assessment()).isEqualTo("Đạt");
        ReportData.TaskResult radio = data.tasks().get(1);
        assertThat(radio.target()).isEqualTo(2);
        assertThat(radio.achieved()).isZero(); // its only credit was withdrawn
        assertThat(radio.assessment()).isEqualTo("Chưa đạt");
        assertThat(data.totals()).isEqualTo(new ReportData.Totals(2, 1, 2, 2, 1, 1));
        assertThat(data.publications()).singleElement().satisfies(c -> {
            assertThat(c.channelLabel()).isEqualTo("Trang thông tin điện tử xã");
            assertThat(c.kindLabel()).isEqualTo("Tin");
            assertThat(c.count()).isEqualTo(2);
        });
        assertThat(data.activities()).singleElement().satisfies(a ->
                assertThat(a.heldOn()).isEqualTo(LocalDate.parse("2025-09-10")));
    }

    @Test
    void theMonthlyWindowCutsOnThe14th() {
        // August report: 15/07–14/08 holds item1 (10/08) only; September's report holds item2 and the dialogue
        assertThat(report(KIM_THANH, "2025-M08", Notes.EMPTY).totals().publications()).isEqualTo(1);
        ReportData september = report(KIM_THANH, "2025-M09", Notes.EMPTY);
        assertThat(september.totals().publications()).isEqualTo(1);
        assertThat(september.totals().activities()).isEqualTo(1);
        assertThat(report(KIM_THANH, "2025-M10", Notes.EMPTY).totals().publications()).isZero();
    }

    @Test
    void theDocxFollowsDecree30() throws IOException {
        byte[] bytes = DocxWriter.write(report(KIM_THANH, "2025-Q3", NOTES));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            CTPageSz size = doc.getDocument().getBody().getSectPr().getPgSz();
            assertThat(size.getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(size.getH()).isEqualTo(BigInteger.valueOf(16838));
            CTPageMar m = doc.getDocument().getBody().getSectPr().getPgMar();
            // 20–25 mm = 1134–1417 twips; 30–35 mm = 1701–1984; 15–20 mm = 850–1134
            assertThat(twips(m.getTop())).isBetween(1134, 1418);
            assertThat(twips(m.getBottom())).isBetween(1134, 1418);
            assertThat(twips(m.getLeft())).isBetween(1701, 1985);
            assertThat(twips(m.getRight())).isBetween(850, 1134);

            List<XWPFRun> runs = allRuns(doc);
            assertThat(runs).isNotEmpty().allSatisfy(r -> {
                assertThat(r.getFontFamily()).isEqualTo("Times New Roman");
                assertThat(r.getFontSizeAsDouble()).isBetween(11.0, 14.0);
            });

            XWPFTable header = doc.getTables().getFirst();
            XWPFTableCell left = header.getRow(0).getCell(0);
            XWPFTableCell right = header.getRow(0).getCell(1);
            assertThat(plain(left.getText())).contains("ỦY BAN NHÂN DÂN").contains("XÃ KIM THÀNH");
            assertThat(right.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                    .contains("Độc lập - Tự do - Hạnh phúc");
            XWPFRun motto = right.getParagraphs().get(1).getRuns().getFirst();
            assertThat(motto.isBold()).isTrue();
            assertThat(motto.getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
            assertThat(right.getParagraphs().getFirst().getRuns().getFirst().isBold()).isTrue();
            assertThat(header.getRow(1).getCell(0).getText()).isEqualTo("Số: 12/BC-UBND");
            XWPFParagraph dateLine = header.getRow(1).getCell(1).getParagraphs().getFirst();
            assertThat(plain(dateLine.getText())).isEqualTo("Kim Thành, ngày 05 tháng 01 năm 2026");
            assertThat(dateLine.getRuns().getFirst().isItalic()).isTrue();

            XWPFParagraph kind = paragraph(doc, "BÁO CÁO");
            assertThat(kind.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(kind.getRuns().getFirst().isBold()).isTrue();
            assertThat(kind.getRuns().getFirst().getFontSizeAsDouble()).isBetween(13.0, 14.0);
            assertThat(paragraph(doc, "Kết quả thực hiện công tác thông tin, tuyên truyền cải cách hành chính quý III"
                    + " năm 2025").getRuns().getFirst().isBold()).isTrue();
            assertThat(paragraph(doc, "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng")).isNotNull();
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText()
                    .startsWith("Thực hiện chế độ báo cáo định kỳ, Ủy ban nhân dân xã Kim Thành báo cáo"));
            XWPFParagraph body = doc.getParagraphs().stream()
                    .filter(p -> p.getText().startsWith("Thực hiện chế độ báo cáo định kỳ")).findFirst().orElseThrow();
            assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(body.getFirstLineIndent()).isBetween(567, 720);
            assertThat(body.getText()).contains("từ ngày 15/06/2025 đến ngày 14/09/2025");

            List<List<String>> tasks = rows(doc.getTables().get(1));
            assertThat(tasks.getFirst()).containsExactly("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Chỉ tiêu trong kỳ",
                    "Kết quả", "Đánh giá");
            assertThat(tasks.get(1)).containsExactly("1", "Đăng tin, bài về CCHC trên Trang thông tin điện tử xã",
                    "Văn phòng HĐND-UBND", "2", "2", "Đạt");
            assertThat(tasks.get(2)).containsExactly("2", "Phát tin CCHC trên hệ thống truyền thanh",
                    "Trung tâm VHTT", "2", "0", "Chưa đạt");
            List<List<String>> channels = rows(doc.getTables().get(2));
            assertThat(channels.get(1)).containsExactly("1", "Trang thông tin điện tử xã", "Tin", "2");
            assertThat(channels.getLast()).containsExactly("", "Tổng cộng", "", "2");
            List<List<String>> activities = rows(doc.getTables().get(3));
            assertThat(activities.get(1)).containsExactly("1", "10/09/2025", "Tin p-item3", "Đối thoại",
                    "Văn phòng HĐND-UBND");

            assertThat(paragraph(doc, "Thiếu cán bộ phụ trách truyền thanh.")).isNotNull();
            assertThat(paragraph(doc, "Kinh phí còn hạn chế.")).isNotNull();
            assertThat(paragraph(doc, "Đề nghị tập huấn viết tin.")).isNotNull();

            XWPFTable signature = doc.getTables().getLast();
            XWPFParagraph recipients = signature.getRow(0).getCell(0).getParagraphs().getFirst();
            assertThat(recipients.getText()).isEqualTo("Nơi nhận:");
            assertThat(recipients.getRuns().getFirst().isBold()).isTrue();
            assertThat(recipients.getRuns().getFirst().isItalic()).isTrue();
            assertThat(recipients.getRuns().getFirst().getFontSizeAsDouble()).isEqualTo(12.0);
            assertThat(signature.getRow(0).getCell(0).getText()).contains("- Lưu: VT");
            // the plan's signature block, the name the commune wrote in its notes
            assertThat(lines(signature.getRow(0).getCell(1))).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
                    "PHÓ CHỦ TỊCH", "", "", "", "", "Nguyễn Văn An");
            assertThat(signature.getRow(0).getCell(1).getParagraphs()).allSatisfy(p -> assertThat(p.getRuns())
                    .allSatisfy(r -> assertThat(r.isBold() || r.text().isEmpty()).isTrue()));
            // the page number field lives in the header of the pages after the first
            assertThat(doc.getDocument().getBody().getSectPr().isSetTitlePg()).isTrue();
            assertThat(doc.getHeaderList()).anySatisfy(h ->
                    assertThat(h.getParagraphs().getFirst().getCTP().getFldSimpleList()).isNotEmpty());
        }
    }

    @Test
    void aPeriodWithoutDataGivesAnHonestEmptyDocument() throws IOException {
        ReportData empty = report(Samples.BACH_MAI, "2025", Notes.EMPTY);
        assertThat(empty.empty()).isTrue();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(empty)))) {
            assertThat(paragraph(doc, "Trong kỳ báo cáo, hệ thống chưa ghi nhận nhiệm vụ, tin, bài hay hoạt động nào"
                    + " của đơn vị.")).isNotNull();
            assertThat(paragraph(doc, "Không có tin, bài nào được đăng trong kỳ báo cáo.")).isNotNull();
            assertThat(doc.getTables()).hasSize(2); // header and signature only
            assertThat(plain(doc.getTables().getFirst().getRow(0).getCell(0).getText())).contains("PHƯỜNG BẠCH MAI");
            assertThat(plain(doc.getTables().getFirst().getRow(1).getCell(1).getText()))
                    .isEqualTo("Bạch Mai, ngày 05 tháng 01 năm 2026");
        }
    }

    @Test
    void theNumberIsWrittenOnceWhateverTheCommuneTyped() {
        assertThat(DocxWriter.documentNumber("12")).isEqualTo("12/BC-UBND");
        assertThat(DocxWriter.documentNumber(" 88/BC-UBND ")).isEqualTo("88/BC-UBND");
        assertThat(DocxWriter.documentNumber("88 / BC-UBND")).isEqualTo("88/BC-UBND");
        assertThat(DocxWriter.documentNumber("15/BC-VHXH")).isEqualTo("15/BC-VHXH");
        assertThat(DocxWriter.documentNumber(null)).isEqualTo("      /BC-UBND");
        assertThat(DocxWriter.documentNumber("  ")).isEqualTo("      /BC-UBND");
    }

    @Test
    void aPhuongIsNeverCalledAXaInTheRecipients() throws IOException {
        assertThat(DocxWriter.unitKind("Phường Bạch Mai")).isEqualTo("phường");
        assertThat(DocxWriter.unitKind("Đặc khu Cát Hải")).isEqualTo("đặc khu");
        assertThat(DocxWriter.unitKind("Xã Kim Thành")).isEqualTo("xã");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                DocxWriter.write(report(Samples.BACH_MAI, "2025", new Notes(null, null, null, "88/BC-UBND", null)))))) {
            String recipients = doc.getTables().getLast().getRow(0).getCell(0).getText();
            assertThat(recipients).contains("- Thường trực Đảng ủy, HĐND phường;")
                    .contains("- Chủ tịch, các PCT UBND phường;").doesNotContain(" xã");
            assertThat(doc.getTables().getFirst().getRow(1).getCell(0).getText()).isEqualTo("Số: 88/BC-UBND");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                DocxWriter.write(report(KIM_THANH, "2025-Q3", NOTES))))) {
            assertThat(doc.getTables().getLast().getRow(0).getCell(0).getText())
                    .contains("- Thường trực Đảng ủy, HĐND xã;");
        }
    }

    @Test
    void theXlsxHoldsTheSameFigures() throws IOException {
        byte[] bytes = XlsxWriter.commune(report(KIM_THANH, "2025-Q3", NOTES));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(names(wb)).containsExactly("Tổng hợp", "Nhiệm vụ", "Tin bài theo kênh", "Hoạt động",
                    "Hiệu quả tuyên truyền", "Đánh giá");
            assertThat(cells(wb.getSheet("Tổng hợp"))).contains(
                    List.of("Đơn vị", "Xã Kim Thành"), List.of("Số nhiệm vụ đạt chỉ tiêu", "1.0"),
                    List.of("Số tin, bài đã đăng", "2.0"), List.of("Số hoạt động đã tổ chức", "1.0"));
            List<List<String>> tasks = cells(wb.getSheet("Nhiệm vụ"));
            assertThat(tasks.getFirst()).containsExactly("STT", "Kế hoạch", "Nhiệm vụ", "Đơn vị chủ trì", "Chỉ tiêu",
                    "Chỉ tiêu trong kỳ", "Kết quả", "Đánh giá");
            assertThat(tasks.get(2)).containsExactly("2.0", "21/KH-UBND", "Phát tin CCHC trên hệ thống truyền thanh",
                    "Trung tâm VHTT", "2 mỗi quý", "2.0", "0.0", "Chưa đạt");
            assertThat(cells(wb.getSheet("Tin bài theo kênh")).get(1))
                    .containsExactly("Trang thông tin điện tử xã", "Tin", "2.0");
            assertThat(cells(wb.getSheet("Đánh giá")).get(3)).containsExactly("Đề xuất, kiến nghị",
                    "Đề nghị tập huấn viết tin.");
        }
    }

    @Test
    void theProvinceWorkbookHasOneRowPerCommuneAndTotals() throws IOException {
        List<ReportData> communes = List.of(report(KIM_THANH, "2025-Q3", NOTES),
                report(Samples.TIEN_MINH, "2025-Q3", Notes.EMPTY));
        byte[] bytes = XlsxWriter.province("Thành phố Hải Phòng", "2025-Q3", "quý III năm 2025",
                "từ ngày 15/06/2025 đến ngày 14/09/2025", communes);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<List<String>> rows = cells(wb.getSheet("Tổng hợp theo xã"));
            assertThat(rows.getFirst()).startsWith("STT", "Mã xã", "Tên xã", "Số nhiệm vụ")
                    .contains("Tin, bài: Trang thông tin điện tử xã").endsWith("Trạng thái báo cáo");
            assertThat(rows.get(2)).startsWith("1.0", "10804", "Xã Kim Thành", "2.0", "2.0", "1.0", "2.0", "1.0",
                    "2.0", "0.0", "Đang soạn");
            assertThat(rows.get(3)).startsWith("2.0", "11791", "Xã Tiên Minh", "0.0");
            assertThat(rows.getLast()).startsWith("", "", "Tổng cộng", "2.0", "2.0", "1.0", "2.0", "1.0", "2.0");
            assertThat(cells(wb.getSheet("Nhiệm vụ"))).hasSize(3);
        }
    }

    /** Text as a reader sees it: the no-break spaces that hold names together read as spaces. */
    static String plain(String text) {
        return text.replace('\u00A0', ' ');
    }

    /** The lines of a cell as printed: one per paragraph, or per line break inside one. */
    static List<String> lines(XWPFTableCell cell) {
        List<String> out = new ArrayList<>();
        for (XWPFParagraph p : cell.getParagraphs()) {
            out.addAll(List.of(plain(p.getText()).split("\n", -1)));
        }
        return out;
    }

    private static int twips(Object value) {
        return ((BigInteger) value).intValue();
    }

    private static List<String> names(XSSFWorkbook wb) {
        List<String> out = new ArrayList<>();
        wb.forEach(s -> out.add(s.getSheetName()));
        return out;
    }

    /** A sheet's cells as text, row by row (numbers as Java writes a double). */
    static List<List<String>> cells(Sheet sheet) {
        List<List<String>> out = new ArrayList<>();
        for (Row row : sheet) {
            List<String> values = new ArrayList<>();
            row.forEach(c -> values.add(switch (c.getCellType()) {
                case NUMERIC -> Double.toString(c.getNumericCellValue());
                default -> c.getStringCellValue();
            }));
            out.add(values);
        }
        return out;
    }

    private static List<List<String>> rows(XWPFTable table) {
        List<List<String>> out = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            out.add(row.getTableCells().stream().map(XWPFTableCell::getText).toList());
        }
        return out;
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
        return doc.getParagraphs().stream().filter(p -> plain(p.getText()).equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph '" + text + "'"));
    }

    private static List<XWPFRun> allRuns(XWPFDocument doc) {
        List<XWPFRun> runs = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p) {
                runs.addAll(p.getRuns());
            } else if (e instanceof XWPFTable t) {
                t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs()
                        .forEach(p -> runs.addAll(p.getRuns()))));
            }
        }
        return runs;
    }
}
