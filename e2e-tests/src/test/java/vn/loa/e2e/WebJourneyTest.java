package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole flow of a commune in a real Chromium, through Keycloak's real login page, on the running stack:
 * Kim Thành's editor sees the seed plan and drafts this year's plan with one task; the leader issues it; the editor
 * writes an item serving that task on the portal and submits it; the leader approves and publishes it while the task
 * board is open in another tab, whose bar moves without a reload; the public page shows the item; the quarterly report
 * downloads as a real .docx; Bạch Mai's editor sees none of it. A screenshot after each step (target/screenshots/journey).
 */
@DisplayName("Hành trình trên trình duyệt: kế hoạch → tin bài → duyệt, đăng → tiến độ → trang công khai → báo cáo")
class WebJourneyTest extends BrowserTest {

    static final String EDITOR = "kim-thanh.editor";
    static final String LEADER = "kim-thanh.leader";
    static final String OTHER = "bach-mai.editor";

    @Test
    @DisplayName("kim-thanh: làm cả quy trình bằng tiếng Việt; bach-mai không thấy gì của Kim Thành")
    void wholeFlowInVietnamese() throws IOException {
        inBrowser("journey", "that-bai-failure", this::journey);
    }

    private void journey() throws IOException {
        // 0. the programs that run are the ones named (Debian's), not anything Selenium Manager could have fetched:
        //    asked of the process table and of the driver itself
        Browser.Programs programs = b.programs();
        assertThat(programs.driver()).as("the running driver").isEqualTo(Path.of(Stack.CHROMEDRIVER).toRealPath());
        Optional<String> chromium = Browser.debianPackageOf(Path.of(Stack.CHROMIUM).toRealPath());
        assertThat(chromium).as(Stack.CHROMIUM + " comes from a Debian package").isPresent();
        assertThat(Browser.debianPackageOf(programs.browser())).as("package of the running browser " + programs.browser())
                .isEqualTo(chromium);
        assertThat(Browser.versionOf(Stack.CHROMIUM)).as("the browser the driver reports")
                .contains(" " + programs.browserVersion() + " ");
        assertThat(programs.driverVersion()).as("the driver's own version")
                .startsWith(Browser.versionOf(Stack.CHROMEDRIVER).replaceFirst("^ChromeDriver (\\S+).*$", "$1"));

        String stamp = Long.toString(System.currentTimeMillis(), 36);
        LocalDate today = LocalDate.now(VIETNAM);
        String planNumber = "E2E-" + stamp + "/KH-UBND";
        String planTitle = "Kế hoạch tuyên truyền CCHC năm " + today.getYear() + " (kiểm thử " + stamp + ")";
        String taskTitle = "Đăng tin cải cách hành chính trên cổng thông tin xã (" + stamp + ")";
        String itemTitle = "Xã Kim Thành đẩy mạnh dịch vụ công trực tuyến toàn trình (" + stamp + ")";

        // 1. the app, Vietnamese, asks to log in; the editor logs in on Keycloak's page
        b.driver.get(Stack.BASE + "/");
        assertThat(b.text("login-button")).isEqualTo("Đăng nhập");
        assertThat(b.attribute(By.tagName("html"), "lang")).isEqualTo("vi");
        b.screenshot("trang-dang-nhap");
        b.login(EDITOR);
        assertThat(b.attribute("who-tenant", "data-tenant")).isEqualTo(Stack.KIM_THANH);
        b.screenshot("bien-tap-vien-da-dang-nhap");

        // 2. the plans page shows the seed plan of Kim Thành, issued by plan-service at start
        b.click("nav-plans");
        b.waitText(testid("plan-list"), "45/KH-UBND");
        // the demo re-issues the seed plan (of 2025) for the current year
        assertThat(b.text("plan-list"))
                .contains("Tuyên truyền cải cách hành chính nhà nước năm " + today.getYear());
        b.screenshot("ke-hoach-mau");

        // 3. the editor drafts this year's plan with one task: 2 news a month
        b.click("plan-create-link");
        b.type("plan-number", planNumber);
        b.type("plan-title", planTitle);
        b.type("plan-place", "Kim Thành");
        b.type("plan-issued-on", today.format(DMY));
        b.type("plan-period-from", "01/01/" + today.getYear());
        b.type("plan-period-to", "31/12/" + today.getYear());
        b.screenshot("ke-hoach-moi");
        b.click("plan-save");
        b.find("task-add");
        String planId = b.hashId("#/ke-hoach/");
        b.click("task-add");
        b.type("task-title", taskTitle);
        b.type("task-lead-unit", "Văn phòng HĐND và UBND xã");
        b.click("task-kind-NEWS");
        b.type("task-quota-count", "2");
        new Select(b.find("task-quota-per")).selectByValue("MONTH");
        b.screenshot("nhiem-vu-moi");
        b.click("task-save");
        b.until("the annex lists the new task", d -> d.findElements(testid("annex-task")).size() == 1);
        assertThat(b.text("annex-tasks")).contains(taskTitle);
        assertThat(b.driver.findElements(testid("plan-issue"))).as("an editor is not offered to issue").isEmpty();
        b.screenshot("du-thao-ke-hoach");
        b.logout();

        // 4. the leader issues it; task-service creates the task from PlanIssued
        b.login(LEADER);
        b.open("#/ke-hoach/" + planId);
        b.click("plan-issue");
        acceptConfirm();
        b.waitText(testid("plan-facts"), "Đã ban hành");
        b.screenshot("ke-hoach-da-ban-hanh");
        b.click("plan-board-link");
        String taskId = b.untilPolling("the task board shows the new task (task-service read PlanIssued)",
                Duration.ofSeconds(60), Duration.ofSeconds(2), d -> {
                    Optional<WebElement> card = d.findElements(testid("task-card")).stream()
                            .filter(c -> c.getText().contains(taskTitle)).findFirst();
                    if (card.isEmpty()) {
                        d.navigate().refresh();
                        return null;
                    }
                    return card.get().getAttribute("data-task-id");
                });
        assertThat(b.attribute(progress(taskId), "data-credited")).isEqualTo("0");
        assertThat(b.attribute(progress(taskId), "data-target")).isEqualTo("2");
        b.screenshot("bang-nhiem-vu-moi");
        b.logout();

        // 5. the editor writes an item for the task, on the portal, and submits it
        b.login(EDITOR);
        b.click("nav-contents");
        b.click("content-new-link");
        b.type("content-title", itemTitle);
        b.type("content-summary", "UBND xã Kim Thành hướng dẫn người dân nộp hồ sơ trực tuyến.");
        WebElement body = b.find("content-body");
        body.click();
        body.sendKeys("Từ tháng này, người dân xã Kim Thành có thể nộp hồ sơ trực tuyến toàn trình tại Bộ phận một cửa.");
        new Select(b.find("content-kind")).selectByValue("NEWS");
        b.click("content-task-" + taskId);
        b.click("content-channel-portal");
        b.screenshot("viet-tin-bai");
        b.click("content-save");
        waitItemStatus("DRAFT");
        String itemId = b.hashId("#/tin-bai/");
        assertThat(b.text("content-body-view")).contains("nộp hồ sơ trực tuyến toàn trình");
        b.click("content-submit");
        waitItemStatus("SUBMITTED");
        assertThat(b.driver.findElements(testid("content-approve"))).as("an editor is not offered to approve").isEmpty();
        b.screenshot("tin-bai-cho-duyet");
        b.logout();

        // 6. the leader approves
        b.login(LEADER);
        b.open("#/tin-bai/" + itemId);
        b.click("content-approve");
        waitItemStatus("APPROVED");
        b.screenshot("tin-bai-da-duyet");
        String itemTab = b.driver.getWindowHandle();

        // 7. the task board in a second tab (same Keycloak session), live stream open, a marker against reloads
        b.driver.switchTo().newWindow(WindowType.TAB);
        b.driver.get(Stack.BASE + "/#/nhiem-vu?plan=" + planId);
        b.click("login-button"); // a new tab has no token yet: Keycloak's session signs it in without a form
        b.waitText(testid("who-user"), LEADER);
        b.until("the board shows the task", d -> !d.findElements(
                By.cssSelector("[data-testid=\"task-progress\"][data-task-id=\"" + taskId + "\"]")).isEmpty());
        b.until("the live stream is open", d -> "open".equals(d.findElement(testid("live-state")).getAttribute("data-state")));
        int before = Integer.parseInt(b.attribute(progress(taskId), "data-credited"));
        b.driver.executeScript("window.__loaE2eNoReload = 'same page';");
        b.screenshot("bang-nhiem-vu-truoc-khi-dang");
        String boardTab = b.driver.getWindowHandle();

        // 8. publish now in the first tab; the portal channel answers
        b.driver.switchTo().window(itemTab);
        b.click("content-publish");
        b.until("the portal published the item", Duration.ofSeconds(90), d -> {
            List<WebElement> rows = d.findElements(By.cssSelector(
                    "[data-testid=\"publication\"][data-channel=\"portal\"][data-status=\"SUCCEEDED\"]"));
            return !rows.isEmpty();
        });
        waitItemStatus("PUBLISHED");
        b.screenshot("tin-bai-da-dang");

        // 9. the bar moved in the other tab, without a reload
        b.driver.switchTo().window(boardTab);
        b.until("the task's bar moved live (credited " + before + " → " + (before + 1) + ")", Duration.ofSeconds(90),
                d -> Integer.parseInt(b.attribute(progress(taskId), "data-credited")) == before + 1);
        assertThat(b.driver.executeScript("return window.__loaE2eNoReload;")).as("no reload happened")
                .isEqualTo("same page");
        assertThat(b.attribute(progress(taskId), "aria-valuenow")).isEqualTo(String.valueOf(before + 1));
        b.screenshot("thanh-tien-do-da-tang");

        // 10. the commune's public page shows the item
        b.driver.get(Stack.BASE + "/p/" + Stack.KIM_THANH + "/cchc");
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), itemTitle));
        assertThat(b.attribute(By.tagName("html"), "lang")).isEqualTo("vi");
        b.screenshot("trang-cong-khai");

        // 11. the quarterly report downloads as a Word document
        b.open("#/bao-cao");
        b.find("report-preview-area");
        assertThat(new Select(b.find("report-kind")).getFirstSelectedOption().getAttribute("value")).isEqualTo("Q");
        b.click("report-download-docx");
        b.waitText(testid("report-download-state"), "Đã tải");
        Path docx = b.until("the .docx is saved", d -> completedDownload(".docx"));
        assertDocx(docx);
        b.screenshot("bao-cao-quy-da-tai");
        b.driver.close();
        b.driver.switchTo().window(itemTab);
        b.logout();

        // 12. Bạch Mai's editor sees none of it
        b.login(OTHER);
        assertThat(b.attribute("who-tenant", "data-tenant")).isEqualTo(Stack.BACH_MAI);
        b.click("nav-contents");
        b.find("content-list");
        assertThat(b.driver.findElements(By.cssSelector("[data-testid=\"content-row\"][data-id=\"" + itemId + "\"]")))
                .isEmpty();
        assertThat(b.text("content-list")).doesNotContain(stamp);
        b.screenshot("bach-mai-danh-sach-tin-bai");
        b.click("nav-plans");
        b.find("plan-list");
        assertThat(b.driver.findElements(By.cssSelector("[data-testid=\"plan-row\"][data-id=\"" + planId + "\"]")))
                .isEmpty();
        assertThat(b.text("plan-list")).doesNotContain(stamp).doesNotContain("45/KH-UBND");
        b.screenshot("bach-mai-danh-sach-ke-hoach");
        b.open("#/tin-bai/" + itemId);
        assertThat(b.text("problem")).contains("Không tìm thấy");
        assertThat(b.text(By.id("noi-dung"))).doesNotContain(itemTitle);
        b.screenshot("bach-mai-mo-tin-cua-kim-thanh");
        b.open("#/nhiem-vu/" + taskId);
        assertThat(b.text("problem")).contains("Không tìm thấy");
        assertThat(b.text(By.id("noi-dung"))).doesNotContain(taskTitle);
        b.open("#/ke-hoach/" + planId);
        assertThat(b.text("problem")).contains("Không tìm thấy");
        b.screenshot("bach-mai-mo-ke-hoach-cua-kim-thanh");
        b.logout();
    }

    // ------------------------------------------------------------------ steps

    private void acceptConfirm() {
        Alert alert = b.wait.until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).contains("Ban hành kế hoạch này?");
        alert.accept();
    }

    private void waitItemStatus(String status) {
        b.until("item status " + status, Duration.ofSeconds(60), d -> d.findElements(
                By.cssSelector("#content-status [data-testid=\"status\"][data-status=\"" + status + "\"]")).size() == 1);
    }

    private By progress(String taskId) {
        return By.cssSelector("[data-testid=\"task-progress\"][data-task-id=\"" + taskId + "\"]");
    }


    private Path completedDownload(String suffix) {
        return b.completedDownload(name -> name.endsWith(suffix));
    }

    /** A .docx is a zip with [Content_Types].xml and word/document.xml; the report names the commune. */
    private static void assertDocx(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length).as("size of %s", file).isGreaterThan(1000);
        assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).as("zip magic")
                .isEqualTo("PK\u0003\u0004");
        boolean contentTypes = false;
        String document = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (e.getName().equals("word/document.xml")) {
                    document = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(contentTypes).as("[Content_Types].xml in %s", file).isTrue();
        assertThat(document).as("word/document.xml in %s", file).isNotNull().contains("Kim Thành");
        assertThat(file.getFileName().toString()).startsWith("bao-cao-cchc-" + Stack.KIM_THANH);
    }
}
