package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import vn.loa.client.GatewayClient.Reply;

/**
 * A plan fully seen and corrected in a real Chromium on the running stack: Kim Thành's leader opens a draft, sees
 * every section of the document (căn cứ, mục đích, yêu cầu, nhiệm vụ của các đơn vị, nơi nhận, người ký…), corrects
 * the purposes and the signer's name, issues it, amends it with a reason (one task changed, one withdrawn) and finds
 * the version in the history (dd/MM/yyyy, reason, tasks changed and withdrawn), downloads the Word file — a .docx that
 * the import reads back as the plan's current tasks, number and signer — and closes the plan; at desktop width and
 * at 390 × 844, screenshots kept. An editor of the same commune sees neither amend nor close.
 */
@DisplayName("Kế hoạch: xem đủ các mục, sửa dự thảo, ban hành, điều chỉnh có lý do, lịch sử, tải Word, đóng")
class PlanEditingTest extends BrowserTest {

    static final String LEADER = "kim-thanh.leader";
    static final String EDITOR = "kim-thanh.editor";

    @Test
    @DisplayName("kim-thanh.leader sửa, ban hành, điều chỉnh, tải Word và đóng một kế hoạch")
    void aPlanSeenCorrectedAmendedExportedAndClosed() throws Exception {
        inBrowser("plan-editing", "ke-hoach-that-bai", this::journey);
    }

    private void journey() throws Exception {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String number = (100 + (int) (System.currentTimeMillis() % 800)) + "/KH-UBND";
        String id = draft(stamp, number);

        // 1. the draft shows every section of its document
        b.login(LEADER);
        b.open("#/ke-hoach/" + id);
        WebElement document = b.find("plan-document");
        assertThat(document.getText()).contains("Căn cứ", "Thực hiện Kế hoạch số 12/KH-UBND của UBND thành phố",
                "Mục đích", "a) Nâng cao nhận thức " + stamp, "Yêu cầu", "Bám sát chỉ đạo của thành phố",
                "Chỉ tiêu cụ thể", "Nội dung tuyên truyền", "Hình thức tuyên truyền", "Kinh phí",
                "Ngân sách xã năm 2026", "Tổ chức thực hiện", "Phòng Văn hóa - Xã hội", "Theo dõi, đôn đốc, tổng hợp",
                "Trung tâm Dịch vụ sự nghiệp công", "Đoạn kết", "Trên đây là Kế hoạch", "Nơi nhận", "UBND thành phố",
                "Lưu: VT, VHXH", "Người ký", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                "Nguyễn Văn Ký");
        assertThat(b.driver.findElements(testid("plan-section")).stream().map(e -> e.getAttribute("data-section")))
                .as("every section of the document, in its order").containsExactly("basis", "purposes",
                        "requirements", "targets", "themes", "forms", "budget", "duties", "closing", "recipients",
                        "signer");
        b.screenshot("ke-hoach-du-thao-day-du");

        // 2. the purposes and the signer's name corrected in the form
        b.click("plan-edit");
        WebElement purposes = b.find("plan-purposes");
        purposes.sendKeys("\nb) Mục đích bổ sung " + stamp);
        String signer = "Trần Thị Sửa " + stamp;
        b.type("plan-signer-name", signer);
        assertThat(b.attribute("plan-duty-unit", "value")).isEqualTo("Phòng Văn hóa - Xã hội");
        b.screenshot("ke-hoach-sua-du-thao");
        b.click("plan-save");
        b.waitText(testid("notice"), "Đã lưu nội dung kế hoạch");
        b.waitText(testid("plan-view-purposes"), "b) Mục đích bổ sung " + stamp);
        assertThat(b.text("plan-view-signer")).contains(signer);
        JsonNode saved = Api.get(LEADER, "/api/plans/" + id).json();
        assertThat(saved.path("signer").path("name").asString()).isEqualTo(signer);
        assertThat(saved.path("signer").path("delegation").asString()).isEqualTo("KT. CHỦ TỊCH");
        assertThat(saved.path("purposes").size()).isEqualTo(2);
        assertThat(saved.path("duties").size()).as("the duties kept as they were").isEqualTo(2);
        assertThat(saved.path("recipients").get(1).asString()).isEqualTo("Lưu: VT, VHXH");

        // 3. issued by the leader
        b.click("plan-issue");
        accept("Ban hành kế hoạch này?");
        b.waitText(testid("notice"), "Đã ban hành kế hoạch");
        b.find("plan-amend");
        b.find("plan-close");
        b.find("plan-history");

        // 4. amended with a reason: task 1 changed, task 2 withdrawn
        b.click("plan-amend");
        b.type("amend-reason", "Điều chỉnh theo Công văn " + stamp);
        b.driver.findElements(testid("amend-edit-task")).getFirst().click();
        b.type("task-title", "Tin, bài về CCHC trên Trang thông tin điện tử xã (đã điều chỉnh)");
        // the units: the commune's (those its plans name among them) offered for the lead and picked for the
        // coordinating ones; a name typed that is not listed is accepted and offered to be added to the list
        b.until("the commune's units offered", d -> d.findElements(By.cssSelector("#unit-options option")).stream()
                .anyMatch(o -> "Phòng Văn hóa - Xã hội".equals(o.getAttribute("value"))));
        new Select(b.find("task-coordinating-pick")).selectByValue("Trung tâm Dịch vụ sự nghiệp công");
        String newUnit = "Tổ dân phố số 3 " + stamp;
        b.find("task-coordinating").sendKeys("; " + newUnit);
        b.until("the new unit offered to be added", d -> b.text("task-unit-offer").contains(newUnit));
        assertThat(b.attribute("task-coordinating", "value")).contains("Trung tâm Dịch vụ sự nghiệp công")
                .endsWith(newUnit);
        b.screenshot("ke-hoach-don-vi-phoi-hop");
        b.click("task-unit-add");
        b.waitText(testid("notice"), "Đã thêm «" + newUnit + "» vào danh sách đơn vị");
        b.until("no unit left to add", d -> d.findElements(testid("task-unit-add")).isEmpty());
        assertThat(Api.get(LEADER, "/api/units").json().valueStream()
                .filter(u -> newUnit.equals(u.path("name").asString())).map(u -> u.path("source").asString()))
                .containsExactly("LIST");
        b.click("task-save");
        b.waitText(testid("amend-summary"), "Sửa nhiệm vụ: Tin, bài về CCHC trên Trang thông tin điện tử xã (đã điều chỉnh)");
        b.driver.findElements(testid("amend-withdraw")).get(1).click();
        b.screenshot("ke-hoach-dieu-chinh");
        b.click("amend-submit");
        b.waitText(testid("notice"), "Đã điều chỉnh kế hoạch: phiên bản 2");
        String row = "[data-testid=\"history-row\"][data-version=\"2\"]";
        String today = DMY.format(LocalDate.now(VIETNAM));
        assertThat(b.text(By.cssSelector(row))).contains(today, LEADER, "Điều chỉnh theo Công văn " + stamp);
        assertThat(b.text(By.cssSelector(row + " [data-testid=\"history-changed\"]")))
                .contains("Tin, bài về CCHC trên Trang thông tin điện tử xã (đã điều chỉnh)");
        assertThat(b.text(By.cssSelector(row + " [data-testid=\"history-withdrawn\"]")))
                .contains("Đối thoại với người dân");
        b.driver.executeScript("document.querySelector('[data-testid=\"plan-history\"]').scrollIntoView();");
        b.screenshot("ke-hoach-lich-su-phien-ban");

        // 5. the Word file: a .docx that the import reads back as the plan's current tasks
        try (var old = Files.list(b.downloads)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        b.click("plan-download");
        b.waitText(testid("plan-download-state"), "Đã tải");
        Path docx = b.until("the .docx is saved", d -> b.completedDownload(n -> n.endsWith(".docx")));
        assertThat(docx.getFileName().toString()).isEqualTo("Kế hoạch " + number.replace('/', '-') + " - Xã Kim Thành.docx");
        byte[] bytes = Files.readAllBytes(docx);
        assertThat(entries(bytes)).contains("word/document.xml", "[Content_Types].xml");
        JsonNode imported = importDocx(bytes, docx.getFileName().toString());
        try {
            JsonNode plan = imported.path("plan");
            assertThat(plan.path("number").asString()).isEqualTo(number);
            assertThat(plan.path("signer").path("name").asString()).isEqualTo(signer);
            List<String> titles = new ArrayList<>();
            plan.path("tasks").forEach(t -> titles.add(t.path("title").asString()));
            assertThat(titles).as("the current tasks, the withdrawn one left out").containsExactly(
                    "Tin, bài về CCHC trên Trang thông tin điện tử xã (đã điều chỉnh)", "Video hướng dẫn dịch vụ công");
            JsonNode first = plan.path("tasks").get(0);
            assertThat(first.path("quota").path("count").asInt()).isEqualTo(2);
            assertThat(first.path("quota").path("per").asString()).isEqualTo("MONTH");
            assertThat(first.path("channels").get(0).asString()).isEqualTo("portal");
            assertThat(plan.path("tasks").get(1).path("due").path("date").asString()).isEqualTo("2026-06-30");
        } finally {
            Api.call("DELETE", "/api/plans/" + imported.path("plan").path("id").asString(), null,
                    Api.token(LEADER), Map.of());
        }

        // 6. at phone width the plan page and its history fit the screen
        b.resize(Browser.PHONE);
        b.open("#/ke-hoach/" + id);
        b.find("plan-document");
        b.fitsTheWindow();
        b.screenshot("ke-hoach-dien-thoai");
        b.driver.executeScript("document.querySelector('[data-testid=\"plan-history\"]').scrollIntoView();");
        b.screenshot("ke-hoach-lich-su-dien-thoai");

        // 7. closed, with a confirmation; then neither amend nor close is offered
        b.click("plan-close");
        accept("Đóng kế hoạch này?");
        b.waitText(testid("notice"), "Đã đóng kế hoạch");
        b.find("plan-history");
        assertThat(b.text(By.cssSelector("[data-testid=\"history-row\"][data-version=\"closed\"]")))
                .contains("Đóng kế hoạch", today);
        assertThat(b.driver.findElements(testid("plan-amend"))).isEmpty();
        assertThat(b.driver.findElements(testid("plan-close"))).isEmpty();
        assertThat(Api.get(LEADER, "/api/plans/" + id).json().path("status").asString()).isEqualTo("CLOSED");
        b.screenshot("ke-hoach-da-dong-dien-thoai");
        b.resize(Browser.DESKTOP);
        b.screenshot("ke-hoach-da-dong");
    }

    @Test
    @DisplayName("biên tập viên không thấy nút điều chỉnh, đóng của kế hoạch đã ban hành")
    void anEditorIsNotOfferedAmendOrClose() {
        startBrowser("plan-editing");
        JsonNode plans = Api.get(EDITOR, "/api/plans").json();
        String issued = null;
        for (JsonNode p : plans) {
            if ("ISSUED".equals(p.path("status").asString()) || "AMENDED".equals(p.path("status").asString())) {
                issued = p.path("id").asString();
            }
        }
        assertThat(issued).as("an issued plan of Kim Thành (the demo's)").isNotNull();
        b.login(EDITOR);
        b.open("#/ke-hoach/" + issued);
        b.find("plan-document");
        b.find("plan-download");
        b.find("plan-history");
        assertThat(b.driver.findElements(testid("plan-amend"))).isEmpty();
        assertThat(b.driver.findElements(testid("plan-close"))).isEmpty();
        assertThat(b.driver.findElements(testid("plan-edit"))).isEmpty();
        b.screenshot("ke-hoach-bien-tap-vien");
    }

    private void accept(String question) {
        Alert alert = b.wait.until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).contains(question);
        alert.accept();
    }

    /** A draft with every section filled and two tasks, as an officer would have typed it. */
    private static String draft(String stamp, String number) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("number", number);
        plan.put("title", "Tuyên truyền cải cách hành chính nhà nước năm 2026 " + stamp);
        plan.put("place", "Kim Thành");
        plan.put("issuedOn", "2026-01-05");
        plan.put("period", Map.of("from", "2026-01-01", "to", "2026-12-31"));
        plan.put("basis", List.of("Thực hiện Kế hoạch số 12/KH-UBND của UBND thành phố về CCHC năm 2026."));
        plan.put("purposes", List.of("a) Nâng cao nhận thức " + stamp));
        plan.put("requirements", List.of("Bám sát chỉ đạo của thành phố."));
        plan.put("targets", List.of("100% thủ tục hành chính được công khai."));
        plan.put("themes", List.of("Kết quả CCHC của xã."));
        plan.put("forms", List.of("Tuyên truyền trên Trang thông tin điện tử xã."));
        plan.put("budget", "Ngân sách xã năm 2026.");
        plan.put("duties", List.of(Map.of("unit", "Phòng Văn hóa - Xã hội", "items", List.of("Theo dõi, đôn đốc, tổng hợp.")),
                Map.of("unit", "Trung tâm Dịch vụ sự nghiệp công", "items", List.of("Đăng tải tin, bài."))));
        plan.put("closing", "Trên đây là Kế hoạch tuyên truyền CCHC năm 2026 của UBND xã Kim Thành./.");
        plan.put("recipients", List.of("UBND thành phố", "Lưu: VT, VHXH"));
        plan.put("signer", Map.of("authority", "TM. ỦY BAN NHÂN DÂN", "delegation", "KT. CHỦ TỊCH",
                "title", "PHÓ CHỦ TỊCH", "name", "Nguyễn Văn Ký"));
        Reply created = Api.post(LEADER, "/api/plans", plan);
        assertThat(created.status()).as("draft: %s", created).isEqualTo(201);
        String id = created.json().path("id").asString();
        task(id, Map.of("title", "Tin, bài về CCHC trên Trang thông tin điện tử xã", "leadUnit", "Phòng Văn hóa - Xã hội",
                "productKinds", List.of("NEWS", "ARTICLE"), "channels", List.of("portal"),
                "quota", Map.of("count", 2, "per", "MONTH")));
        task(id, Map.of("title", "Đối thoại với người dân về thủ tục hành chính", "leadUnit", "Văn phòng HĐND và UBND",
                "productKinds", List.of("DIALOGUE"), "quota", Map.of("count", 1, "per", "PLAN"),
                "due", Map.of("text", "Quý III/2026")));
        task(id, Map.of("title", "Video hướng dẫn dịch vụ công", "leadUnit", "Trung tâm Phục vụ hành chính công",
                "productKinds", List.of("VIDEO"), "channels", List.of("youtube"),
                "due", Map.of("date", "2026-06-30")));
        return id;
    }

    private static void task(String plan, Map<String, Object> task) {
        Reply r = Api.post(LEADER, "/api/plans/" + plan + "/tasks", task);
        assertThat(r.status()).as("task: %s", r).isEqualTo(201);
    }

    private static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** POST /api/plans/import with the file, as the import page sends it; the answer's JSON. */
    private static JsonNode importDocx(byte[] docx, String name) throws IOException, InterruptedException {
        String boundary = "loa" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ke-hoach.docx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(docx);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Stack.BASE
                        + "/api/plans/import"))
                .header("Authorization", "Bearer " + Api.token(LEADER))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("import of %s: %s", name, r.body()).isEqualTo(201);
        return Api.JSON.readTree(r.body());
    }
}
