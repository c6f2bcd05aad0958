package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import vn.loa.client.GatewayClient.Reply;

/**
 * Engagement on the running stack (issue 21): an item Kim Thành publishes on its portal is read on the public page
 * (a real GET through the gateway) — its views move on the commune's dashboard, in the province's, and in the
 * report of the running quarter (json and the Word file's «Hiệu quả tuyên truyền»); the same item recorded on the
 * commune's Facebook page gets its reach typed by the editor (POST /api/contents/{id}/engagement), which moves the
 * item's figures and the dashboard; another commune sees none of it and may not type on it. In the browser, the item
 * page shows its figures per channel and the dashboard draws the engagement chart.
 */
@DisplayName("Hiệu quả tuyên truyền: lượt xem trang công khai, số liệu nhập tay, bảng theo dõi và báo cáo")
class EngagementTest extends BrowserTest {

    static final String EDITOR = "kim-thanh.editor";
    static final String LEADER = "kim-thanh.leader";
    static final String REVIEWER = "hai-phong.viewer";
    static final String OTHER = "bach-mai.editor";
    private static String item;
    private static String title;

    static ConditionFactory eventually(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1));
    }

    /** An item published on Kim Thành's portal and read once on its public page (made once per run). */
    static synchronized String readItem() {
        if (item != null) {
            return item;
        }
        title = "Hướng dẫn nộp hồ sơ trực tuyến — kiểm thử lượt xem " + Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("summary", "Người dân nộp hồ sơ trực tuyến tại nhà.");
        draft.put("body", "<p>Từ tháng này, bộ phận một cửa hướng dẫn nộp hồ sơ trực tuyến.</p>");
        draft.put("kind", "NEWS");
        draft.put("channels", List.of("portal"));
        String id = ok(Api.post(EDITOR, "/api/contents", draft), 201).json().path("id").asString();
        ok(Api.post(EDITOR, "/api/contents/" + id + "/submit", null), 200);
        ok(Api.post(LEADER, "/api/contents/" + id + "/approve", null), 200);
        ok(Api.post(LEADER, "/api/contents/" + id + "/publish", Map.of()), 200);
        eventually("the portal published " + id).until(() -> Api.get(EDITOR, "/api/contents/" + id).json()
                .path("publications").valueStream().anyMatch(p -> "portal".equals(p.path("channel").asString())
                        && "SUCCEEDED".equals(p.path("status").asString())));

        // a reader opens the public page three times and the feed once: one view, one feed fetch (one visitor a day)
        for (int i = 0; i < 3; i++) {
            Reply page = Api.call("GET", "/p/" + Stack.KIM_THANH + "/cchc/" + id, null, null,
                    Map.of("Accept", "text/html"));
            assertThat(page.status()).as("the public page").isEqualTo(200);
            assertThat(page.body()).contains(title);
        }
        assertThat(Api.call("GET", "/p/" + Stack.KIM_THANH + "/cchc/feed.atom", null, null, Map.of()).status())
                .isEqualTo(200);
        item = id;
        return id;
    }

    private static Reply ok(Reply r, int status) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        return r;
    }

    private static JsonNode topItem(JsonNode engagement, String id) {
        return engagement.path("topItems").valueStream().filter(i -> id.equals(i.path("itemId").asString()))
                .findFirst().orElse(null);
    }

    private static long figure(JsonNode figures, String key) {
        return figures.valueStream().filter(f -> key.equals(f.path("key").asString()))
                .mapToLong(f -> f.path("count").asLong()).sum();
    }

    @Test
    @DisplayName("đọc trang công khai → lượt xem lên bảng theo dõi và báo cáo; nhập lượt tiếp cận Facebook → số liệu của tin, bài")
    void aPageReadMovesTheDashboardAndTheReportAndATypedReachMovesTheItem() throws Exception {
        String id = readItem();

        // the view reaches the commune's dashboard (portal → outbox → Kafka → report-service): exactly one
        JsonNode row = eventually("the view of " + id + " on the dashboard").until(
                () -> topItem(Api.get(EDITOR, "/api/dashboard").json().path("engagement"), id),
                r -> r != null && figure(r.path("figures"), "views") >= 1);
        assertThat(figure(row.path("figures"), "views")).as("one reader, one view a day").isEqualTo(1);
        assertThat(row.path("title").asString()).isEqualTo(title);
        JsonNode dashboard = Api.get(EDITOR, "/api/dashboard").json().path("engagement");
        assertThat(figure(dashboard.path("totals"), "feedFetches")).isPositive();
        assertThat(dashboard.path("byDay").size()).isEqualTo(30);
        // …and the item's own figures (content-service)
        eventually("the view on the item").until(() -> Api.get(EDITOR, "/api/contents/" + id).json()
                .path("engagement").valueStream().filter(e -> "portal".equals(e.path("channel").asString()))
                .mapToLong(e -> e.path("views").asLong()).sum(), v -> v == 1);

        // the province sees it in its aggregate, and its reviewer in Kim Thành's row
        JsonNode province = Api.get(REVIEWER, "/api/dashboard/province").json();
        assertThat(province.path("communes").valueStream().filter(r -> Stack.KIM_THANH.equals(r.path("code")
                .asString())).findFirst().orElseThrow().path("reached").asLong()).isPositive();
        assertThat(province.path("engagement").path("reached").asLong()).isPositive();

        // the report of the running quarter counts it, json and Word
        String period = province.path("reportPeriod").asString();
        JsonNode report = ok(Api.get(EDITOR, "/api/reports/" + period), 200).json();
        assertThat(topItem(report.path("engagement"), id)).as("%s in the report %s", id, period).isNotNull();
        String docx = documentXml(download(EDITOR, "/api/reports/" + period + "?format=docx"));
        assertThat(docx).contains("Hiệu quả tuyên truyền").contains(title);

        // the editor records the item's Facebook post and types its reach as read on the page
        String now = LocalDateTime.now(VIETNAM).minusMinutes(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
        ok(Api.post(EDITOR, "/api/contents/" + id + "/publications", Map.of("channel", "facebook",
                "url", "https://facebook.com/ubndxakimthanh/posts/" + id, "publishedAt", now)), 201);
        long reachedBefore = Api.get(EDITOR, "/api/dashboard").json().path("engagement").path("reached").asLong();
        Reply refused = Api.post(EDITOR, "/api/contents/" + id + "/engagement", Map.of("channel", "facebook",
                "reach", -5));
        Api.assertVietnameseProblem(refused, 400);
        ok(Api.post(EDITOR, "/api/contents/" + id + "/engagement", Map.of("channel", "facebook", "reach", 321,
                "reactions", 12, "shares", 3)), 202);
        eventually("the typed reach on the item").until(() -> Api.get(EDITOR, "/api/contents/" + id).json()
                .path("engagement").valueStream().filter(e -> "facebook".equals(e.path("channel").asString()))
                .mapToLong(e -> e.path("reach").asLong()).sum(), r -> r == 321);
        eventually("the typed reach on the dashboard").until(() -> Api.get(EDITOR, "/api/dashboard").json()
                .path("engagement").path("reached").asLong(), r -> r >= reachedBefore + 321);

        // Bạch Mai: not its item (404), and its dashboard never shows Kim Thành's
        Api.assertVietnameseProblem(Api.post(OTHER, "/api/contents/" + id + "/engagement",
                Map.of("channel", "facebook", "reach", 999)), 404);
        assertThat(topItem(Api.get(OTHER, "/api/dashboard").json().path("engagement"), id)).isNull();
    }

    @Test
    @DisplayName("trình duyệt: số liệu theo kênh trên trang tin, bài; biểu đồ hiệu quả tuyên truyền trên bảng theo dõi")
    void theItemShowsItsFiguresAndTheDashboardDrawsTheChart() {
        String id = readItem();
        eventually("the view on the item").until(() -> Api.get(EDITOR, "/api/contents/" + id).json()
                .path("engagement").size(), n -> n > 0);
        inBrowser("engagement", "hieu-qua-tuyen-truyen-that-bai", () -> {
            b.login(EDITOR);
            b.open("#/tin-bai/" + id);
            b.find("content-engagement");
            By portalViews = By.cssSelector("[data-testid=\"engagement-row\"][data-channel=\"portal\"]"
                    + " [data-testid=\"engagement-views\"]");
            b.until("the portal's views on the item", d -> !d.findElements(portalViews).isEmpty()
                    && Integer.parseInt(d.findElement(portalViews).getText().replace(".", "")) >= 1);
            b.driver.executeScript("document.getElementById('engagement').scrollIntoView()");
            b.screenshot("tin-bai-hieu-qua-tuyen-truyen");

            b.open("#/bang-theo-doi");
            b.find("dashboard-engagement");
            b.until("the engagement chart is drawn", d -> !d.findElements(
                    By.cssSelector("#chart-engagement svg path")).isEmpty());
            assertThat(b.driver.findElements(By.cssSelector("[data-testid=\"engagement-top-item\"][data-item-id=\""
                    + id + "\"]"))).as("the item among the most read").isNotEmpty();
            assertThat(Long.parseLong(b.text("stat-reached").replaceAll("\\D", ""))).isPositive();
            b.driver.executeScript("document.getElementById('dashboard-engagement').scrollIntoView()");
            b.screenshot("bang-theo-doi-bieu-do-hieu-qua");
            b.logout();

            b.login(REVIEWER);
            b.open("#/bang-theo-doi");
            b.find("province-dashboard");
            b.until("the province's engagement chart", d -> !d.findElements(
                    By.cssSelector("#chart-engagement svg path")).isEmpty());
            b.driver.executeScript("document.getElementById('dashboard-engagement').scrollIntoView()");
            b.screenshot("bang-tong-hop-tinh-hieu-qua");
        });
    }

    private static byte[] download(String user, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Stack.BASE + path))
                .header("Authorization", "Bearer " + Api.token(user)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
        return r.body();
    }

    private static String documentXml(byte[] docx) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no word/document.xml in the report");
    }
}
