package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.loa.client.GatewayClient.Reply;

/**
 * The signature block and the addressing of a periodic report, edited in a real Chromium on the running stack: Kim
 * Thành's editor opens a quarterly report, finds the four signature lines, "Kính gửi" and "Nơi nhận" filled with what
 * the document prints (the notes API's {@code effective}; the archive line "Lưu: …" shown last and fixed), changes
 * them and saves; the notes API and the downloaded .docx carry the new lines, a reload shows them, and the form fits a
 * phone (390×844). The leader submits and Hải Phòng's reviewer accepts the report (API) while the form is open: a save
 * is refused with report-service's Vietnamese message and the fields lock; reopened, the form says the report was
 * accepted on that day (dd/MM/yyyy) and is read-only.
 *
 * <p>Accepting freezes a report for good, so each run takes a quarter nobody has sent up yet, counting down from the
 * fourth quarter of 2100 (far from the demo's periods): the demo data keeps one accepted report per run.
 */
@DisplayName("Báo cáo: người ký, Kính gửi, Nơi nhận sửa trên trình duyệt, in ra bản Word; chỉ đọc khi tỉnh đã tiếp nhận")
class ReportSignatureTest extends BrowserTest {

    static final String EDITOR = "kim-thanh.editor";
    static final String LEADER = "kim-thanh.leader";
    static final String REVIEWER = "hai-phong.viewer";

    @Test
    @DisplayName("kim-thanh.editor sửa khối chữ ký, Kính gửi, Nơi nhận; tỉnh tiếp nhận thì không sửa được nữa")
    void signatureAndAddressingEditedThenFrozen() throws IOException {
        inBrowser("report-signature", "bao-cao-nguoi-ky-that-bai", this::journey);
    }

    private void journey() throws IOException {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        int[] quarter = freeQuarter();
        int year = quarter[0];
        int q = quarter[1];
        String period = year + "-Q" + q;
        String notesPath = "/api/reports/" + period + "/notes";

        // 1. the editor picks the quarter in the report screen
        b.login(EDITOR);
        b.click("nav-reports");
        b.find("report-preview-area");
        new Select(b.find("report-kind")).selectByValue("Q");
        b.type("report-year", Integer.toString(year));
        new Select(b.find("report-number")).selectByValue(Integer.toString(q));
        b.click("report-preview");
        b.waitText(By.id("report-title"), "năm " + year);
        b.find("report-notes-save");

        // 2. the signature block and the addressing are filled with what the document prints
        JsonNode before = Api.get(EDITOR, notesPath).json();
        assertThat(before.path("readOnly").asBoolean()).as("a report not sent up is writable").isFalse();
        JsonNode printed = before.path("effective");
        JsonNode sig = printed.path("signature");
        assertThat(value("report-signer-authority")).isEqualTo(text(sig.path("authority")));
        assertThat(value("report-signer-delegation")).isEqualTo(text(sig.path("delegation")));
        assertThat(value("report-signer-title")).isEqualTo(text(sig.path("title")));
        assertThat(value("report-signer")).isEqualTo(text(sig.path("name")));
        assertThat(value("report-addressees")).isEqualTo(String.join("\n", strings(printed.path("addressees"))));
        List<String> recipients = strings(printed.path("recipients"));
        assertThat(recipients).as("Nơi nhận").isNotEmpty();
        assertThat(recipients.getLast()).as("the archive line, last").startsWith("Lưu:");
        assertThat(value("report-recipients")).as("Nơi nhận without its archive line")
                .isEqualTo(String.join("\n", recipients.subList(0, recipients.size() - 1)));
        assertThat(b.text("report-recipients-archive")).contains(recipients.getLast());
        assertThat(b.text("report-signature"))
                .contains("Thẩm quyền ký", "Ký thay / thừa lệnh", "Chức vụ người ký", "Họ và tên người ký");
        b.screenshot("bao-cao-nguoi-ky-mac-dinh");

        // 3. the editor signs it as a vice-chair on behalf of the chair, to the city and its Department of Home Affairs
        String name = "Phạm Thị Kiểm " + stamp;
        String unit = "Ban Xây dựng Đảng của Đảng ủy xã " + stamp;
        b.type("report-signer-authority", "TM. ỦY BAN NHÂN DÂN");
        b.type("report-signer-delegation", "KT. CHỦ TỊCH");
        b.type("report-signer-title", "PHÓ CHỦ TỊCH");
        b.type("report-signer", name);
        b.type("report-addressees", "Ủy ban nhân dân thành phố Hải Phòng\nSở Nội vụ thành phố Hải Phòng");
        b.type("report-recipients", "Như trên\n- " + unit + ";"); // typed with a list mark: printed without
        b.click("report-notes-save");
        b.waitText(testid("notice"), "Đã lưu");
        b.screenshot("bao-cao-nguoi-ky-da-luu");

        // 4. the notes API has them, the archive line still last
        JsonNode saved = Api.get(EDITOR, notesPath).json();
        assertThat(text(saved.path("signer"))).as("the name the commune wrote").isEqualTo(name);
        JsonNode now = saved.path("effective");
        assertThat(text(now.path("signature").path("authority"))).isEqualTo("TM. ỦY BAN NHÂN DÂN");
        assertThat(text(now.path("signature").path("delegation"))).isEqualTo("KT. CHỦ TỊCH");
        assertThat(text(now.path("signature").path("title"))).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(text(now.path("signature").path("name"))).isEqualTo(name);
        assertThat(strings(now.path("addressees")))
                .containsExactly("Ủy ban nhân dân thành phố Hải Phòng", "Sở Nội vụ thành phố Hải Phòng");
        assertThat(strings(now.path("recipients"))).containsExactly("Như trên", unit, recipients.getLast());

        // 5. reopened, the form shows them as printed
        b.open("#/bao-cao?kind=Q&year=" + year + "&n=" + q);
        b.find("report-notes-save");
        assertThat(value("report-signer-delegation")).isEqualTo("KT. CHỦ TỊCH");
        assertThat(value("report-signer-title")).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(value("report-signer")).isEqualTo(name);
        assertThat(value("report-recipients")).isEqualTo("Như trên\n" + unit);

        // 6. the Word report prints them
        String fileName = "bao-cao-cchc-" + Stack.KIM_THANH + "-" + period + ".docx";
        Files.deleteIfExists(b.downloads.resolve(fileName));
        b.click("report-download-docx");
        b.waitText(testid("report-download-state"), "Đã tải");
        Path docx = b.until("the .docx is saved", d -> b.completedDownload(fileName::equals));
        assertThat(documentText(docx)).contains("Kính gửi:", "- Ủy ban nhân dân thành phố Hải Phòng;",
                "- Sở Nội vụ thành phố Hải Phòng.", "Nơi nhận:", "- Như trên;", "- " + unit + ";",
                "- " + recipients.getLast() + ".", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", name);

        // 7. at phone width the form fits: nothing wider than the screen
        b.resize(Browser.PHONE);
        b.driver.executeScript("document.getElementById('report-signature').scrollIntoView();");
        b.fitsTheWindow();
        for (String id : List.of("report-signer-authority", "report-signer-delegation", "report-signer-title",
                "report-signer", "report-addressees", "report-recipients", "report-notes-save")) {
            assertThat(((Number) b.driver.executeScript("return arguments[0].getBoundingClientRect().right;",
                    b.find(id))).doubleValue()).as("right edge of %s at 390 px", id).isLessThanOrEqualTo(390);
        }
        b.screenshot("bao-cao-nguoi-ky-dien-thoai");
        b.resize(Browser.DESKTOP);

        // 8. the leader sends it up and the province accepts it while the editor still has the form open
        Reply submitted = Api.post(LEADER, "/api/reports/" + period + "/submit", null);
        assertThat(submitted.status()).as("submit: %s", submitted).isEqualTo(200);
        Reply accepted = Api.post(REVIEWER,
                "/api/reports/" + period + "/accept?commune=" + Stack.KIM_THANH, null);
        assertThat(accepted.status()).as("accept: %s", accepted).isEqualTo(200);
        b.type("report-signer-title", "CHỦ TỊCH");
        b.click("report-notes-save");
        assertThat(b.text(By.cssSelector("#report-notes [data-testid=\"problem\"]"))).contains("đã được tỉnh tiếp nhận").contains("không thể sửa");
        assertThat(b.attribute("report-signer-title", "readonly")).as("locked after the refusal").isNotNull();
        assertThat(b.driver.findElements(testid("report-notes-save"))).isEmpty();
        b.screenshot("bao-cao-nguoi-ky-bi-tu-choi");

        // 9. the notes stayed as accepted; reopened, the form says so and is read-only
        JsonNode frozen = Api.get(EDITOR, notesPath).json();
        assertThat(frozen.path("readOnly").asBoolean()).isTrue();
        assertThat(text(frozen.path("effective").path("signature").path("title"))).isEqualTo("PHÓ CHỦ TỊCH");
        String frozenAt = text(frozen.path("frozenAt"));
        String acceptedOn = frozenAt.isEmpty() ? null : DMY.format(Instant.parse(frozenAt).atZone(VIETNAM));
        b.open("#/bao-cao?kind=Q&year=" + year + "&n=" + q);
        String notice = b.text("report-notes-readonly");
        assertThat(notice).contains("Báo cáo đã được tỉnh tiếp nhận").contains("không sửa được");
        if (acceptedOn != null) {
            assertThat(notice).contains("ngày " + acceptedOn);
        }
        assertThat(b.attribute("report-state", "data-state")).isEqualTo("ACCEPTED");
        for (String id : List.of("report-highlights", "report-doc-number", "report-signer-authority",
                "report-signer-delegation", "report-signer-title", "report-signer", "report-addressees",
                "report-recipients")) {
            assertThat(b.attribute(id, "readonly")).as("%s read-only", id).isNotNull();
        }
        assertThat(b.driver.findElements(testid("report-notes-save"))).isEmpty();
        assertThat(value("report-signer-title")).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(value("report-signer")).isEqualTo(name);
        b.screenshot("bao-cao-nguoi-ky-chi-doc");
        b.logout();
    }

    // ------------------------------------------------------------------ helpers

    /** A quarter of Kim Thành's that was never sent up (DRAFT), from 2100-Q4 down. */
    private static int[] freeQuarter() {
        for (int year = 2100; year >= 2030; year--) {
            for (int q = 4; q >= 1; q--) {
                Reply r = Api.get(EDITOR, "/api/reports/" + year + "-Q" + q + "/submission");
                assertThat(r.status()).as("submission of %d-Q%d: %s", year, q, r).isEqualTo(200);
                if ("DRAFT".equals(r.json().path("state").asString())) {
                    return new int[] {year, q};
                }
            }
        }
        throw new AssertionError("every quarter from 2030 to 2100 of Kim Thành has been sent up: reset the demo data");
    }

    private String value(String testid) {
        return b.find(testid).getDomProperty("value");
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /**
     * The text of word/document.xml: paragraphs on their own lines, line breaks as spaces, the no-break spaces that
     * hold a line together as spaces.
     */
    private static String documentText(Path file) throws IOException {
        String xml = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) {
                    xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(xml).as("word/document.xml in %s", file).isNotNull();
        return xml.replaceAll("</w:p>", "\n").replaceAll("<w:br[^>]*/>", " ").replaceAll("<[^>]+>", "")
                .replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace('\u00A0', ' ').replaceAll("[ \\t]+", " ");
    }
}
