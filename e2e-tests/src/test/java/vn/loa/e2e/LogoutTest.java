package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Logging out ends the Keycloak session without asking again, even when the tab's tokens are already gone (a refresh
 * that failed drops them, the page still shows «Đăng xuất»): without an ID token to name the session, Keycloak would
 * stop on its own «Bạn có muốn đăng xuất?» page. After it, the app asks to log in and Keycloak asks for the password. A
 * tab with nothing left at all (opened before Loa kept the last ID token) does reach that page: in Vietnamese.
 */
@DisplayName("Đăng xuất: về trang đăng nhập không hỏi lại, kể cả khi phiên trong thẻ đã mất")
class LogoutTest extends BrowserTest {

    static final String EDITOR = "tien-minh.editor";

    @Test
    @DisplayName("tien-minh.editor đăng xuất sau khi thẻ đã mất mã truy cập: Keycloak không hỏi xác nhận, lần sau phải nhập mật khẩu")
    void loggingOutWithTheTokensGoneAsksNothing() {
        inBrowser("dang-xuat", "dang-xuat-that-bai", () -> {
            b.login(EDITOR);
            // what a failed refresh leaves: the tokens gone, the page as it was
            b.driver.executeScript("sessionStorage.removeItem('loa.tokens');");
            b.logout();
            assertThat(b.driver.getCurrentUrl()).startsWith(Stack.BASE + "/");
            b.screenshot("da-dang-xuat");
            // the Keycloak session ended: logging in again shows Keycloak's form, not a silent sign-in
            b.click("login-button");
            b.until("Keycloak's login form", d -> !d.findElements(By.id("username")).isEmpty());
        });
    }

    @Test
    @DisplayName("tien-minh.editor đăng xuất từ một thẻ không còn gì (mở từ trước): Keycloak hỏi bằng tiếng Việt, đồng ý thì về trang đăng nhập")
    void withNothingToNameTheSessionKeycloakAsksInVietnamese() {
        inBrowser("dang-xuat-hoi-lai", "dang-xuat-hoi-lai-that-bai", () -> {
            b.login(EDITOR);
            // a tab opened before Loa kept the last ID token: nothing names the session
            b.driver.executeScript(
                    "sessionStorage.removeItem('loa.tokens'); sessionStorage.removeItem('loa.idTokenHint');");
            b.click("logout-button");
            b.waitText(By.tagName("body"), "Bạn có muốn đăng xuất khỏi Loa?");
            b.screenshot("keycloak-hoi-dang-xuat");
            b.click(By.xpath(
                    "//button[normalize-space()='Đăng xuất'] | //input[@type='submit' and @value='Đăng xuất']"));
            b.find("login-button");
            assertThat(b.driver.getCurrentUrl()).startsWith(Stack.BASE + "/");
        });
    }
}
