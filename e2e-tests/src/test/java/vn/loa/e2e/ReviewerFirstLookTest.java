package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.loa.client.GatewayClient.Reply;

/**
 * The first look on the demo stack, in a real Chromium: the seed communes' plans run this year and carry a history —
 * Bạch Mai's dashboard shows tasks done, at risk and behind, and periods that do not apply; the province has one
 * report accepted and one returned. Then the province reviewer's flow: Hải Phòng's table of communes (a commune at risk
 * coloured), the drill-down into a commune, and in the report screen one commune's report accepted and another's
 * returned with a reason — at desktop width, then again at 390 × 844. Screenshots in target/screenshots/first-look and
 * province-review.
 *
 * <p>The reviewed reports are of quarters nobody has sent up yet, counting down from the fourth quarter of 2090 (far
 * from the demo's and from ReportSignatureTest's), sent up by the communes' leaders through the API first. Its name
 * puts it before RateLimitTest in the suite's reverse alphabetical order (the bursts must not touch its logins).
 */
@DisplayName("Lần đầu mở: dữ liệu mẫu của năm nay; tỉnh xem bảng tổng hợp, xem từng xã, tiếp nhận và trả lại báo cáo")
class ReviewerFirstLookTest extends BrowserTest {

    static final String REVIEWER = "hai-phong.viewer";
    static final String KIM_THANH = Stack.KIM_THANH;
    static final String TIEN_MINH = "11791";
    static final String NGUYEN_LUONG_BANG = "11242";

    @Test
    @DisplayName("bach-mai.leader thấy nhiệm vụ đã hoàn thành, có nguy cơ, không đạt và kỳ không áp dụng; tỉnh đã có báo cáo tiếp nhận và trả lại")
    void theFirstLookIsAlive() {
        // one folder of screenshots per test, numbered in the order taken
        inBrowser("first-look", "lan-dau-that-bai", this::firstLook);
    }

    @Test
    @DisplayName("hai-phong.viewer: bảng tổng hợp, xem một xã, tiếp nhận một báo cáo và trả lại một báo cáo (máy tính và điện thoại)")
    void theProvinceReviewersFlow() {
        inBrowser("province-review", "tinh-duyet-that-bai", () -> {
            b.login(REVIEWER);
            review(quarterFreeForBoth(2090), "may-tinh");
            b.resize(Browser.PHONE);
            review(quarterFreeForBoth(2090), "dien-thoai");
        });
    }

    private void firstLook() {
        int year = LocalDate.now(VIETNAM).getYear();
        // 1. the demo plans run this year; the history arrives over the broker: wait for Bạch Mai's last credit
        JsonNode plans = Api.get("bach-mai.leader", "/api/plans").json();
        assertThat(plans.valueStream().filter(p -> p.path("id").asString().startsWith("demo-")).toList())
                .singleElement().satisfies(p -> {
                    assertThat(p.path("status").asString()).isEqualTo("ISSUED");
                    assertThat(p.path("title").asString()).endsWith("năm " + year);
                });
        JsonNode stats = b.untilPolling("Bạch Mai's dashboard has its history (done, at risk, missed)",
                Duration.ofMinutes(4), Duration.ofSeconds(5), d -> {
                    JsonNode s = Api.get("bach-mai.leader", "/api/dashboard").json().path("taskSummary");
                    return s.path("done").asInt() >= 3 && s.path("atRisk").asInt() >= 1
                            && s.path("behind").asInt() + s.path("overdue").asInt() >= 1 ? s : null;
                });

        // a phường is never called a xã: Bạch Mai's own portal and radio are the phường's
        List<String> channels = Api.get("bach-mai.leader", "/api/dashboard").json().path("publications")
                .path("byChannel").valueStream().map(c -> c.path("label").asString()).toList();
        assertThat(channels).contains("Đài truyền thanh phường", "Trang thông tin điện tử phường")
                .noneMatch(label -> label.contains(" xã"));
        assertThat(Api.get("bach-mai.editor", "/api/channels").json().valueStream()
                .map(c -> c.path("displayName").asString()).toList())
                .anyMatch(name -> name.startsWith("Đài truyền thanh phường")).noneMatch(name -> name.contains(" xã"));

        // 2. in the browser: the colours of the dashboard
        b.login("bach-mai.leader");
        b.click("nav-dashboard");
        b.find("dashboard-tasks");
        b.until("the task table is filled", d -> !d.findElements(testid("dashboard-task")).isEmpty());
        assertThat(number("stat-done")).isEqualTo(stats.path("done").asInt()).isPositive();
        assertThat(number("stat-at-risk")).isPositive();
        assertThat(number("stat-missed")).isPositive();
        assertThat(b.text(testid("dashboard-tasks"))).as("a missed month and periods that do not apply")
                .contains("Không đạt:").contains("Không áp dụng");
        assertThat(b.driver.findElements(By.cssSelector("[data-testid=\"dashboard-tasks\"] .badge-task-done")))
                .isNotEmpty();
        assertThat(b.driver.findElements(By.cssSelector("[data-testid=\"dashboard-tasks\"] .badge-task-at_risk")))
                .isNotEmpty();
        assertThat(b.driver.findElements(By.cssSelector(
                "[data-testid=\"dashboard-tasks\"] .badge-task-behind, [data-testid=\"dashboard-tasks\"] .badge-task-overdue")))
                .isNotEmpty();
        b.screenshot("bach-mai-bang-theo-doi");
        scrollTo("dashboard-tasks");
        b.screenshot("bach-mai-nhiem-vu-trong-ky");
        b.resize(Browser.PHONE);
        // the charts follow the window's size (a debounced resize): nothing wider than the screen once they have
        b.until("nothing wider than 390 px on the dashboard (overflow " + b.overflow() + " px)", d -> b.overflow() <= 0);
        scrollTo("dashboard-stats");
        b.screenshot("bach-mai-bang-theo-doi-dien-thoai");
        scrollTo("dashboard-tasks");
        b.screenshot("bach-mai-nhiem-vu-dien-thoai");
        b.resize(Browser.DESKTOP);

        // 3. the province reviewed the last closed quarter: Kim Thành's accepted, Nguyễn Lương Bằng's returned
        String quarter = lastClosedQuarter();
        if (quarter == null) {
            return; // early in the year no quarter of this year has closed: the demo reviews nothing yet
        }
        JsonNode accepted = b.untilPolling("the demo's reviewed reports of " + quarter, Duration.ofMinutes(4),
                Duration.ofSeconds(5), d -> {
                    JsonNode s = Api.get(REVIEWER, "/api/reports/" + quarter + "/submission?commune=" + KIM_THANH).json();
                    return "ACCEPTED".equals(s.path("state").asString()) ? s : null;
                });
        assertThat(accepted.path("frozenAt").isNull()).isFalse();
        JsonNode returned = Api.get(REVIEWER, "/api/reports/" + quarter + "/submission?commune=" + NGUYEN_LUONG_BANG)
                .json();
        assertThat(returned.path("state").asString()).isEqualTo("RETURNED");
        assertThat(returned.path("reason").asString()).isNotBlank();
    }

    /** One round of review at the window's current size: table, drill-down, accept one report, return another. */
    private void review(int[] yq, String size) {
        int year = yq[0];
        int q = yq[1];
        String period = year + "-Q" + q;
        for (String leader : List.of("kim-thanh.leader", "tien-minh.leader")) {
            Reply sent = Api.post(leader, "/api/reports/" + period + "/submit", null);
            assertThat(sent.status()).as("%s submits %s: %s", leader, period, sent).isEqualTo(200);
        }

        // the province's table: the three demo communes of Hải Phòng, Tiên Minh coloured at risk
        b.click(mobile() ? openMenu("nav-dashboard") : "nav-dashboard");
        b.find("province-table");
        b.until("the rows of the demo communes", d -> d.findElements(testid("province-row")).size() >= 3);
        By tienMinh = By.cssSelector("[data-testid=\"province-row\"][data-code=\"" + TIEN_MINH + "\"]");
        assertThat(b.attribute(tienMinh, "class")).as("Tiên Minh owes a dialogue: at risk").contains("row-risk");
        assertThat(b.text(testid("stat-submitted"))).isNotBlank();
        b.screenshot("tinh-bang-tong-hop-" + size);

        // drill down into Tiên Minh: its own dashboard, read-only for the province
        b.click(By.cssSelector("[data-testid=\"province-row\"][data-code=\"" + TIEN_MINH
                + "\"] [data-testid=\"province-drill\"]"));
        b.waitText(By.id("page-title"), "Tiên Minh");
        b.until("Tiên Minh's tasks", d -> !d.findElements(testid("dashboard-task")).isEmpty());
        assertThat(number("stat-done")).as("Tiên Minh's history credited its tasks").isPositive();
        assertThat(number("stat-at-risk")).isPositive();
        b.screenshot("tinh-xem-xa-tien-minh-" + size);
        b.click(By.id("dashboard-back"));
        b.find("province-table");

        // the report screen: Kim Thành's report accepted
        b.click(mobile() ? openMenu("nav-reports") : "nav-reports");
        openReport(KIM_THANH, year, q);
        assertThat(state()).isEqualTo("SUBMITTED");
        b.screenshot("tinh-bao-cao-cho-tiep-nhan-" + size);
        b.click("report-accept");
        b.until("Kim Thành's report accepted", d -> "ACCEPTED".equals(state()));
        b.waitText(testid("notice"), "Đã tiếp nhận báo cáo");
        b.screenshot("tinh-da-tiep-nhan-" + size);

        // Tiên Minh's report returned, with a reason
        openReport(TIEN_MINH, year, q);
        assertThat(state()).isEqualTo("SUBMITTED");
        b.click("report-return-open");
        b.click("report-return"); // without a reason: report-service's Vietnamese problem, nothing changes
        b.waitText(testid("problem"), "lý do");
        assertThat(state()).isEqualTo("SUBMITTED");
        String reason = "Đề nghị bổ sung kết quả đối thoại với Nhân dân trong quý " + q + " (" + size + ").";
        b.type("report-return-reason", reason);
        b.screenshot("tinh-tra-lai-ly-do-" + size);
        b.click("report-return");
        b.until("Tiên Minh's report returned", d -> "RETURNED".equals(state()));
        assertThat(b.text(testid("report-submission"))).contains("Lý do trả lại: " + reason);
        if (mobile()) {
            b.until("nothing wider than 390 px on the report screen (overflow " + b.overflow() + " px)",
                    d -> b.overflow() <= 0);
        }
        b.screenshot("tinh-da-tra-lai-" + size);

        // what the communes see
        assertThat(Api.get("kim-thanh.leader", "/api/reports/" + period + "/submission").json().path("state")
                .asString()).isEqualTo("ACCEPTED");
        JsonNode back = Api.get("tien-minh.leader", "/api/reports/" + period + "/submission").json();
        assertThat(back.path("state").asString()).isEqualTo("RETURNED");
        assertThat(back.path("reason").asString()).isEqualTo(reason);
    }

    private void openReport(String commune, int year, int q) {
        new Select(b.find("report-commune")).selectByValue(commune);
        new Select(b.find("report-kind")).selectByValue("Q");
        b.type("report-year", Integer.toString(year));
        new Select(b.find("report-number")).selectByValue(Integer.toString(q));
        b.click("report-preview");
        b.waitText(By.id("report-title"), "năm " + year);
        b.waitText(By.id("report-title"), commune.equals(KIM_THANH) ? "Kim Thành" : "Tiên Minh");
        b.find("report-state");
    }

    /** The state the report screen shows, read afresh (the screen re-renders after each action). */
    private String state() {
        return b.attribute(testid("report-state"), "data-state");
    }

    private void scrollTo(String testid) {
        b.driver.executeScript("arguments[0].scrollIntoView();", b.find(testid));
    }

    private boolean mobile() {
        return b.innerWidth() <= 760;
    }

    /** At phone width the nav is behind "Danh mục": opens it and gives the link's test id. */
    private String openMenu(String link) {
        if (!b.driver.findElement(testid(link)).isDisplayed()) {
            b.click("menu-toggle");
            b.until(link + " shown", d -> d.findElement(testid(link)).isDisplayed());
        }
        return link;
    }

    private int number(String testid) {
        return Integer.parseInt(b.text(By.cssSelector("[data-testid=\"" + testid + "\"] .stat-value"))
                .replaceAll("[^0-9]", ""));
    }

    /** The last quarter of this year whose report window (to the 14th of its last month) has closed. */
    private static String lastClosedQuarter() {
        LocalDate today = LocalDate.now(VIETNAM);
        for (int q = 4; q >= 1; q--) {
            if (LocalDate.of(today.getYear(), q * 3, 14).isBefore(today)) {
                return today.getYear() + "-Q" + q;
            }
        }
        return null;
    }

    /** A quarter that neither Kim Thành nor Tiên Minh has sent up, counting down from {@code from}'s fourth. */
    private static int[] quarterFreeForBoth(int from) {
        for (int year = from; year >= 2030; year--) {
            for (int q = 4; q >= 1; q--) {
                String period = year + "-Q" + q;
                if (draft("kim-thanh.leader", period) && draft("tien-minh.leader", period)) {
                    return new int[] {year, q};
                }
            }
        }
        throw new AssertionError("every quarter from 2030 to " + from + " has been sent up: reset the demo data");
    }

    private static boolean draft(String user, String period) {
        Reply r = Api.get(user, "/api/reports/" + period + "/submission");
        assertThat(r.status()).as("submission of %s: %s", period, r).isEqualTo(200);
        return "DRAFT".equals(r.json().path("state").asString());
    }
}
