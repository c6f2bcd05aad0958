package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Browser.testid;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A commune officer reloads the app many times in one tab (F5, a bookmark, the address bar): every load gets its data
 * and its live stream, because the page that goes away closes its stream (Chromium keeps at most six HTTP/1.1
 * connections per host; before the fix the seventh load waited for one held by an old page's stream).
 */
@DisplayName("Tải lại ứng dụng nhiều lần trong một thẻ: lần nào cũng có dữ liệu và cập nhật trực tiếp")
class LiveStreamTest extends BrowserTest {

    static final int LOADS = 10;

    @Test
    @DisplayName("bach-mai.leader tải lại bảng theo dõi 10 lần (bàn phím F5 và thanh địa chỉ): lần nào cũng mở luồng trực tiếp và có số liệu")
    void everyReloadGetsItsDataAndItsStream() {
        startBrowser("tai-lai");
        b.login("bach-mai.leader");
        for (int load = 1; load <= LOADS; load++) {
            Instant t0 = Instant.now();
            if (load % 2 == 0) {
                b.driver.navigate().refresh(); // as F5
            } else {
                b.open("#/bang-theo-doi"); // as the address bar (through about:blank)
            }
            int n = load;
            try {
                b.until("load " + n + ": the dashboard's figures", Duration.ofSeconds(20),
                        d -> d.findElements(testid("dashboard-stats")).stream().anyMatch(e -> !e.getText().isBlank()));
                b.until("load " + n + ": the live stream open", Duration.ofSeconds(20),
                        d -> d.findElements(testid("live-state")).stream()
                                .anyMatch(e -> "open".equals(e.getAttribute("data-state"))));
            } catch (RuntimeException e) {
                b.screenshot("lan-tai-thu-" + load + "-that-bai");
                throw e;
            }
            assertThat(Duration.between(t0, Instant.now())).as("load %d took", load)
                    .isLessThan(Duration.ofSeconds(20));
        }
        b.screenshot("lan-tai-thu-" + LOADS);
    }
}
