package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/**
 * A server without LibreOffice (here: {@code loa.report.soffice} names a program that does not exist): the PDF is
 * refused with a Vietnamese problem that points to the Word and Excel files, which still work. The PDF that
 * LibreOffice makes: {@link ReportApiTest#thePdfIsTheWordReportPrintedByLibreOffice()}.
 */
@TestPropertySource(properties = "loa.report.soffice=/nonexistent/libreoffice/soffice")
class PdfWithoutLibreOfficeTest extends IntegrationTest {

    private final TestBroker broker = new TestBroker();

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void thePdfIsRefusedInVietnameseAndTheWordFileStillComes() {
        String commune = freshCommune();
        Samples.stream(commune, "pdf-" + commune).forEach(broker::send);
        eventually().until(() -> get("/api/reports/2025-Q3", commune, "EDITOR").json(),
                j -> j.path("totals").path("publications").asInt() == 2);

        Answer pdf = get("/api/reports/2025-Q3?format=pdf", commune, "EDITOR");
        assertThat(pdf.status()).isEqualTo(503);
        assertThat(pdf.contentType()).startsWith("application/problem+json");
        assertThat(pdf.json().path("title").asString()).isEqualTo("Chưa xuất được PDF");
        assertThat(pdf.json().path("detail").asString()).contains("chưa cài đặt LibreOffice").contains("(.docx)");
        assertThat(get("/api/reports/2025-Q3?format=docx", commune, "EDITOR").status()).isEqualTo(200);
    }
}
