package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
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
 * Issue 19, the visual channel in a real Chromium on the running stack, on a real seed: Kỳ Lạc's plan 36/KH-UBND
 * (issued at {@code ./loa up} from plan-service's demo data) has the task "Tuyên truyền pano, áp phích, khẩu hiệu…",
 * whose channel is {@code truc-quan}. For each width — a desktop (1366×768) and a phone (390×844) — Kỳ Lạc's editor
 * opens an approved item (a pano), records the visual product with «Ghi nhận sản phẩm trực quan» (kind, place,
 * quantity, day dd/MM/yyyy, a photo from disk), sees it in the item's publications with its place, quantity and photo,
 * and the task's page shows the item credited on the visual channel (matched by channel and kind: the item names no
 * task). On the desktop the form's Vietnamese problems are shown first (no place, a day in the future). At 390 px
 * nothing is wider than the screen. Screenshots under {@code target/screenshots/visual-product/}.
 */
@DisplayName("Sản phẩm trực quan: ghi nhận pano kèm ảnh trên trình duyệt (máy tính, điện thoại), nhiệm vụ của Kỳ Lạc được tính")
class VisualProductTest extends BrowserTest {

    /**
     * The day the pano went up: today in the commune (never in the future, and inside the demo plan's period, which is
     * re-issued for the current year at every fresh start).
     */
    private static final String DAY = LocalDate.now(VIETNAM).format(DMY);

    static final String EDITOR = "ky-lac.editor";
    static final String LEADER = "ky-lac.leader";
    static final String KY_LAC = "18838";

    @Test
    @DisplayName("ky-lac.editor ghi nhận pano (máy tính và 390×844): kết quả có nơi đặt, số lượng, ảnh; nhiệm vụ được tính")
    void aPanoRecordedWithItsPhotoCreditsKyLacsVisualTask() throws IOException {
        inBrowser("visual-product", "san-pham-truc-quan-that-bai", this::journey);
    }

    private void journey() throws IOException {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String task = kyLacPanoTask();
        Path photo = photo(stamp);

        b.login(EDITOR);
        record("may-tinh", 1366, 768, stamp, task, photo, true);
        record("dien-thoai", 390, 844, stamp, task, photo, false);
        b.resize(Browser.DESKTOP);
    }

    /** Kỳ Lạc's seed plan and its pano task: a visual task that accepts the channel truc-quan. */
    private static String kyLacPanoTask() {
        JsonNode plans = Api.get(EDITOR, "/api/plans").json();
        String plan = null;
        for (JsonNode p : plans) {
            if (KY_LAC.equals(p.path("tenantId").asString()) && "36/KH-UBND".equals(p.path("number").asString())) {
                plan = p.path("id").asString();
            }
        }
        assertThat(plan).as("Kỳ Lạc's seed plan 36/KH-UBND, issued at ./loa up, in %s", plans).isNotNull();
        for (JsonNode t : Api.get(EDITOR, "/api/tasks?plan=" + plan).json()) {
            if (t.path("title").asString().startsWith("Tuyên truyền pano, áp phích, khẩu hiệu")) {
                JsonNode detail = Api.get(EDITOR, "/api/tasks/" + t.path("id").asString()).json();
                assertThat(detail.path("channels").toString()).as("the seed's visual task").contains("truc-quan");
                assertThat(detail.path("productKinds").toString()).contains("banner");
                return t.path("id").asString();
            }
        }
        throw new AssertionError("Kỳ Lạc's task «Tuyên truyền pano, áp phích, khẩu hiệu…» is not in plan " + plan);
    }

    /** An approved item about a pano, naming no task (it is matched by channel and kind), through the API. */
    private static String approvedItem(String title) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", title);
        item.put("summary", "Pano tuyên truyền cải cách hành chính, dịch vụ công trực tuyến tại trụ sở UBND xã.");
        item.put("body", "<p>Nội dung pano: Cải cách hành chính vì Nhân dân phục vụ.</p>");
        item.put("kind", "BANNER");
        item.put("unit", "Phòng Văn hóa - Xã hội");
        item.put("channels", List.of());
        Reply created = Api.post(EDITOR, "/api/contents", item);
        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(Api.post(EDITOR, "/api/contents/" + id + "/submit", null).status()).isEqualTo(200);
        Reply approved = Api.post(LEADER, "/api/contents/" + id + "/approve", null);
        assertThat(approved.status()).as("approve: %s", approved).isEqualTo(200);
        return id;
    }

    private void record(String screen, int width, int height, String stamp, String task, Path photo,
            boolean problemsFirst) {
        String title = "Pano tuyên truyền CCHC tại trụ sở UBND xã " + stamp + " (" + screen + ")";
        String item = approvedItem(title);
        int before = Api.get(EDITOR, "/api/tasks/" + task).json().path("credited").asInt();

        b.resize(width, height);
        b.open("#/tin-bai/" + item);
        b.waitText(By.id("page-title"), stamp);
        b.click("visual-open");
        b.find("visual-form");
        b.driver.executeScript("arguments[0].scrollIntoView();", b.find("visual-form"));
        b.screenshot(screen + "-bieu-mau");

        if (problemsFirst) {
            // the rules answer in Vietnamese next to their fields: no place, a day in the future
            new Select(b.find("visual-product")).selectByValue("BANNER");
            b.type("visual-published-on", "31/12/2099");
            b.driver.findElement(testid("visual-photo")).sendKeys(photo.toAbsolutePath().toString());
            b.click("visual-save");
            WebElement problem = b.find("problem");
            b.until("the form's problems", d -> problem.getText().contains("Vui lòng kiểm tra lại")
                    || problem.getText().contains("Vui lòng"));
            String errors = b.text("visual-form");
            assertThat(errors).contains("Vui lòng nhập nơi đặt, treo hoặc phát sản phẩm.")
                    .contains("không được ở tương lai");
            b.screenshot(screen + "-bieu-mau-bao-loi");
        }

        new Select(b.find("visual-product")).selectByValue("BANNER");
        b.type("visual-place", "Trụ sở UBND xã Kỳ Lạc; Điểm Bưu điện văn hóa xã");
        b.type("visual-quantity", "2");
        b.type("visual-published-on", DAY);
        if (!problemsFirst) {
            b.driver.findElement(testid("visual-photo")).sendKeys(photo.toAbsolutePath().toString());
        }
        b.screenshot(screen + "-bieu-mau-da-dien");
        b.click("visual-save");

        // the item: published on the visual channel, the product's card with its place, quantity and photo (the page
        // re-renders when the item changes, so every read looks the element up afresh)
        b.until("the recorded product's card", Duration.ofSeconds(30), d -> !d.findElements(
                By.cssSelector("[data-testid=\"visual-product-card\"][data-status=\"SUCCEEDED\"]")).isEmpty());
        b.until("item status PUBLISHED", d -> !d.findElements(
                By.cssSelector("#content-status [data-testid=\"status\"][data-status=\"PUBLISHED\"]")).isEmpty());
        assertThat(b.attribute(By.cssSelector("[data-testid=\"visual-product-card\"]"), "data-product")).isEqualTo("BANNER");
        assertThat(b.text(testid("visual-place-view"))).isEqualTo("Trụ sở UBND xã Kỳ Lạc; Điểm Bưu điện văn hóa xã");
        assertThat(b.text(testid("visual-quantity-view"))).isEqualTo("2");
        assertThat(b.text(testid("visual-day-view"))).isEqualTo(DAY);
        assertThat(b.text(testid("visual-product-label"))).isEqualTo("Pano, băng rôn, khẩu hiệu");
        b.until("the photo is shown", d -> Boolean.TRUE.equals(b.driver.executeScript(
                "const i = document.querySelector('[data-testid=\"visual-photo-view\"]');"
                        + " return !!i && i.complete && i.naturalWidth > 0;")));
        assertThat(b.text(By.cssSelector(
                "[data-testid=\"publication\"][data-channel=\"truc-quan\"][data-status=\"SUCCEEDED\"]")))
                .contains("Trực quan").contains(DAY).contains("Trụ sở UBND xã Kỳ Lạc; Điểm Bưu điện văn hóa xã");
        assertThat(b.driver.findElements(testid("visual-open"))).as("one product per item: the button is gone")
                .isEmpty();
        b.driver.executeScript("document.getElementById('visual-products').scrollIntoView();");
        if (width <= 390) {
            b.fitsTheWindow();
        }
        b.screenshot(screen + "-san-pham-da-ghi-nhan");

        // the task: credited by this item on the visual channel (matched: the item names no task)
        b.untilPolling("the task is credited by the pano", Duration.ofSeconds(60), Duration.ofSeconds(2), d ->
                Api.get(EDITOR, "/api/tasks/" + task).json().path("credited").asInt() == before + 1);
        JsonNode credit = null;
        for (JsonNode c : Api.get(EDITOR, "/api/tasks/" + task).json().path("credits")) {
            if (item.equals(c.path("itemId").asString())) {
                credit = c;
            }
        }
        assertThat(credit).as("the task's credit of item %s", item).isNotNull();
        assertThat(credit.path("channel").asString()).isEqualTo("truc-quan");
        assertThat(credit.path("kind").asString()).isEqualTo("banner");
        assertThat(credit.path("basis").asString()).isEqualTo("MATCHED");
        b.open("#/nhiem-vu/" + task);
        By creditRow = By.cssSelector("[data-testid=\"task-credit\"][data-item-id=\"" + item + "\"]");
        b.until("the task page lists the pano's credit", d -> !d.findElements(creditRow).isEmpty());
        assertThat(b.text(creditRow)).contains("Trực quan").contains("Tự khớp");
        b.driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", b.driver.findElement(creditRow));
        if (width <= 390) {
            b.fitsTheWindow();
        }
        b.screenshot(screen + "-nhiem-vu-duoc-tinh");
    }

    /** A photo of a "pano" made here (PNG), as the officer's phone would send one. */
    private static Path photo(String stamp) throws IOException {
        return Browser.photo("visual-product-photos", "pano-" + stamp + ".png", new Color(0xB7, 0x1C, 0x1C),
                "PANO CCHC", "Ky Lac " + stamp);
    }
}
