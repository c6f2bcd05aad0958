package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.text.Normalizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.loa.report.document.PdfRenderer;
import vn.loa.report.document.PdfSettings;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/** The report API: formats, bad input, tenancy, notes, submission. */
class ReportApiTest extends IntegrationTest {

    private final TestBroker broker = new TestBroker();
    private String commune;

    @BeforeEach
    void data() {
        commune = freshCommune();
        Samples.stream(commune, "rep-" + commune).forEach(broker::send);
        eventually().until(() -> get("/api/reports/2025-Q3", commune, "EDITOR").json(),
                j -> j.path("totals").path("publications").asInt() == 2
                        && j.path("totals").path("activities").asInt() == 1 && j.path("tasks").size() == 2
                        && j.path("tasks").get(1).path("achieved").asInt() == 0);
    }

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void theQuarterlyReportInEveryFormat() throws Exception {
        JsonNode json = get("/api/reports/2025-Q3?format=json", commune, "EDITOR").json();
        assertThat(json.path("period").path("from").asString()).isEqualTo("2025-06-15");
        assertThat(json.path("period").path("to").asString()).isEqualTo("2025-09-14");
        assertThat(json.path("period").path("inWords").asString()).isEqualTo("quý III năm 2025");
        assertThat(json.path("tasks").get(0).path("assessment").asString()).isEqualTo("Đạt");

        assertThat(put("/api/reports/2025-Q3/notes", commune, "EDITOR",
                "{\"highlights\":\"Đăng tin đều đặn.\",\"difficulties\":\"Thiếu kinh phí.\","
                        + "\"proposals\":\"Đề nghị hỗ trợ.\",\"number\":\"07\",\"signer\":\"Trần Thị Bình\"}")
                .status()).isEqualTo(200);
        Answer docx = get("/api/reports/2025-Q3?format=docx", commune, "EDITOR");
        assertThat(docx.status()).isEqualTo(200);
        assertThat(docx.contentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(doc.getTables().getFirst().getRow(1).getCell(0).getText()).isEqualTo("Số: 07/BC-UBND");
            assertThat(doc.getParagraphs()).anyMatch(p -> p.getText().equals("Thiếu kinh phí."));
            assertThat(doc.getTables().getLast().getRow(0).getCell(1).getText().replace('\u00A0', ' '))
                    .contains("Trần Thị Bình");
        }
        Answer xlsx = get("/api/reports/2025-Q3?format=xlsx", commune, "EDITOR");
        assertThat(xlsx.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("Nhiệm vụ").getLastRowNum()).isEqualTo(2);
        }
    }

    /** The PDF is the Word report as LibreOffice prints it. Without LibreOffice: {@link PdfWithoutLibreOfficeTest}. */
    @Test
    void thePdfIsTheWordReportPrintedByLibreOffice() throws Exception {
        if (new PdfRenderer(PdfSettings.ON_THE_PATH).soffice() == null) {
            String reason = "LibreOffice (soffice) is not on the PATH here, so the PDF cannot be made: `./loa test`"
                    + " installs libreoffice-writer-nogui; this run does not test the PDF";
            org.slf4j.LoggerFactory.getLogger(ReportApiTest.class).warn("SKIPPED {}", reason);
            assumeTrue(false, reason);
        }
        assertThat(put("/api/reports/2025-Q3/notes", commune, "EDITOR",
                "{\"difficulties\":\"Thiếu kinh phí in tờ rơi.\",\"number\":\"09\"}").status()).isEqualTo(200);
        Answer pdf = get("/api/reports/2025-Q3?format=pdf", commune, "EDITOR");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isPositive();
            PDRectangle a4 = PDRectangle.A4;
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(a4.getWidth(), within(1f));
            // lines as printed, joined; composed Unicode, as the report was written
            String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC)
                    .replaceAll("\\s+", " ");
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").contains("Số: 09/BC-UBND")
                    .contains("Thiếu kinh phí in tờ rơi.").contains("quý III năm 2025");
        }
    }

    @Test
    void badInputAndOtherTenants() {
        Answer malformed = get("/api/reports/2025-Q5", commune, "EDITOR");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().path("detail").asString()).startsWith("Kỳ báo cáo '2025-Q5' không hợp lệ.");
        assertThat(get("/api/reports/2025-13-01..2025-12-31", commune, "EDITOR").status()).isEqualTo(400);
        assertThat(get("/api/reports/2025-Q3?format=odt", commune, "EDITOR").status()).isEqualTo(400);
        // an empty period is an honest empty report
        JsonNode empty = get("/api/reports/2024", commune, "EDITOR").json();
        assertThat(empty.path("tasks").size()).isZero();
        assertThat(empty.path("totals").path("publications").asInt()).isZero();
        assertThat(get("/api/reports/2024?format=docx", commune, "EDITOR").status()).isEqualTo(200);
        // another commune's report is not found; its province's reviewer reads it
        String neighbour = freshCommune();
        assertThat(get("/api/reports/2025-Q3?commune=" + commune, neighbour, "LEADER").status()).isEqualTo(404);
        assertThat(get("/api/reports/2025-Q3?commune=" + commune, Samples.HA_NOI, "VIEWER").status()).isEqualTo(404);
        assertThat(get("/api/reports/2025-Q3?commune=" + commune, Samples.HAI_PHONG, "VIEWER").json()
                .path("totals").path("publications").asInt()).isEqualTo(2);
        // the province report is for province reviewers only
        assertThat(get("/api/reports/2025-Q3/province", commune, "LEADER").status()).isEqualTo(404);
    }

    @Test
    void submissionGoesUpAndComesBack() throws Exception {
        String path = "/api/reports/2025-Q3/";
        assertThat(get(path + "submission", commune, "EDITOR").json().path("state").asString()).isEqualTo("DRAFT");
        assertThat(post(path + "submit", commune, "EDITOR", null).status()).isEqualTo(403);
        assertThat(post(path + "submit", commune, "LEADER", null).json().path("state").asString())
                .isEqualTo("SUBMITTED");
        assertThat(post(path + "submit", commune, "LEADER", null).status()).isEqualTo(409);

        String review = "?commune=" + commune;
        assertThat(post(path + "accept" + review, Samples.HA_NOI, "VIEWER", null).status()).isEqualTo(404);
        Answer noReason = post(path + "return" + review, Samples.HAI_PHONG, "VIEWER", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asString()).isEqualTo("Cần nêu lý do trả lại báo cáo.");
        JsonNode returned = post(path + "return" + review, Samples.HAI_PHONG, "VIEWER",
                "{\"reason\":\"Bổ sung số liệu hoạt động\"}").json();
        assertThat(returned.path("state").asString()).isEqualTo("RETURNED");
        assertThat(returned.path("reason").asString()).isEqualTo("Bổ sung số liệu hoạt động");
        assertThat(post(path + "submit", commune, "LEADER", null).json().path("state").asString())
                .isEqualTo("SUBMITTED");
        JsonNode accepted = post(path + "accept" + review, Samples.HAI_PHONG, "VIEWER", null).json();
        assertThat(accepted.path("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.path("history").valueStream().map(s -> s.path("to").asString()))
                .containsExactly("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED");

        JsonNode table = get("/api/dashboard/province?report=2025-Q3", Samples.HAI_PHONG, "VIEWER").json();
        JsonNode row = table.path("communes").valueStream()
                .filter(r -> r.path("code").asString().equals(commune)).findFirst().orElseThrow();
        assertThat(row.path("submission").asString()).isEqualTo("ACCEPTED");
        assertThat(row.path("submissionLabel").asString()).isEqualTo("Đã tiếp nhận");

        Answer aggregate = get("/api/reports/2025-Q3/province?format=xlsx", Samples.HAI_PHONG, "VIEWER");
        assertThat(aggregate.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(aggregate.body()))) {
            var sheet = wb.getSheet("Tổng hợp theo xã");
            boolean found = false;
            for (var r : sheet) {
                if (r.getCell(1) != null && commune.equals(r.getCell(1).getStringCellValue())) {
                    found = true;
                    assertThat(r.getCell(6).getNumericCellValue()).isEqualTo(2.0);
                    assertThat(r.getCell(r.getLastCellNum() - 1).getStringCellValue()).isEqualTo("Đã tiếp nhận");
                }
            }
            assertThat(found).isTrue();
        }
    }
}
