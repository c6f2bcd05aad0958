package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.client.GatewayClient.Reply;

/**
 * Reminders on the running stack (issue 21): Kim Thành's leader issues a plan whose task is at risk; the system
 * administrator runs the reminders; the commune's leader and editor each get exactly one notification in the app, one
 * e-mail readable on the embedded mail server (GreenMail's REST API) and — the leader and the editor follow the
 * commune's Zalo OA in the demo data — one message at the Zalo stand-in; a second run adds nothing anywhere. Then the
 * leader sees the bell with its count and the panel in Chromium, opens the reminder's link and marks it read.
 */
@DisplayName("Nhắc việc: một lần trong ứng dụng, một thư, một tin Zalo cho mỗi người; chạy lại không gửi thêm")
class ReminderTest extends BrowserTest {

    static final String LEADER = "kim-thanh.leader";
    static final String EDITOR = "kim-thanh.editor";
    static final String MAIL_API = System.getProperty("loa.e2e.mail-api", "http://127.0.0.1:18025");
    static final String ZALO_API = System.getProperty("loa.e2e.zalo-api", "http://127.0.0.1:18089");
    /** The demo's Zalo user ids of Kim Thành's leader and editor (notification-service's application.yml). */
    static final String LEADER_ZALO = "4206112990010804";
    static final String EDITOR_ZALO = "4206112990020804";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @DisplayName("quản trị hệ thống chạy nhắc việc; lãnh đạo và cán bộ xã Kim Thành nhận đúng một lần qua mỗi kênh")
    void aRunRemindsTheLeaderAndTheEditorOnceEverywhere() throws Exception {
        // a task at risk whatever today is: a plan of Kim Thành running from 30 days ago to 9 days ahead, 2 news for
        // the whole plan, none yet (more than half of its time gone with less than half of its target)
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String title = "Nhắc việc " + stamp + ": đăng tin CCHC trên Trang thông tin điện tử xã";
        issuedPlan(stamp, title);

        JsonNode reminder = Awaitility.await("the task at risk in kim-thanh.leader's bell after a run")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    Reply run = Api.post("admin", "/api/notifications/run", null);
                    assertThat(run.status()).as("%s", run).isEqualTo(200);
                    return atRisk(LEADER, stamp);
                }, n -> n != null);
        String link = reminder.path("link").asString();
        String text = reminder.path("text").asString();
        assertThat(text).startsWith("Nhiệm vụ 'Nhắc việc " + stamp + ": đăng tin CCHC").contains(": 0/2 tin cả kỳ kế hoạch, còn 10 ngày (đến hết "
                + LocalDate.now(VIETNAM).plusDays(9).format(DMY) + ").");
        assertThat(link).startsWith("#/nhiem-vu/");
        Awaitility.await("the same reminder in kim-thanh.editor's bell").atMost(Duration.ofSeconds(30))
                .until(() -> withLink(EDITOR, link).size() == 1);
        Awaitility.await("one e-mail each on the mail server").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> mails(LEADER, text) == 1 && mails(EDITOR, text) == 1);
        Awaitility.await("one Zalo message each at the stand-in").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> zalo(LEADER_ZALO, text) == 1 && zalo(EDITOR_ZALO, text) == 1);

        Reply again = Api.post("admin", "/api/notifications/run", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("raised").asInt()).as("a second run raises nothing new").isZero();
        // what the first run raised is delivered by now; the second one added nothing anywhere
        assertThat(withLink(LEADER, link)).hasSize(1);
        assertThat(withLink(EDITOR, link)).hasSize(1);
        assertThat(mails(LEADER, text)).isEqualTo(1);
        assertThat(mails(EDITOR, text)).isEqualTo(1);
        assertThat(zalo(LEADER_ZALO, text)).isEqualTo(1);
        assertThat(zalo(EDITOR_ZALO, text)).isEqualTo(1);
        assertThat(withLink("kim-thanh.admin", link)).as("a task reminder is not the administrator's").isEmpty();
        assertThat(withLink("bach-mai.leader", link)).as("another commune never sees it").isEmpty();

        // the bell in the browser: its count, the panel, the link, marked read
        inBrowser("reminders", "nhac-viec-that-bai", () -> {
            b.login(LEADER);
            long unread = Api.get(LEADER, "/api/notifications").json().path("unread").asLong();
            assertThat(unread).isPositive();
            b.until("the bell's count", d -> b.text("bell-count").equals(Long.toString(unread)));
            b.click("bell");
            b.find("bell-panel");
            b.until("the reminder in the panel", d -> b.text("bell-panel").contains(text));
            b.screenshot("chuong-thong-bao");
            assertThat(b.text("bell-panel")).contains("Thông báo").contains(" · ")
                    .containsPattern("\\d{2}/\\d{2}/\\d{4}");
            b.click(By.cssSelector("[data-testid=bell-panel] [data-testid=notification-link][href='" + link + "']"));
            b.until("the task page of the reminder", d -> d.getCurrentUrl().endsWith(link));
            b.until("the bell counts one less", d -> {
                String count = unread == 1 ? "" : Long.toString(unread - 1);
                return unread == 1 ? d.findElements(Browser.testid("bell-count")).isEmpty()
                        : b.text("bell-count").equals(count);
            });
            b.open("#/thong-bao");
            b.find("preferences-form");
            b.find("pref-zaloUserId");
            assertThat(b.attribute("pref-zaloUserId", "value")).isEqualTo(LEADER_ZALO);
            b.screenshot("thong-bao-cai-dat");
        });
    }

    /** The reminder "at risk" about this run's task in the user's bell, or null. */
    private static JsonNode atRisk(String user, String stamp) {
        for (JsonNode n : Api.get(user, "/api/notifications").json().path("items")) {
            if (n.path("kind").asString().equals("TASK_AT_RISK") && n.path("text").asString().contains(stamp)) {
                return n;
            }
        }
        return null;
    }

    /** A plan of Kim Thành issued by its leader: 30 days ago to 9 days ahead, one task of 2 news for the whole plan. */
    private static void issuedPlan(String stamp, String title) {
        LocalDate today = LocalDate.now(VIETNAM);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", System.currentTimeMillis() % 1_000_000 + "/KH-UBND");
        p.put("title", "Kế hoạch tuyên truyền CCHC đợt cuối năm (nhắc việc) " + stamp);
        p.put("place", "Kim Thành");
        p.put("issuedOn", today.minusDays(30).toString());
        p.put("period", Map.of("from", today.minusDays(30).toString(), "to", today.plusDays(9).toString()));
        p.put("duties", List.of(Map.of("unit", "Văn phòng HĐND và UBND", "items", List.of("Theo dõi, tổng hợp."))));
        p.put("signer", Map.of("authority", "TM. ỦY BAN NHÂN DÂN", "delegation", "KT. CHỦ TỊCH",
                "title", "PHÓ CHỦ TỊCH", "name", "Nguyễn Văn Ký"));
        Reply created = Api.post(LEADER, "/api/plans", p);
        assertThat(created.status()).as("plan: %s", created).isEqualTo(201);
        String id = created.json().path("id").asString();
        Reply task = Api.post(LEADER, "/api/plans/" + id + "/tasks", Map.of("title", title,
                "leadUnit", "Văn phòng HĐND và UBND", "productKinds", List.of("NEWS"), "channels", List.of("portal"),
                "quota", Map.of("count", 2, "per", "PLAN")));
        assertThat(task.status()).as("task: %s", task).isEqualTo(201);
        Reply issued = Api.post(LEADER, "/api/plans/" + id + "/issue", null);
        assertThat(issued.status()).as("issue: %s", issued).isEqualTo(200);
    }

    private static List<JsonNode> withLink(String user, String link) {
        List<JsonNode> out = new ArrayList<>();
        Reply r = Api.get(user, "/api/notifications");
        assertThat(r.status()).isEqualTo(200);
        r.json().path("items").forEach(n -> {
            if (n.path("link").asString().equals(link)) {
                out.add(n);
            }
        });
        return out;
    }

    /** E-mails to the user's address on GreenMail whose body holds the text (quoted-printable or base64 decoded). */
    private static long mails(String user, String text) throws Exception {
        String address = user + "@demo.loa.invalid";
        JsonNode messages = fetch(MAIL_API + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX");
        long n = 0;
        for (JsonNode m : messages) {
            jakarta.mail.internet.MimeMessage mime = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getInstance(new java.util.Properties()), new java.io.ByteArrayInputStream(
                            m.path("mimeMessage").asString().getBytes(StandardCharsets.UTF_8)));
            if (String.valueOf(mime.getContent()).contains(text)) {
                n++;
            }
        }
        return n;
    }

    private static long zalo(String userId, String text) throws Exception {
        JsonNode answer = fetch(ZALO_API + "/v2.0/oa/messages-received");
        assertThat(answer.path("error").asInt()).isZero();
        long n = 0;
        for (JsonNode m : answer.path("data")) {
            if (m.path("user_id").asString().equals(userId)
                    && m.path("body").path("message").path("text").asString().contains(text)) {
                n++;
            }
        }
        return n;
    }

    private static JsonNode fetch(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404 || r.statusCode() == 400) {
            return JSON.readTree("[]"); // GreenMail knows no mailbox for an address that received nothing yet
        }
        assertThat(r.statusCode()).as("%s → %s", url, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
