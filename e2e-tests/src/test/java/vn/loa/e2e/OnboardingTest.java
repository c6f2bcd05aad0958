package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20 in a real Chromium, through Keycloak's real pages, on the running stack, without touching the realm: the
 * system administrator activates a commune of Hải Phòng that is not one of the five seed communes and creates its
 * administrator; that administrator logs in with the temporary password, Keycloak makes them choose a new one, and
 * they add an editor and a leader; the editor drafts a plan, the leader issues it; Kim Thành's staff see none of it.
 * Screenshots in target/screenshots/onboarding.
 */
@DisplayName("Đưa một xã, phường mới vào Loa: kích hoạt, quản trị xã, biên tập viên, lãnh đạo, kế hoạch")
class OnboardingTest extends BrowserTest {

    static final String SYSADMIN = "admin";
    static final String FIRST_PASSWORD = "TamThoi@2026";
    static final String NEW_PASSWORD = "MatKhauMoi@2026";
    static final String STAFF_PASSWORD = "CanBo@2026xa";

    @Test
    @DisplayName("quản trị hệ thống kích hoạt xã mới; quản trị xã thêm người; kế hoạch được ban hành; xã khác không thấy")
    void aNewCommuneFromActivationToAnIssuedPlan() {
        inBrowser("onboarding", "that-bai-failure", this::onboarding);
    }

    @Test
    @DisplayName("quản trị hệ thống kích hoạt mọi xã, phường của Hà Tĩnh một lần, thấy tiến độ và kết quả")
    void aWholeProvinceActivatedAtOnceWithItsProgress() {
        inBrowser("onboarding-province", "that-bai-failure", () -> {
            JsonNode before = Api.get(SYSADMIN, "/api/admin/communes?province=42").json();
            int total = before.size();
            long waiting = before.valueStream().filter(c -> !c.path("active").asBoolean()).count();
            login(SYSADMIN, Api.PASSWORD);
            b.open("#/quan-tri?tinh=42");
            b.waitText(testid("admin-summary"), "Tỉnh Hà Tĩnh: " + total + " xã, phường, đặc khu");
            b.click("admin-province-activate");
            Alert confirm = b.wait.until(ExpectedConditions.alertIsPresent());
            assertThat(confirm.getText()).isEqualTo("Kích hoạt " + waiting + " xã, phường chưa hoạt động của Tỉnh Hà Tĩnh?");
            confirm.accept();
            b.waitText(testid("admin-province-progress-text"), "Xong: " + total + "/" + total + ".");
            assertThat(b.attribute("admin-province-progress", "value")).isEqualTo(String.valueOf(total));
            b.waitText(testid("notice"), "Đã kích hoạt " + waiting + " xã, phường của Tỉnh Hà Tĩnh; "
                    + (total - waiting) + " đã hoạt động từ trước.");
            b.waitText(testid("admin-summary"), total + " đang hoạt động");
            assertThat(b.attribute(By.cssSelector("[data-testid=\"admin-province\"] option[value=\"42\"]"), "textContent"))
                    .as("the province picker's count follows").isEqualTo("Tỉnh Hà Tĩnh (" + total + "/" + total + ")");
            assertThat(b.driver.findElements(By.cssSelector("[data-testid=\"commune-state\"][data-active=\"false\"]")))
                    .isEmpty();
            b.screenshot("kich-hoat-ca-tinh");
            assertThat(Api.get(SYSADMIN, "/api/admin/communes?province=42").json().valueStream()
                    .filter(c -> !c.path("active").asBoolean()).map(c -> c.path("code").asString())).isEmpty();
        });
    }

    private void onboarding() {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        // a commune of Hải Phòng nobody has activated yet (each run takes the next one: 114 are there)
        JsonNode communes = Api.get(SYSADMIN, "/api/admin/communes?province=31").json();
        JsonNode commune = null;
        for (JsonNode c : communes) {
            if (!c.path("active").asBoolean()) {
                commune = c;
                break;
            }
        }
        assertThat(commune).as("an inactive commune of Hải Phòng among %s", communes.size()).isNotNull();
        String code = commune.path("code").asString();
        String name = commune.path("name").asString();
        String adminUser = "e2e-" + stamp + ".admin";
        String editorUser = "e2e-" + stamp + ".editor";
        String leaderUser = "e2e-" + stamp + ".leader";
        LocalDate today = LocalDate.now(VIETNAM);
        String planNumber = "01-" + stamp + "/KH-UBND";
        String planTitle = "Kế hoạch tuyên truyền CCHC năm " + today.getYear() + " của " + name + " (" + stamp + ")";

        // 1. the system administrator opens Quản trị (its home), finds the commune and activates it
        login(SYSADMIN, Api.PASSWORD);
        b.find("admin-communes");
        assertThat(b.driver.getCurrentUrl()).contains("#/quan-tri");
        assertThat(b.find("nav-admin").getText()).isEqualTo("Quản trị");
        b.type("admin-commune-search", name.replaceFirst("^(Xã|Phường|Đặc khu) ", ""));
        By row = By.cssSelector("[data-testid=\"commune-row\"][data-code=\"" + code + "\"]");
        assertThat(b.text(row)).contains(name).contains("Chưa kích hoạt");
        b.screenshot("quan-tri-danh-sach-xa");
        b.click(By.cssSelector("[data-testid=\"commune-activate\"][data-code=\"" + code + "\"]"));
        b.until("the commune shows active", d -> d.findElements(By.cssSelector("[data-testid=\"commune-row\"][data-code=\""
                + code + "\"] [data-testid=\"commune-state\"][data-active=\"true\"]")).size() == 1);
        b.waitText(testid("notice"), "Đã kích hoạt " + name);
        b.screenshot("da-kich-hoat");

        // 2. … and creates its administrator with a temporary password
        b.click(By.cssSelector("[data-testid=\"commune-people-link\"][data-code=\"" + code + "\"]"));
        b.waitText(By.id("page-title"), "Tài khoản — " + name);
        addPerson(adminUser, "Trần Thị Bình", "ADMIN", FIRST_PASSWORD, true);
        showPeople();
        b.screenshot("quan-tri-xa-duoc-tao");

        // at phone width the people page fits the screen
        b.driver.manage().window().setSize(new Dimension(390, 844));
        b.until("the page is laid out for 390 px", d -> ((Number) b.driver.executeScript(
                "return window.innerWidth;")).intValue() <= 390);
        assertThat(((Number) b.driver.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;")).intValue())
                .as("horizontal overflow of the people page at 390 px").isLessThanOrEqualTo(0);
        b.screenshot("tai-khoan-dien-thoai");
        b.driver.manage().window().setSize(new Dimension(1366, 768));
        b.logout();

        // 3. the new administrator logs in: Keycloak asks for a new password first
        b.driver.get(Stack.BASE + "/");
        b.click("login-button");
        keycloakCredentials(adminUser, FIRST_PASSWORD);
        WebElement newPassword = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        b.screenshot("keycloak-doi-mat-khau");
        newPassword.sendKeys(NEW_PASSWORD);
        b.driver.findElement(By.id("password-confirm")).sendKeys(NEW_PASSWORD);
        b.click(By.id("kc-submit"));
        b.waitText(testid("who-user"), adminUser);
        assertThat(b.find("who-tenant").getAttribute("data-tenant")).isEqualTo(code);

        // 4. … and adds an editor and a leader from Quản trị (straight to the commune's own people)
        b.click("nav-admin");
        b.waitText(By.id("page-title"), "Tài khoản — " + name);
        assertThat(b.driver.findElements(testid("admin-back"))).as("a commune administrator has no province list")
                .isEmpty();
        addPerson(editorUser, "Lê Văn Cường", "EDITOR", STAFF_PASSWORD, false);
        addPerson(leaderUser, "Phạm Thị Dung", "LEADER", STAFF_PASSWORD, false);
        assertThat(b.find("admin-people").getText()).contains(adminUser, editorUser, leaderUser)
                .contains("Biên tập viên", "Lãnh đạo", "Quản trị xã, phường");
        showPeople();
        b.screenshot("quan-tri-xa-them-nguoi");
        // … and its units: a unit added to the list, its kind told by its name
        b.type("unit-name", "Văn phòng HĐND và UBND");
        b.click("unit-submit");
        b.waitText(testid("notice"), "Đã thêm đơn vị Văn phòng HĐND và UBND");
        assertThat(b.text(By.cssSelector("[data-testid=\"unit-row\"][data-kind=\"VAN_PHONG\"][data-source=\"LIST\"]")))
                .contains("Văn phòng HĐND và UBND");
        b.screenshot("don-vi-cua-xa");
        b.logout();

        // 5. the editor drafts a plan with one task
        login(editorUser, STAFF_PASSWORD);
        assertThat(b.driver.findElement(testid("nav-admin")).isDisplayed()).as("an editor has no Quản trị").isFalse();
        b.open("#/ke-hoach");
        b.click("plan-create-link");
        b.type("plan-number", planNumber);
        b.type("plan-title", planTitle);
        b.type("plan-place", name.replaceFirst("^(Xã|Phường|Đặc khu) ", ""));
        b.type("plan-issued-on", today.format(DMY));
        b.type("plan-period-from", "01/01/" + today.getYear());
        b.type("plan-period-to", "31/12/" + today.getYear());
        b.click("plan-save");
        b.find("task-add");
        String planId = b.hashId("#/ke-hoach/");
        b.click("task-add");
        b.type("task-title", "Đăng tin cải cách hành chính trên trang thông tin điện tử (" + stamp + ")");
        b.type("task-lead-unit", "Văn phòng HĐND và UBND");
        b.click("task-kind-NEWS");
        b.type("task-quota-count", "2");
        new Select(b.find("task-quota-per")).selectByValue("MONTH");
        b.click("task-save");
        b.until("the annex lists the new task", d -> d.findElements(testid("annex-task")).size() == 1);
        b.screenshot("bien-tap-vien-du-thao");
        b.logout();

        // 6. the leader issues it
        login(leaderUser, STAFF_PASSWORD);
        b.open("#/ke-hoach/" + planId);
        b.click("plan-issue");
        Alert alert = b.wait.until(ExpectedConditions.alertIsPresent());
        assertThat(alert.getText()).contains("Ban hành kế hoạch này?");
        alert.accept();
        b.waitText(testid("plan-facts"), "Đã ban hành");
        b.screenshot("lanh-dao-ban-hanh");
        b.logout();

        // 7. none of it is Kim Thành's to see: not in its list, not by id, not the new commune's people
        login("kim-thanh.editor", Api.PASSWORD);
        b.open("#/ke-hoach");
        b.waitText(testid("plan-list"), "45/KH-UBND");
        assertThat(b.find("plan-list").getText()).doesNotContain(planNumber).doesNotContain(planTitle);
        b.screenshot("xa-khac-khong-thay");
        assertThat(Api.get("kim-thanh.editor", "/api/plans/" + planId).status()).isEqualTo(404);
        assertThat(Api.get("kim-thanh.leader", "/api/plans").body()).doesNotContain(planId);
        assertThat(Api.get("kim-thanh.admin", "/api/admin/communes/" + code + "/users").status()).isEqualTo(404);
        assertThat(Api.get("bach-mai.editor", "/api/plans/" + planId).status()).isEqualTo(404);
        // while the new commune's leader reads it as issued, and Hải Phòng's administrator sees the commune active
        var own = Api.call("GET", "/api/plans/" + planId, null, tokenOf(leaderUser, STAFF_PASSWORD), Map.of());
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.json().path("tenantId").asString()).isEqualTo(code);
        assertThat(own.json().path("status").asString()).isEqualTo("ISSUED");
        assertThat(Api.get("hai-phong.admin", "/api/admin/communes/" + code).json().path("active").asBoolean())
                .isTrue();
    }

    /** The people form: user name, full name, email (from the user name), one role, password, temporary or not. */
    private void addPerson(String username, String fullName, String role, String password, boolean temporary) {
        b.type("person-username", username);
        b.type("person-fullname", fullName);
        b.type("person-email", username + "@vi-du.vn");
        b.click("person-role-" + role);
        b.type("person-password", password);
        WebElement temp = b.find("person-temporary");
        if (temp.isSelected() != temporary) {
            temp.click();
        }
        b.click("person-submit");
        b.waitText(testid("notice"), "Đã thêm tài khoản " + username);
        b.until("the new account is listed", d -> d.findElements(By.cssSelector(
                "[data-testid=\"person-row\"][data-username=\"" + username + "\"]")).size() == 1);
    }

    /** Scrolls the people table into view (for the screenshot). */
    private void showPeople() {
        b.driver.executeScript("document.querySelector('[data-testid=\"admin-people\"]').scrollIntoView();");
    }

    /** Through the app's button to Keycloak's login page and back, with this user's password. */
    private void login(String user, String password) {
        b.driver.get(Stack.BASE + "/");
        b.click("login-button");
        keycloakCredentials(user, password);
        b.waitText(testid("who-user"), user);
        assertThat(b.driver.getCurrentUrl()).startsWith(Stack.BASE + "/").doesNotContain("code=");
    }

    private void keycloakCredentials(String user, String password) {
        b.until("Keycloak's login page of realm loa", d -> d.getCurrentUrl().contains("/auth/realms/loa/"));
        WebElement username = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.clear();
        username.sendKeys(user);
        b.driver.findElement(By.id("password")).sendKeys(password);
        b.click(By.id("kc-login"));
    }

    private static String tokenOf(String user, String password) {
        var r = Api.call("POST", "/api/auth/token", Map.of("username", user, "password", password), null,
                Map.of());
        assertThat(r.status()).as("token for %s: %s", user, r).isEqualTo(200);
        return r.json().path("access_token").asString();
    }
}
