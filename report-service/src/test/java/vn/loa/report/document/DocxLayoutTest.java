package vn.loa.report.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.document.Decree30Docx;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.report.period.ReportPeriod;
import vn.loa.report.period.ReportingWindows;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModels;
import vn.loa.report.support.InMemoryMongo;
import vn.loa.report.support.Samples;

/**
 * No name and no word of the report is broken across lines: measured with the real font. Times New Roman is not on a
 * Linux server; Liberation Serif is its metric-compatible twin (same advance widths by design), so its TrueType files
 * measure what Word prints. LibreOffice, where installed, prints the document for the last check.
 */
class DocxLayoutTest {

    private static final Path[] FONT_DIRS = {Path.of("/usr/share/fonts/truetype/liberation2"),
        Path.of("/usr/share/fonts/truetype/liberation")};
    private static final FontRenderContext EXACT = new FontRenderContext(null, true, true);
    private static final Map<TextWidth.Style, Font> FONTS = new EnumMap<>(TextWidth.Style.class);
    private static final LocalDate DAY = LocalDate.parse("2025-12-28");
    private static InMemoryMongo mongo;
    private static ReadModels readModels;

    @BeforeAll
    static void fontsAndData() throws IOException, FontFormatException {
        Path dir = null;
        for (Path d : FONT_DIRS) {
            if (Files.exists(d.resolve("LiberationSerif-Bold.ttf"))) {
                dir = d;
            }
        }
        if (dir == null) {
            String reason = "Liberation Serif (fonts-liberation2) is not installed, so the layout cannot be measured"
                    + " with a real font here";
            LoggerFactory.getLogger(DocxLayoutTest.class).warn("SKIPPED {}", reason);
            assumeTrue(false, reason);
        }
        FONTS.put(TextWidth.Style.REGULAR, Font.createFont(Font.TRUETYPE_FONT,
                dir.resolve("LiberationSerif-Regular.ttf").toFile()));
        FONTS.put(TextWidth.Style.BOLD, Font.createFont(Font.TRUETYPE_FONT,
                dir.resolve("LiberationSerif-Bold.ttf").toFile()));
        FONTS.put(TextWidth.Style.ITALIC, Font.createFont(Font.TRUETYPE_FONT,
                dir.resolve("LiberationSerif-Italic.ttf").toFile()));
        mongo = new InMemoryMongo();
        MongoTemplate template = mongo.template("layout");
        Projection projection = new Projection(template);
        Samples.stream(Samples.TIEN_MINH, "lt").forEach(projection::apply);
        readModels = new ReadModels(template);
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.close();
        }
    }

    /** Points, with the real font. */
    private static double measured(String text, TextWidth.Style style, double size) {
        return FONTS.get(style).deriveFont((float) size).getStringBounds(text, EXACT).getWidth();
    }

    @Test
    void theWriterEstimatesWidthsAsTheRealFontDrawsThem() {
        String vietnamese = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
                + "fjwz0123456789 .,;:-–/()“”…%";
        String all = vietnamese + vietnamese.toUpperCase(java.util.Locale.forLanguageTag("vi"));
        for (TextWidth.Style style : TextWidth.Style.values()) {
            for (int i = 0; i < all.length(); i++) {
                String c = all.substring(i, i + 1);
                assertThat(TextWidth.points(c, style, 1000)).as("%s %s", style, c)
                        .isCloseTo(measured(c, style, 1000), org.assertj.core.data.Offset.offset(1.0));
            }
            String line = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Nguyễn Lương Bằng, ngày 28 tháng 12 năm 2025";
            assertThat(TextWidth.points(line, style, 13))
                    .isCloseTo(measured(line, style, 13), org.assertj.core.data.Offset.offset(0.05));
        }
    }

    @Test
    void everyCommunesNameFitsTheHeaderAndIsBrokenOnlyBetweenWordsWhenItMust() {
        List<String> twoLines = new ArrayList<>();
        int communes = 0;
        for (CommuneDirectory.Province province : allProvinces()) {
            for (CommuneDirectory.Commune c : province.communes()) {
                communes++;
                DocxWriter.HeaderLayout layout = DocxWriter.headerLayout(c.name(), Decree30Docx.dateLine(DAY));
                String unit = c.name().toUpperCase(java.util.Locale.forLanguageTag("vi"));
                assertThat(layout.left() + layout.right()).isEqualTo(DocxWriter.TEXT_WIDTH);
                double leftRoom = (layout.left() - 2 * DocxWriter.HEADER_CELL_MARGIN) / 20.0;
                double rightRoom = (layout.right() - 2 * DocxWriter.HEADER_CELL_MARGIN) / 20.0;
                // the lines are the name, whole words only, each held together and each within its cell
                assertThat(String.join(" ", layout.nameLines().stream().map(DocumentTest::plain).toList()))
                        .as(c.name()).isEqualTo(unit);
                for (String line : layout.nameLines()) {
                    assertThat(line).as(c.name()).doesNotContain(" ");
                    assertThat(measured(line, TextWidth.Style.BOLD, 13)).as(c.name()).isLessThanOrEqualTo(leftRoom);
                }
                assertThat(measured(DocxWriter.ISSUER, TextWidth.Style.BOLD, 13)).isLessThanOrEqualTo(leftRoom);
                assertThat(measured(DocxWriter.NATIONAL_NAME, TextWidth.Style.BOLD, 13)).as(c.name())
                        .isLessThanOrEqualTo(rightRoom);
                assertThat(measured("Độc lập - Tự do - Hạnh phúc", TextWidth.Style.BOLD, 14))
                        .isLessThanOrEqualTo(rightRoom);
                for (String line : layout.dateLines()) {
                    assertThat(measured(line, TextWidth.Style.ITALIC, layout.dateSize())).as(c.name())
                            .isLessThanOrEqualTo(rightRoom);
                }
                if (layout.nameLines().size() > 1) {
                    twoLines.add(c.name() + " → " + layout.nameLines());
                }
            }
        }
        assertThat(communes).isEqualTo(3321);
        // only the longest names need a second line, and never one of the seed communes
        assertThat(twoLines).hasSizeLessThan(30).noneMatch(l -> l.startsWith("Xã Tiên Minh")
                || l.startsWith("Xã Nguyễn Lương Bằng") || l.startsWith("Phường Bạch Mai") || l.startsWith("Xã Kỳ Lạc")
                || l.startsWith("Xã Kim Thành"));
        assertThat(twoLines).anyMatch(l -> l.startsWith("Phường Văn Miếu - Quốc Tử Giám"));
    }

    @Test
    void xaTienMinhStaysOnOneLineInTheHeaderAsWritten() throws IOException {
        try (XWPFDocument doc = docx(Samples.TIEN_MINH, "2025-Q3")) {
            XWPFTable header = doc.getTables().getFirst();
            assertThat(header.getCTTbl().getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
            XWPFTableCell left = header.getRow(0).getCell(0);
            XWPFParagraph name = left.getParagraphs().get(1);
            // held together: no ordinary space a word processor could break at
            assertThat(name.getText()).isEqualTo("XÃ\u00A0TIÊN\u00A0MINH");
            double room = (width(left) - 2 * margin(header)) / 20.0;
            assertThat(measured(name.getText(), TextWidth.Style.BOLD, 13)).isLessThanOrEqualTo(room);
            assertThat(measured(left.getParagraphs().getFirst().getText(), TextWidth.Style.BOLD, 13))
                    .isLessThanOrEqualTo(room);
            // the rule under it: a third to a half of the name's length (Decree 30), centred
            XWPFParagraph rule = left.getParagraphs().get(2);
            assertThat(rule.getText()).isEmpty();
            assertThat(rule.getBorderBottom()).isEqualTo(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
            assertThat(rule.getIndentationLeft()).isEqualTo(rule.getIndentationRight());
            double ruleLength = room - (rule.getIndentationLeft() + rule.getIndentationRight()) / 20.0;
            double nameLength = measured(name.getText(), TextWidth.Style.BOLD, 13);
            assertThat(ruleLength).isBetween(nameLength / 3, nameLength / 2);

            XWPFTableCell right = header.getRow(0).getCell(1);
            double rightRoom = (width(right) - 2 * margin(header)) / 20.0;
            assertThat(right.getParagraphs().getFirst().getText()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(measured(right.getParagraphs().getFirst().getText(), TextWidth.Style.BOLD, 13))
                    .isLessThanOrEqualTo(rightRoom);
            XWPFParagraph date = header.getRow(1).getCell(1).getParagraphs().getFirst();
            assertThat(DocumentTest.plain(date.getText())).isEqualTo("Tiên Minh, ngày 05 tháng 01 năm 2026");
            assertThat(measured(date.getText(), TextWidth.Style.ITALIC, 14)).isLessThanOrEqualTo(rightRoom);
        }
    }

    @Test
    void aNameTooLongForOneLineIsBrokenBetweenWordsAndEachLineFits() throws IOException {
        String code = code("Phường Văn Miếu - Quốc Tử Giám");
        try (XWPFDocument doc = docx(code, "2025-Q3")) {
            XWPFTable header = doc.getTables().getFirst();
            XWPFTableCell left = header.getRow(0).getCell(0);
            List<String> lines = List.of(left.getParagraphs().get(1).getText().split("\n"));
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(String.join(" ", lines).replace('\u00A0', ' ')).isEqualTo("PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM");
            double room = (width(left) - 2 * margin(header)) / 20.0;
            for (String line : lines) {
                assertThat(line).doesNotContain(" ");
                assertThat(measured(line, TextWidth.Style.BOLD, 13)).as(line).isLessThanOrEqualTo(room);
            }
        }
    }

    @Test
    void noTableColumnIsNarrowerThanItsLongestWordNotEvenSTT() throws IOException {
        try (XWPFDocument doc = docx(Samples.TIEN_MINH, "2025-Q3")) {
            List<XWPFTable> tables = doc.getTables().subList(1, doc.getTables().size() - 1);
            assertThat(tables).hasSize(3); // tasks, channels, activities
            for (XWPFTable t : tables) {
                assertThat(t.getCTTbl().getTblPr().getTblLayout().getType()).isEqualTo(STTblLayoutType.FIXED);
                assertThat(t.getRow(0).getCell(0).getText()).isEqualTo("STT");
                int total = 0;
                for (int c = 0; c < t.getRow(0).getTableCells().size(); c++) {
                    int col = ((BigInteger) t.getCTTbl().getTblGrid().getGridColArray(c).getW()).intValue();
                    total += col;
                    assertThat(width(t.getRow(0).getCell(c))).isEqualTo(col);
                    double room = (col - 2 * margin(t)) / 20.0;
                    for (int r = 0; r < t.getRows().size(); r++) {
                        TextWidth.Style style = r == 0 ? TextWidth.Style.BOLD : TextWidth.Style.REGULAR;
                        for (String word : t.getRow(r).getCell(c).getText().split("\\s+")) {
                            assertThat(measured(word, style, 13)).as("'%s' in column %d", word, c)
                                    .isLessThanOrEqualTo(room);
                        }
                    }
                }
                assertThat(total).isLessThanOrEqualTo(DocxWriter.TEXT_WIDTH);
            }
            // the activities' dates: 10/09/2025 whole in its column
            assertThat(tables.get(2).getRow(1).getCell(1).getText()).isEqualTo("10/09/2025");
        }
    }

    @Test
    void aColumnTooNarrowForItsWordTakesRoomFromTheWidestOne() {
        int[] widths = DocxWriter.columnWidths(List.of("STT", "Nội dung", "Ngày"), new int[] {3, 87, 10},
                List.<String[]>of(new String[] {"12", "Một nội dung dài", "10/09/2025"}));
        assertThat(widths[0]).isGreaterThanOrEqualTo(
                DocxWriter.room(TextWidth.twips("STT", TextWidth.Style.BOLD, 13), DocxWriter.CELL_MARGIN));
        assertThat(widths[2]).isGreaterThanOrEqualTo(
                DocxWriter.room(TextWidth.twips("10/09/2025", TextWidth.Style.REGULAR, 13), DocxWriter.CELL_MARGIN));
        assertThat(widths[1]).isLessThan(DocxWriter.TEXT_WIDTH * 87 / 100);
        assertThat(widths[0] + widths[1] + widths[2]).isLessThanOrEqualTo(DocxWriter.TEXT_WIDTH);
    }

    /** The document as LibreOffice prints it: the unit's name and "STT" come out whole. */
    @Test
    void libreOfficePrintsTheNameAndTheHeadersWhole() throws IOException {
        PdfRenderer renderer = new PdfRenderer(PdfSettings.ON_THE_PATH);
        if (renderer.soffice() == null) {
            String reason = "LibreOffice (soffice) is not on the PATH here: the printed layout is not checked";
            LoggerFactory.getLogger(DocxLayoutTest.class).warn("SKIPPED {}", reason);
            assumeTrue(false, reason);
        }
        List<String> lines = printed(renderer.render(DocxWriter.write(report(Samples.TIEN_MINH, "2025-Q3"))));
        assertThat(lines).anyMatch(l -> l.contains("XÃ TIÊN MINH"));
        assertThat(lines).noneMatch(l -> l.endsWith("XÃ TIÊN") || l.startsWith("MINH"));
        assertThat(lines).anyMatch(l -> l.matches("(.* )?STT .*"));
        assertThat(lines).noneMatch(l -> l.matches("(.* )?ST( .*)?") || l.matches("T( .*)?"));
        assertThat(lines).anyMatch(l -> l.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        assertThat(lines).anyMatch(l -> l.contains("10/09/2025"));
        assertThat(lines).anyMatch(l -> l.contains("TM. ỦY BAN NHÂN DÂN"));
        // the period's words stay together in the subject, and a dotted line to fill by hand is one line
        assertThat(lines).anyMatch(l -> l.startsWith("quý III năm 2025") || l.endsWith("quý III năm 2025"));
        assertThat(lines).noneMatch(l -> l.endsWith(" quý") || l.startsWith("III năm"));
        assertThat(lines).anyMatch(l -> l.matches("…{20,}")).noneMatch(l -> l.matches("…{1,19}"));
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> printed(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = Normalizer.normalize(stripper.getText(doc), Normalizer.Form.NFC);
            List<String> out = new ArrayList<>();
            for (String line : text.split("\\R")) {
                out.add(line.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip());
            }
            return out;
        }
    }

    private static ReportData report(String commune, String label) {
        ReportPeriod period = new ReportingWindows().parse(label);
        return Reports.compute(commune, period, LocalDate.parse("2026-01-05"), readModels.plans(commune),
                readModels.tasks(commune), readModels.publications(commune), Map.of(), Notes.EMPTY, "DRAFT",
                "Đang soạn");
    }

    private static XWPFDocument docx(String commune, String label) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(DocxWriter.write(report(commune, label))));
    }

    private static int width(XWPFTableCell cell) {
        return cell.getWidth();
    }

    /** The table's left cell padding (the right one is the same). */
    private static int margin(XWPFTable t) {
        CTTblCellMar mar = t.getCTTbl().getTblPr().getTblCellMar();
        assertThat(mar.getRight().getW()).isEqualTo(mar.getLeft().getW());
        return ((BigInteger) mar.getLeft().getW()).intValue();
    }

    private static List<CommuneDirectory.Province> allProvinces() {
        List<CommuneDirectory.Province> out = new ArrayList<>();
        for (int code = 1; code <= 99; code++) {
            CommuneDirectory.instance().province("%02d".formatted(code)).ifPresent(out::add);
        }
        return out;
    }

    private static String code(String name) {
        return allProvinces().stream().flatMap(p -> p.communes().stream()).filter(c -> c.name().equals(name))
                .findFirst().orElseThrow().code();
    }
}
