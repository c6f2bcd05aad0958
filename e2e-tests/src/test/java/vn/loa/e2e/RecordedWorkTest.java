package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.loa.client.GatewayClient.Reply;

/**
 * Issue 19, "A year of work in the browser": three flows of Kim Thành's staff in a real Chromium on the running stack,
 * each at a desktop (1366×768) and a phone (390×844, nothing wider than the screen), on a plan made and issued through
 * the API for this run (unique number and titles).
 * <ol>
 * <li>The manual publication desk ({@code #/dang-thu-cong}): approved items published on Zalo OA and on the city's
 * CCHC page wait there; the editor confirms one with the post's URL and a screenshot of it (a URL without http(s) refused in Vietnamese
 * first) → the item is published with that URL and its task credited, the screenshot shown under «Đã đăng»; fails another with a reason (none refused
 * first) → the reason is shown on the desk and the item; and "Ghi nhận đã đăng ở nơi khác" on a third item resolves its
 * pending request (it leaves the desk, shown as published elsewhere, credited once).</li>
 * <li>Activities ({@code #/hoat-dong/moi}, {@code #/hoat-dong/<id>}): a dialogue / a contest recorded with its place,
 * participants, summary and task; its page; a photo and the minutes uploaded; withdrawn with a reason (none refused
 * first) → the reason, who and when shown, and its credit taken back by itself.</li>
 * <li>Credits on the task page ({@code #/nhiem-vu/<id>}): an item's and an activity's credits listed by title (never
 * an id), each linking to its own page (never "Không tìm thấy"); the leader withdraws a wrong one with a reason → the
 * row shows who, when and why (also after a reload) and the count drops by one.</li>
 * </ol>
 * Screenshots under {@code target/screenshots/ban-dang-thu-cong/}, {@code hoat-dong/}, {@code luot-tinh/}.
 */
@DisplayName("Bàn đăng thủ công, hoạt động, lượt tính của nhiệm vụ trên trình duyệt (máy tính, điện thoại)")
class RecordedWorkTest extends BrowserTest {

    static final String EDITOR = "kim-thanh.editor";
    static final String LEADER = "kim-thanh.leader";
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    // ================================================================== 1. the manual publication desk

    @Test
    @DisplayName("Bàn đăng thủ công: xác nhận bằng đường dẫn kèm ảnh chụp, báo không đăng được có lý do, ghi nhận nơi khác đóng yêu cầu")
    void theManualDeskConfirmsFailsAndResolvesRequests() throws IOException {
        inBrowser("ban-dang-thu-cong", "ban-dang-thu-cong-that-bai", () -> {
            Plan plan = plan("Bàn đăng");
            b.login(EDITOR);
            desk("may-tinh", 1366, 768, plan, true);
            desk("dien-thoai", 390, 844, plan, false);
        });
    }

    private void desk(String screen, int width, int height, Plan plan, boolean problemsFirst) throws IOException {
        String stamp = plan.stamp + "-" + screen;
        String confirmedTitle = "Tin Zalo OA về dịch vụ công trực tuyến " + stamp;
        String failedTitle = "Tin gửi trang CCHC thành phố " + stamp;
        String elsewhereTitle = "Tin Zalo OA đã đăng từ điện thoại " + stamp;
        String confirmed = publishedItem(confirmedTitle, "zalo-oa", plan.items);
        String failed = publishedItem(failedTitle, "province-portal", plan.items);
        String elsewhere = publishedItem(elsewhereTitle, "zalo-oa", plan.items);
        String rConfirmed = pendingRequest(confirmed, "zalo-oa");
        String rFailed = pendingRequest(failed, "province-portal");
        String rElsewhere = pendingRequest(elsewhere, "zalo-oa");

        b.resize(width, height);
        go("#/dang-thu-cong");
        b.waitText(By.id("page-title"), "Bàn đăng thủ công");
        for (String r : List.of(rConfirmed, rFailed, rElsewhere)) {
            b.until("request " + r + " on the desk", d -> !d.findElements(request(r)).isEmpty());
        }
        assertThat(b.text(request(rConfirmed))).contains("Tin Zalo OA về dịch vụ công trực tuyến " + stamp)
                .contains("Zalo OA").contains("Chờ đăng");
        assertThat(b.text(request(rFailed))).contains("Trang thông tin CCHC");
        assertThat(b.attribute(By.cssSelector("[data-testid=\"manual-group\"][data-channel=\"zalo-oa\"]"), "aria-label"))
                .isEqualTo("Zalo OA");
        scrollTo(request(rConfirmed));
        fits(width);
        b.screenshot("ban-dang-cho-" + screen);

        // confirm with the URL of the post (a URL without http(s) refused first, in Vietnamese)
        String url = "https://zalo.me/kimthanh/bai-" + stamp;
        within(rConfirmed, "manual-confirm-open").click();
        if (problemsFirst) {
            type(within(rConfirmed, "manual-confirm-url"), "zalo.me/kimthanh");
            within(rConfirmed, "manual-confirm").click();
            b.until("the URL refused", d -> b.text(request(rConfirmed))
                    .contains("Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ"));
            b.screenshot("duong-dan-sai-" + screen);
        }
        type(within(rConfirmed, "manual-confirm-url"), url);
        // with a screenshot of the post as evidence (optional)
        Path shot = Browser.photo("ban-dang-anh-chup", "anh-chup-zalo-" + stamp + ".png", new Color(0x00, 0x68, 0xFF),
                "ZALO OA", "Bai da dang " + stamp);
        within(rConfirmed, "manual-confirm-screenshot").sendKeys(shot.toAbsolutePath().toString());
        fits(width);
        b.screenshot("xac-nhan-" + screen);
        within(rConfirmed, "manual-confirm").click();
        b.until("the confirmed request leaves the pending desk", d -> d.findElements(request(rConfirmed)).isEmpty());
        assertThat(b.text(testid("notice"))).contains("Đã xác nhận bài").contains("Zalo OA")
                .contains("kèm ảnh chụp minh chứng");
        JsonNode done = Api.get(EDITOR, "/api/manual-publications/" + rConfirmed).json();
        assertThat(done.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(done.path("url").asString()).isEqualTo(url);
        assertThat(done.path("confirmedBy").asString()).isEqualTo(EDITOR);
        assertThat(done.path("screenshot").path("mediaType").asString()).isEqualTo("image/png");
        assertThat(done.path("screenshot").path("size").asLong()).isEqualTo(Files.size(shot));
        // under «Đã đăng»: the screenshot beside the URL, the picture itself loaded through the gateway
        new Select(b.find("manual-status")).selectByValue("PUBLISHED");
        b.until("the confirmed request under «Đã đăng»", d -> !d.findElements(request(rConfirmed)).isEmpty());
        By thumbnail = By.cssSelector(sel(rConfirmed) + " [data-testid=\"manual-screenshot-view\"]");
        b.until("the screenshot shown", d -> "true".equals(b.attribute(thumbnail, "data-loaded")));
        assertThat(((Number) b.driver.executeScript("return arguments[0].naturalWidth;",
                b.driver.findElement(thumbnail))).intValue()).isEqualTo(640);
        assertThat(b.text(By.cssSelector(sel(rConfirmed) + " [data-testid=\"manual-screenshot\"]")))
                .contains("Ảnh chụp minh chứng").contains(shot.getFileName().toString());
        scrollTo(By.cssSelector(sel(rConfirmed) + " [data-testid=\"manual-screenshot\"]"));
        fits(width);
        b.screenshot("da-dang-kem-anh-chup-" + screen);
        new Select(b.find("manual-status")).selectByValue("PENDING");
        b.until("the pending desk again", d -> !d.findElements(request(rFailed)).isEmpty());

        // fail another with a reason (none refused first)
        String why = "Trang CCHC của thành phố đang bảo trì, không nhận bài " + stamp;
        within(rFailed, "manual-fail-open").click();
        if (problemsFirst) {
            within(rFailed, "manual-fail").click();
            b.until("the reason is asked for", d -> b.text(request(rFailed))
                    .contains("Vui lòng nêu lý do không đăng được."));
            b.screenshot("thieu-ly-do-" + screen);
        }
        type(within(rFailed, "manual-fail-reason"), why);
        within(rFailed, "manual-fail").click();
        b.until("the failed request leaves the pending desk", d -> d.findElements(request(rFailed)).isEmpty());
        assertThat(Api.get(EDITOR, "/api/manual-publications/" + rFailed).json().path("reason").asString())
                .isEqualTo(why);
        new Select(b.find("manual-status")).selectByValue("FAILED");
        b.until("the failed request under «Không đăng được»", d -> !d.findElements(request(rFailed)).isEmpty());
        assertThat(b.text(By.cssSelector(sel(rFailed) + " [data-testid=\"manual-reason\"]"))).isEqualTo(why);
        assertThat(b.text(By.cssSelector(sel(rFailed) + " [data-testid=\"manual-status-label\"]")))
                .isEqualTo("Không đăng được");
        scrollTo(request(rFailed));
        fits(width);
        b.screenshot("khong-dang-duoc-" + screen);

        // the confirmed item: published on Zalo OA with the URL; the failed one: its reason on the item
        go("#/tin-bai/" + confirmed);
        b.waitText(By.id("page-title"), confirmedTitle);
        By zalo = By.cssSelector("[data-testid=\"publication\"][data-channel=\"zalo-oa\"][data-status=\"SUCCEEDED\"]");
        b.until("Zalo OA succeeded on the item", Duration.ofSeconds(60), d -> !d.findElements(zalo).isEmpty());
        assertThat(b.attribute(By.cssSelector("[data-testid=\"publication\"][data-channel=\"zalo-oa\"]"
                + " [data-testid=\"publication-url\"]"), "href")).isEqualTo(url);
        b.until("item status PUBLISHED", d -> !d.findElements(
                By.cssSelector("#content-status [data-testid=\"status\"][data-status=\"PUBLISHED\"]")).isEmpty());
        scrollTo(zalo);
        fits(width);
        b.screenshot("tin-da-dang-" + screen);
        go("#/tin-bai/" + failed);
        b.waitText(By.id("page-title"), failedTitle);
        By portal = By.cssSelector("[data-testid=\"publication\"][data-channel=\"province-portal\"]"
                + "[data-status=\"FAILED\"]");
        b.until("the city's CCHC page failed on the item", Duration.ofSeconds(60),
                d -> !d.findElements(portal).isEmpty());
        assertThat(b.text(portal)).contains(why);

        // «Ghi nhận đã đăng ở nơi khác» on the third item resolves its pending request
        go("#/tin-bai/" + elsewhere);
        b.waitText(By.id("page-title"), elsewhereTitle);
        b.click("outside-open");
        new Select(b.find("outside-channel")).selectByValue("zalo-oa");
        String elsewhereUrl = "https://zalo.me/kimthanh/dang-tu-dien-thoai-" + stamp;
        b.type("outside-url", elsewhereUrl);
        b.type("outside-published-at", LocalDateTime.now(VIETNAM).minusHours(1).format(DAY_TIME));
        fits(width);
        b.screenshot("ghi-nhan-noi-khac-" + screen);
        b.click("outside-save");
        b.until("Zalo OA recorded on the item", Duration.ofSeconds(30), d -> !d.findElements(By.cssSelector(
                "[data-testid=\"publication\"][data-channel=\"zalo-oa\"][data-status=\"SUCCEEDED\"]")).isEmpty());
        b.untilPolling("the desk's request resolved elsewhere", Duration.ofSeconds(60), Duration.ofSeconds(2), d -> {
            JsonNode r = Api.get(EDITOR, "/api/manual-publications/" + rElsewhere).json();
            return "PUBLISHED".equals(r.path("status").asString()) && r.path("resolvedElsewhere").asBoolean();
        });
        go("#/dang-thu-cong");
        b.until("the desk has loaded", d -> !d.findElements(testid("manual-request")).isEmpty()
                || !d.findElements(testid("manual-empty")).isEmpty());
        assertThat(b.driver.findElements(request(rElsewhere))).as("resolved elsewhere: not pending any more").isEmpty();
        new Select(b.find("manual-status")).selectByValue("PUBLISHED");
        b.until("the resolved request under «Đã đăng»", d -> !d.findElements(request(rElsewhere)).isEmpty());
        assertThat(b.text(request(rElsewhere))).contains("ghi nhận đã đăng ở nơi khác").contains(elsewhereUrl);
        assertThat(b.driver.findElement(request(rElsewhere)).findElements(testid("manual-confirm-open"))).isEmpty();
        scrollTo(request(rElsewhere));
        fits(width);
        b.screenshot("da-dang-noi-khac-" + screen);

        // the task: credited by the confirmed item and by the one posted elsewhere, each once; not by the failed one
        b.untilPolling("the task credited by both published items", Duration.ofSeconds(60), Duration.ofSeconds(2),
                d -> countFor(Api.get(EDITOR, "/api/tasks/" + plan.items).json().path("credits"), confirmed) == 1
                        && countFor(Api.get(EDITOR, "/api/tasks/" + plan.items).json().path("credits"), elsewhere) == 1);
        JsonNode credits = Api.get(EDITOR, "/api/tasks/" + plan.items).json().path("credits");
        assertThat(countFor(credits, confirmed)).as("credits of the confirmed item").isEqualTo(1);
        assertThat(countFor(credits, elsewhere)).as("credits of the item posted elsewhere (once)").isEqualTo(1);
        assertThat(countFor(credits, failed)).as("credits of the failed item").isZero();
    }

    // ================================================================== 2. activities

    @Test
    @DisplayName("Hoạt động: ghi nhận đối thoại / cuộc thi có người tham dự, địa điểm, biên bản, ảnh; xem; rút có lý do")
    void anActivityIsRecordedShownAndWithdrawn() throws IOException {
        inBrowser("hoat-dong", "hoat-dong-that-bai", () -> {
            Plan plan = plan("Hoạt động");
            b.login(EDITOR);
            activity("may-tinh", 1366, 768, plan, "DIALOGUE", true);
            activity("dien-thoai", 390, 844, plan, "CONTEST", false);
        });
    }

    private void activity(String screen, int width, int height, Plan plan, String kind, boolean problemsFirst)
            throws IOException {
        String stamp = plan.stamp + "-" + screen;
        String title = ("DIALOGUE".equals(kind) ? "Đối thoại với Nhân dân về thủ tục hành chính "
                : "Cuộc thi tìm hiểu dịch vụ công trực tuyến ") + stamp;
        b.resize(width, height);
        go("#/hoat-dong/moi");
        b.waitText(By.id("page-title"), "Ghi nhận hoạt động");
        new Select(b.find("activity-kind")).selectByValue(kind);
        b.type("activity-title", title);
        b.type("activity-summary", "Có 12 ý kiến của người dân về thủ tục đất đai, đã trả lời tại chỗ 10 ý kiến.");
        b.type("activity-place", "Hội trường UBND xã Kim Thành");
        b.type("activity-participants", "120");
        b.type("activity-themes", "Dịch vụ công trực tuyến, thủ tục đất đai");
        b.type("activity-unit", "Văn phòng HĐND và UBND");
        WebElement task = b.find("activity-task-" + plan.activities);
        if (!task.isSelected()) {
            task.click();
        }
        if (problemsFirst) {
            b.type("activity-held-on", "31/02/2026");
            b.click("activity-save");
            b.until("the day refused", d -> b.text(By.id("activity-form")).contains("Ví dụ: 15/10/2025."));
            assertThat(b.text(testid("problem"))).contains("Vui lòng nhập ngày tổ chức theo dạng dd/MM/yyyy.");
            b.screenshot("ngay-sai-" + screen);
        }
        b.type("activity-held-on", "15/11/2026");
        fits(width);
        b.screenshot("bieu-mau-" + screen);
        b.click("activity-save");

        // its page
        b.until("the new activity's page", d -> d.getCurrentUrl().matches(".*#/hoat-dong/[^/]+$")
                && !d.getCurrentUrl().endsWith("/moi"));
        String id = b.driver.getCurrentUrl().replaceAll(".*#/hoat-dong/", "");
        b.waitText(By.id("page-title"), title);
        assertThat(b.attribute(testid("activity-status"), "data-status")).isEqualTo("HELD");
        String facts = b.text(testid("activity-facts"));
        assertThat(facts).contains("Đã tổ chức").contains("15/11/2026").contains("Hội trường UBND xã Kim Thành")
                .contains("Văn phòng HĐND và UBND").contains("Dịch vụ công trực tuyến, thủ tục đất đai")
                .contains(EDITOR).contains(plan.activitiesTitle).contains("DIALOGUE".equals(kind) ? "Đối thoại" : "Cuộc thi");
        assertThat(b.text(testid("activity-participants-view"))).isEqualTo("120");
        assertThat(b.text(testid("activity-summary-view"))).startsWith("Có 12 ý kiến của người dân");
        assertThat(b.text(testid("served-task"))).contains(plan.activitiesTitle);
        JsonNode saved = Api.get(EDITOR, "/api/activities/" + id).json();
        assertThat(saved.path("title").asString()).isEqualTo(title);
        assertThat(saved.path("kind").asString()).isEqualTo(kind);
        assertThat(saved.path("participants").asInt()).isEqualTo(120);
        assertThat(saved.path("taskIds").toString()).contains(plan.activities);

        // a photo and the minutes
        Path photo = photo(stamp);
        b.driver.findElement(testid("activity-attachment-file")).sendKeys(photo.toAbsolutePath().toString());
        b.click("activity-attachment-upload");
        b.until("the photo is shown", Duration.ofSeconds(30), d -> Boolean.TRUE.equals(b.driver.executeScript(
                "const i = document.querySelector('[data-testid=\"activity-photos\"] img');"
                        + " return !!i && i.complete && i.naturalWidth > 0;")));
        Path minutes = minutes(stamp);
        b.driver.findElement(testid("activity-attachment-file")).sendKeys(minutes.toAbsolutePath().toString());
        b.click("activity-attachment-upload");
        b.until("two files listed", d -> d.findElements(testid("activity-attachment-download")).size() == 2);
        assertThat(b.text(testid("activity-attachments"))).contains("Biên bản, ảnh (2)")
                .contains(photo.getFileName().toString()).contains(minutes.getFileName().toString());
        assertThat(Api.get(EDITOR, "/api/activities/" + id).json().path("attachments").size()).isEqualTo(2);
        b.untilPolling("the task credited by the activity", Duration.ofSeconds(60), Duration.ofSeconds(2),
                d -> countFor(Api.get(EDITOR, "/api/tasks/" + plan.activities).json().path("credits"), id) == 1);
        scrollTo(testid("activity-attachments"));
        fits(width);
        b.screenshot("hoat-dong-" + screen);

        // withdrawn with a reason (none refused first)
        String why = "Ghi nhận trùng với hoạt động đã có " + stamp;
        b.click("activity-withdraw-open");
        if (problemsFirst) {
            b.click("activity-withdraw");
            b.until("the reason is asked for", d -> b.text(testid("problem"))
                    .contains("Vui lòng nêu lý do rút hoạt động."));
            b.screenshot("thieu-ly-do-" + screen);
        }
        b.type("activity-withdraw-reason", why);
        b.click("activity-withdraw");
        b.until("withdrawn", d -> "WITHDRAWN".equals(b.attribute(testid("activity-status"), "data-status")));
        assertThat(b.text(testid("activity-withdrawal"))).contains(why).contains(EDITOR)
                .containsPattern("\\d{2}/\\d{2}/\\d{4}");
        assertThat(b.driver.findElements(testid("activity-withdraw-open"))).isEmpty();
        assertThat(b.driver.findElements(testid("activity-attachment-upload"))).as("no upload once withdrawn").isEmpty();
        JsonNode gone = Api.get(EDITOR, "/api/activities/" + id).json();
        assertThat(gone.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(gone.path("withdrawalReason").asString()).isEqualTo(why);
        fits(width);
        b.screenshot("da-rut-" + screen);

        // its credit taken back by itself
        b.untilPolling("the activity's credit withdrawn", Duration.ofSeconds(60), Duration.ofSeconds(2),
                d -> countFor(Api.get(EDITOR, "/api/tasks/" + plan.activities).json().path("credits"), id) == 0);
        go("#/nhiem-vu/" + plan.activities);
        By row = By.cssSelector("[data-testid=\"task-credit\"][data-item-id=\"" + id + "\"]");
        b.until("the withdrawn credit on the task", d -> !d.findElements(row).isEmpty());
        assertThat(b.text(By.cssSelector("[data-testid=\"task-credit\"][data-item-id=\"" + id
                + "\"] [data-testid=\"credit-withdrawal\"]"))).startsWith("Tự động rút");
        assertThat(b.text(row)).contains(title);
        scrollTo(row);
        fits(width);
        b.screenshot("nhiem-vu-tu-dong-rut-" + screen);
    }

    // ================================================================== 3. credits on the task page

    @Test
    @DisplayName("Lượt tính của nhiệm vụ: tên tin, bài và hoạt động có liên kết đúng trang; lãnh đạo rút lượt tính sai có lý do")
    void aTasksCreditsAreTitledLinkedAndWithdrawnWithAReason() {
        inBrowser("luot-tinh", "luot-tinh-that-bai", () -> {
            Plan plan = plan("Lượt tính");
            b.login(LEADER);
            credits("may-tinh", 1366, 768, plan, true);
            credits("dien-thoai", 390, 844, plan, false);
        });
    }

    private void credits(String screen, int width, int height, Plan plan, boolean problemsFirst) {
        String stamp = plan.stamp + "-" + screen;
        String task = plan.mixed;
        String rightTitle = "Phóng sự về kết quả CCHC quý IV " + stamp;
        String wrongTitle = "Phóng sự lễ hội truyền thống (không thuộc nhiệm vụ) " + stamp;
        String right = outsideItem(rightTitle, task);
        String wrong = outsideItem(wrongTitle, task);
        String activityTitle = "Đối thoại về cải cách hành chính " + stamp;
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kind", "DIALOGUE");
        a.put("title", activityTitle);
        a.put("heldOn", "2026-11-20");
        a.put("place", "Nhà văn hóa thôn");
        a.put("participants", 60);
        a.put("taskIds", List.of(task));
        Reply made = Api.post(EDITOR, "/api/activities", a);
        assertThat(made.status()).as("activity: %s", made).isEqualTo(201);
        String activity = made.json().path("id").asString();
        b.untilPolling("the task credited by two items and the activity", Duration.ofSeconds(60),
                Duration.ofSeconds(2), d -> {
                    JsonNode all = Api.get(LEADER, "/api/tasks/" + task).json().path("credits");
                    return countFor(all, right) == 1 && countFor(all, wrong) == 1 && countFor(all, activity) == 1;
                });
        String wrongCredit = null;
        for (JsonNode c : Api.get(LEADER, "/api/tasks/" + task).json().path("credits")) {
            if (wrong.equals(c.path("itemId").asString())) {
                wrongCredit = c.path("id").asString();
            }
        }
        assertThat(wrongCredit).as("the wrong item's credit").isNotNull();

        b.resize(width, height);
        go("#/nhiem-vu/" + task);
        b.waitText(By.id("page-title"), plan.mixedTitle);
        By itemRow = creditRow(right);
        By activityRow = creditRow(activity);
        b.until("the credits listed", d -> !d.findElements(itemRow).isEmpty() && !d.findElements(activityRow).isEmpty()
                && !d.findElements(creditRow(wrong)).isEmpty());
        b.until("titles shown", d -> b.text(testid("task-credits")).contains(activityTitle));
        String table = b.text(testid("task-credits"));
        assertThat(table).contains(rightTitle).contains(wrongTitle).contains(activityTitle)
                .doesNotContain(right).doesNotContain(wrong).doesNotContain(activity).doesNotContain("không xem được");
        assertThat(b.attribute(By.cssSelector(sel2(itemRow) + " [data-testid=\"credit-link\"]"), "href"))
                .endsWith("#/tin-bai/" + right);
        assertThat(b.attribute(By.cssSelector(sel2(activityRow) + " [data-testid=\"credit-link\"]"), "href"))
                .endsWith("#/hoat-dong/" + activity);
        assertThat(b.text(activityRow)).contains("hoạt động").contains("Đối thoại");
        scrollTo(testid("task-credits"));
        fits(width);
        b.screenshot("luot-tinh-" + screen);

        // each link opens its own page
        b.click(By.cssSelector(sel2(activityRow) + " [data-testid=\"credit-link\"]"));
        b.waitText(By.id("page-title"), activityTitle);
        assertThat(b.text(testid("activity-facts"))).contains("Nhà văn hóa thôn").doesNotContain("Không tìm thấy");
        fits(width);
        b.screenshot("trang-hoat-dong-" + screen);
        b.driver.navigate().back();
        b.click(By.cssSelector(sel2(itemRow) + " [data-testid=\"credit-link\"]"));
        b.waitText(By.id("page-title"), rightTitle);
        assertThat(b.text(By.tagName("main"))).doesNotContain("Không tìm thấy");
        b.screenshot("trang-tin-bai-" + screen);
        b.driver.navigate().back();

        // the leader withdraws the wrong credit with a reason (none refused first)
        String why = "Phóng sự lễ hội không thuộc nội dung CCHC của nhiệm vụ này " + stamp;
        By open = By.cssSelector("[data-testid=\"credit-withdraw-open\"][data-credit-id=\"" + wrongCredit + "\"]");
        b.click(open);
        b.find("credit-withdraw-form");
        if (problemsFirst) {
            b.click("credit-withdraw");
            b.until("the reason is asked for", d -> b.text(testid("credit-withdraw-form"))
                    .contains("Vui lòng nêu lý do rút lượt tính."));
            b.screenshot("thieu-ly-do-" + screen);
        }
        b.type("credit-withdraw-reason", why);
        fits(width);
        b.screenshot("rut-luot-tinh-" + screen);
        int before = credited(task);
        b.click("credit-withdraw");
        By withdrawal = By.cssSelector(sel2(creditRow(wrong)) + " [data-testid=\"credit-withdrawal\"]");
        b.until("the withdrawal shown on the row", d -> b.text(withdrawal).contains(why));
        assertThat(b.text(withdrawal)).startsWith("Lãnh đạo " + LEADER + " rút ngày");
        assertThat(b.attribute(creditRow(wrong), "class")).contains("withdrawn");
        assertThat(b.driver.findElements(open)).as("a withdrawn credit cannot be withdrawn again").isEmpty();
        assertThat(credited(task)).as("the count drops by one").isEqualTo(before - 1);
        JsonNode c = null;
        for (JsonNode x : Api.get(LEADER, "/api/tasks/" + task).json().path("credits")) {
            if (wrongCredit.equals(x.path("id").asString())) {
                c = x;
            }
        }
        assertThat(c).isNotNull();
        assertThat(c.path("withdrawn").path("reason").asString()).isEqualTo(why);
        assertThat(c.path("withdrawn").path("by").asString()).isEqualTo(LEADER);

        // the reason stays (a fresh load) and the total shown is the API's
        b.open("#/nhiem-vu/" + task);
        b.until("the withdrawal after a reload", d -> b.text(withdrawal).contains(why));
        assertThat(b.text(testid("task-credits"))).contains(rightTitle).contains(activityTitle);
        assertThat(b.text(By.tagName("main"))).containsPattern("Tổng đã tính\\s+" + credited(task) + "\\b");
        scrollTo(creditRow(wrong));
        fits(width);
        b.screenshot("da-rut-" + screen);
    }

    // ================================================================== fixtures (API)

    /** A plan of Kim Thành issued for this run with three tasks, and their ids in task-service. */
    record Plan(String stamp, String items, String activities, String activitiesTitle, String mixed,
            String mixedTitle) {
    }

    private Plan plan(String what) {
        long now = System.currentTimeMillis();
        String stamp = Long.toString(now, 36);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", now % 1_000_000 + "/KH-UBND"); // a commune's numbers are unique: one per run and flow
        p.put("title", "Tuyên truyền CCHC năm 2026 (" + what + ") " + stamp);
        p.put("place", "Kim Thành");
        p.put("issuedOn", "2026-01-05");
        p.put("period", Map.of("from", "2026-01-01", "to", "2026-12-31"));
        p.put("basis", List.of("Thực hiện Kế hoạch số 12/KH-UBND của UBND thành phố về CCHC năm 2026."));
        p.put("purposes", List.of("Nâng cao nhận thức của người dân về CCHC."));
        p.put("requirements", List.of("Bám sát chỉ đạo của thành phố."));
        p.put("themes", List.of("Kết quả CCHC của xã."));
        p.put("forms", List.of("Zalo OA, trang thông tin CCHC của thành phố, đối thoại."));
        p.put("duties", List.of(Map.of("unit", "Phòng Văn hóa - Xã hội", "items", List.of("Theo dõi, tổng hợp."))));
        p.put("recipients", List.of("UBND thành phố", "Lưu: VT, VHXH"));
        p.put("signer", Map.of("authority", "TM. ỦY BAN NHÂN DÂN", "delegation", "KT. CHỦ TỊCH",
                "title", "PHÓ CHỦ TỊCH", "name", "Nguyễn Văn Ký"));
        Reply created = Api.post(LEADER, "/api/plans", p);
        assertThat(created.status()).as("plan: %s", created).isEqualTo(201);
        String id = created.json().path("id").asString();
        String items = "Đăng tin CCHC trên Zalo OA và trang CCHC của thành phố " + stamp;
        String activities = "Tổ chức đối thoại, cuộc thi về CCHC " + stamp;
        String mixed = "Phóng sự và đối thoại về kết quả CCHC " + stamp;
        task(id, Map.of("title", items, "leadUnit", "Phòng Văn hóa - Xã hội", "productKinds", List.of("NEWS"),
                "channels", List.of("zalo-oa", "province-portal"), "quota", Map.of("count", 20, "per", "PLAN")));
        task(id, Map.of("title", activities, "leadUnit", "Văn phòng HĐND và UBND",
                "productKinds", List.of("DIALOGUE", "CONTEST"), "quota", Map.of("count", 4, "per", "PLAN")));
        task(id, Map.of("title", mixed, "leadUnit", "Phòng Văn hóa - Xã hội",
                "productKinds", List.of("REPORTAGE", "DIALOGUE"), "channels", List.of("press"),
                "quota", Map.of("count", 20, "per", "PLAN")));
        Reply issued = Api.post(LEADER, "/api/plans/" + id + "/issue", null);
        assertThat(issued.status()).as("issue: %s", issued).isEqualTo(200);
        Map<String, String> ids = b.untilPolling("task-service has the plan's 3 tasks (PlanIssued)",
                Duration.ofSeconds(60), Duration.ofSeconds(1), d -> {
                    Map<String, String> found = new LinkedHashMap<>();
                    for (JsonNode t : Api.get(LEADER, "/api/tasks?plan=" + id).json()) {
                        found.put(t.path("title").asString(), t.path("id").asString());
                    }
                    return found.size() == 3 ? found : null;
                });
        return new Plan(stamp, ids.get(items), ids.get(activities), activities, ids.get(mixed), mixed);
    }

    private static void task(String plan, Map<String, Object> task) {
        Reply r = Api.post(LEADER, "/api/plans/" + plan + "/tasks", task);
        assertThat(r.status()).as("task: %s", r).isEqualTo(201);
    }

    private static String approvedItem(String title, String kind, List<String> channels, String task) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", title);
        item.put("summary", "Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia.");
        item.put("body", "<p>UBND xã Kim Thành hướng dẫn người dân nộp hồ sơ trực tuyến.</p>");
        item.put("kind", kind);
        item.put("unit", "Phòng Văn hóa - Xã hội");
        item.put("channels", channels);
        item.put("taskIds", List.of(task));
        Reply created = Api.post(EDITOR, "/api/contents", item);
        assertThat(created.status()).as("item: %s", created).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(Api.post(EDITOR, "/api/contents/" + id + "/submit", null).status()).isEqualTo(200);
        Reply approved = Api.post(LEADER, "/api/contents/" + id + "/approve", null);
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(200);
        return id;
    }

    /** Approved and published on one manual channel: a request waits on the desk. */
    private static String publishedItem(String title, String channel, String task) {
        String id = approvedItem(title, "NEWS", List.of(channel), task);
        Reply r = Api.post(EDITOR, "/api/contents/" + id + "/publish", Map.of());
        assertThat(r.status()).as("publish: %s", r).isEqualTo(200);
        return id;
    }

    /** Approved and recorded as published in the press (outside publication): credited at once. */
    private static String outsideItem(String title, String task) {
        String id = approvedItem(title, "REPORTAGE", List.of(), task);
        Reply r = Api.post(EDITOR, "/api/contents/" + id + "/publications", Map.of("channel", "press",
                "url", "https://baohaiphong.vn/bai-" + id, "publishedAt",
                LocalDateTime.now(VIETNAM).minusHours(2).withSecond(0).withNano(0).toString()));
        assertThat(r.status()).as("outside publication: %s", r).isIn(200, 201);
        return id;
    }

    /** The desk's pending request of an item on a channel (manual-channel reads the request from Kafka). */
    private String pendingRequest(String item, String channel) {
        return b.untilPolling("the desk's request of " + item, Duration.ofSeconds(60), Duration.ofSeconds(2), d -> {
            for (JsonNode r : Api.get(EDITOR, "/api/manual-publications?status=PENDING&channel=" + channel).json()) {
                if (item.equals(r.path("itemId").asString())) {
                    return r.path("requestId").asString();
                }
            }
            return null;
        });
    }

    private static int credited(String task) {
        return Api.get(LEADER, "/api/tasks/" + task).json().path("credited").asInt();
    }

    private static int countFor(JsonNode credits, String item) {
        int n = 0;
        for (JsonNode c : credits) {
            boolean counted = c.path("withdrawn").isMissingNode() || c.path("withdrawn").isNull();
            if (item.equals(c.path("itemId").asString()) && counted) {
                n++;
            }
        }
        return n;
    }

    // ================================================================== the page

    private static String sel(String requestId) {
        return "[data-testid=\"manual-request\"][data-request-id=\"" + requestId + "\"]";
    }

    private static By request(String requestId) {
        return By.cssSelector(sel(requestId));
    }

    private static By creditRow(String itemId) {
        return By.cssSelector("[data-testid=\"task-credit\"][data-item-id=\"" + itemId + "\"]");
    }

    /** The CSS of a By made by cssSelector (to look inside it). */
    private static String sel2(By by) {
        return by.toString().replaceFirst("^By\\.cssSelector: ", "");
    }

    /** A control inside a request's card, looked up afresh (the desk re-renders after each answer). */
    private WebElement within(String requestId, String testid) {
        return b.until(testid + " in " + requestId, d -> {
            List<WebElement> found = d.findElements(By.cssSelector(sel(requestId) + " [data-testid=\"" + testid + "\"]"));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /**
     * To a route inside the app (a hash change, as a click on a link does). A full load only when already there: each
     * load in this tab leaves its live stream's connection open in Chromium (see e2e-tests/README.md), and a seventh
     * would wait for a free connection to the gateway.
     */
    private void go(String hash) {
        if (b.driver.getCurrentUrl().endsWith(hash)) {
            b.open(hash);
            return;
        }
        b.driver.executeScript("location.hash = arguments[0];", hash);
        b.until("at " + hash, d -> d.getCurrentUrl().endsWith(hash));
    }

    private static void type(WebElement e, String text) {
        e.clear();
        e.sendKeys(text);
    }

    private void scrollTo(By by) {
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", b.driver.findElement(by));
    }

    /** At phone width the page has no horizontal scrolling (a wide table scrolls inside its own box). */
    private void fits(int width) {
        if (width <= Browser.PHONE.width()) {
            b.fitsTheWindow();
        }
    }

    /** A photo of the dialogue (PNG), as the officer's phone would send one. */
    private static Path photo(String stamp) throws IOException {
        return Browser.photo("hoat-dong-tep", "anh-" + stamp + ".png", new Color(0x1F, 0x4E, 0x79), "DOI THOAI CCHC",
                "Kim Thanh " + stamp);
    }

    /** The minutes as a one-page PDF. */
    private static Path minutes(String stamp) throws IOException {
        String text = "Bien ban doi thoai " + stamp;
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        String stream = "BT /F1 14 Tf 72 770 Td (" + text + ") Tj ET";
        objects.set(3, "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int o : offsets) {
            pdf.append(String.format("%010d 00000 n \n", o));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        Path file = Files.createDirectories(Stack.DOWNLOADS.resolve("hoat-dong-tep"))
                .resolve("bien-ban-" + stamp + ".pdf");
        Files.writeString(file, pdf, StandardCharsets.US_ASCII);
        return file;
    }
}
