package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.e2e.Api.assertVietnameseProblem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import vn.loa.client.GatewayClient.Reply;
import vn.loa.client.GatewayClient;

/**
 * The role × endpoint × tenant matrix through the real gateway, with real Keycloak tokens of the demo users: each row
 * one request and the exact status expected; every refusal an RFC 9457 problem with a Vietnamese detail.
 *
 * <p>Fixtures (made once per run through the API, as Kim Thành's own staff): Kim Thành's seed plan and one of its
 * tasks, a draft plan, an item submitted by the editor, an item submitted by the leader, an activity. Paths in the
 * table name them as {@code {kimPlan}}, {@code {kimTask}}, {@code {kimDraft}}, {@code {kimItem}},
 * {@code {leaderItem}}, {@code {kimActivity}}.
 */
@DisplayName("Ma trận bảo mật: vai trò × điểm cuối × đơn vị")
class SecurityMatrixTest {

    static final String P = "2025-Q3"; // a reporting period of the seed plans
    static final Map<String, String> IDS = new LinkedHashMap<>();

    /** One row: who (a demo user, "anonymous", or a special token), what, and the status the spec demands. */
    record Case(String who, String method, String path, Object body, int status, Map<String, String> headers) {

        static Case of(String who, String method, String path, int status) {
            return new Case(who, method, path, null, status, Map.of());
        }

        static Case of(String who, String method, String path, Object body, int status) {
            return new Case(who, method, path, body, status, Map.of());
        }

        @Override
        public String toString() {
            return who + " " + method + " " + path + (headers.isEmpty() ? "" : " " + headers.keySet()) + " → "
                    + status;
        }
    }

    @BeforeAll
    static void fixtures() {
        Stack.requireRunning();
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String editor = "kim-thanh.editor";
        String leader = "kim-thanh.leader";

        JsonNode plans = ok(Api.get(editor, "/api/plans"), 200).json();
        String seed = null;
        for (JsonNode p : plans) {
            if ("45/KH-UBND".equals(p.path("number").asString()) && Stack.KIM_THANH.equals(p.path("tenantId").asString())
                    && "ISSUED".equals(p.path("status").asString())) {
                seed = p.path("id").asString();
            }
        }
        assertThat(seed).as("Kim Thành's seed plan 45/KH-UBND, issued at ./loa up, in %s", plans).isNotNull();
        IDS.put("kimPlan", seed);
        JsonNode tasks = ok(Api.get(editor, "/api/tasks?plan=" + seed), 200).json();
        assertThat(tasks.size()).as("tasks of the seed plan (task-service, from PlanIssued)").isPositive();
        IDS.put("kimTask", tasks.get(0).path("id").asString());

        IDS.put("kimDraft", ok(Api.post(editor, "/api/plans",
                Map.of("title", "Dự thảo kiểm thử bảo mật " + stamp)), 201).json().path("id").asString());

        IDS.put("kimItem", submittedItem(editor, "Tin kiểm thử bảo mật " + stamp));
        IDS.put("kimRequest", pressRequest(editor, leader, "Tin gửi báo kiểm thử bảo mật " + stamp));
        IDS.put("leaderItem", submittedItem(leader, "Tin lãnh đạo tự viết " + stamp));

        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("kind", "DIALOGUE");
        activity.put("title", "Đối thoại kiểm thử bảo mật " + stamp);
        activity.put("heldOn", "2025-09-15");
        activity.put("place", "Hội trường UBND xã");
        activity.put("participants", 40);
        IDS.put("kimActivity", ok(Api.post(editor, "/api/activities", activity), 201).json().path("id").asString());
    }

    private static String submittedItem(String user, String title) {
        return submittedItem(user, title, "portal");
    }

    private static String submittedItem(String user, String title, String channel) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", title);
        item.put("body", "<p>Nội dung kiểm thử.</p>");
        item.put("kind", "NEWS");
        item.put("channels", List.of(channel));
        String id = ok(Api.post(user, "/api/contents", item), 201).json().path("id").asString();
        assertThat(ok(Api.post(user, "/api/contents/" + id + "/submit", null), 200).json().path("status").asString())
                .isEqualTo("SUBMITTED");
        return id;
    }

    /** An item published on the press: its request waits on Kim Thành's manual desk (manual-channel). */
    private static String pressRequest(String editor, String leader, String title) {
        String id = submittedItem(editor, title, "press");
        ok(Api.post(leader, "/api/contents/" + id + "/approve", null), 200);
        ok(Api.post(leader, "/api/contents/" + id + "/publish", Map.of()), 200);
        // the request travels content-service → Kafka → manual-channel
        return Awaitility.await("the press request of item " + id + " on the manual desk")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ok(Api.get(editor, "/api/manual-publications?status=PENDING&channel=press"), 200).json()
                        .valueStream().filter(r -> id.equals(r.path("itemId").asString()))
                        .map(r -> r.path("requestId").asString()).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static Reply ok(Reply r, int status) {
        assertThat(r.status()).as("fixture request: %s", r).isEqualTo(status);
        return r;
    }

    static String resolve(String template) {
        String path = template;
        for (Map.Entry<String, String> e : IDS.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        assertThat(path).as("unresolved placeholder in %s", template).doesNotContain("{");
        return path;
    }

    // ------------------------------------------------------------------ the table

    static Stream<Case> matrix() {
        List<Case> c = new ArrayList<>();
        String ke = "kim-thanh.editor", kl = "kim-thanh.leader", ka = "kim-thanh.admin";
        String hp = "hai-phong.viewer", hn = "ha-noi.viewer", be = "bach-mai.editor", bl = "bach-mai.leader";
        Map<String, Object> newItem = Map.of("title", "Tin không được phép", "kind", "NEWS");
        Map<String, Object> reason = Map.of("reason", "Kiểm thử bảo mật");
        Map<String, Object> outside = Map.of("channel", "press", "url", "https://example.vn/bai",
                "publishedAt", "2025-09-02T08:15");
        Map<String, Object> task = Map.of("title", "Nhiệm vụ không được phép", "leadUnit", "Văn phòng");
        Map<String, Object> notes = Map.of("highlights", "Không được phép");
        Map<String, Object> activity = Map.of("kind", "DIALOGUE", "title", "Không được phép", "heldOn", "2025-09-15");
        // a visual product (issue 19): multipart/form-data with a photo, on the same path as an outside publication
        GatewayClient.Multipart visual = new GatewayClient.Multipart(Map.of("channel", "truc-quan", "product", "BANNER",
                "place", "Trụ sở UBND xã", "quantity", "2", "publishedOn", "15/10/2025"),
                Map.of("photo", new GatewayClient.Multipart.FilePart("pano.jpg", "image/jpeg",
                        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0})));
        Map<String, Object> visualByUrl = Map.of("channel", "truc-quan", "url", "https://example.vn/anh-pano",
                "publishedAt", "15/10/2025");

        // the door: no token, a broken token, a forged token
        for (String path : List.of("/api/plans", "/api/tasks/{kimTask}", "/api/contents", "/api/activities",
                "/api/channels", "/api/dashboard", "/api/dashboard/stream", "/api/reports/" + P,
                "/api/manual-publications")) {
            c.add(Case.of("anonymous", "GET", path, 401));
        }
        c.add(Case.of("anonymous", "POST", "/api/contents", newItem, 401));
        c.add(Case.of("anonymous", "POST", "/api/plans/{kimDraft}/issue", 401));
        c.add(Case.of("garbage-token", "GET", "/api/plans", 401));
        c.add(Case.of("tampered-token", "GET", "/api/plans", 401));
        c.add(Case.of("unsigned-token", "GET", "/api/plans", 401));
        c.add(Case.of("wrong-audience-token", "GET", "/api/plans", 401));
        c.add(Case.of("garbage-token", "POST", "/api/contents", newItem, 401));
        c.add(Case.of("anonymous", "GET", "/actuator/metrics", 401));
        c.add(Case.of(ke, "GET", "/actuator/metrics", 403));

        // a commune's own staff read their own data (positive controls: the tokens work)
        for (String path : List.of("/api/plans", "/api/plans/{kimPlan}", "/api/plans/{kimPlan}/document",
                "/api/plans/{kimDraft}/document", "/api/tasks?plan={kimPlan}",
                "/api/tasks/{kimTask}", "/api/contents", "/api/contents/{kimItem}", "/api/activities",
                "/api/activities/{kimActivity}", "/api/channels", "/api/dashboard", "/api/reports/" + P,
                "/api/reports/" + P + "?format=docx", "/api/reports/" + P + "/notes",
                "/api/reports/" + P + "/submission")) {
            c.add(Case.of(ke, "GET", path, 200));
        }

        // roles inside the commune: an editor cannot approve, reject, issue, retract, submit a report, withdraw credit
        c.add(Case.of(ke, "POST", "/api/contents/{kimItem}/approve", 403));
        // the manual desk (issue 19): a commune administrator is no operator; no screenshot sent yet is a 404
        Map<String, Object> posted = Map.of("url", "https://baohaiphong.vn/bai-kiem-thu");
        c.add(Case.of(ka, "POST", "/api/manual-publications/{kimRequest}/confirm", posted, 403));
        c.add(Case.of(ka, "POST", "/api/manual-publications/{kimRequest}/fail", reason, 403));
        c.add(Case.of(ke, "GET", "/api/manual-publications/{kimRequest}", 200));
        c.add(Case.of(ke, "GET", "/api/manual-publications/{kimRequest}/screenshot", 404));
        c.add(Case.of("anonymous", "GET", "/api/manual-publications/{kimRequest}/screenshot", 401));
        c.add(Case.of(hp, "POST", "/api/manual-publications/{kimRequest}/confirm", posted, 403));
        c.add(Case.of(ke, "POST", "/api/contents/{kimItem}/reject", reason, 403));
        c.add(Case.of(ke, "POST", "/api/contents/{kimItem}/retract", reason, 403));
        c.add(Case.of(ke, "POST", "/api/plans/{kimDraft}/issue", 403));
        c.add(Case.of(ke, "POST", "/api/plans/{kimPlan}/amend", reason, 403));
        c.add(Case.of(ke, "POST", "/api/plans/{kimPlan}/close", 403));
        c.add(Case.of("anonymous", "GET", "/api/plans/{kimPlan}/document", 401));
        c.add(Case.of(ke, "POST", "/api/reports/" + P + "/submit", 403));
        c.add(Case.of(ke, "DELETE", "/api/tasks/{kimTask}/credits/khong-co?reason=thu", 403));
        c.add(Case.of(ka, "POST", "/api/contents/{kimItem}/approve", 403));
        // a visual product: the commune's editor reaches the rules (the item is not approved yet: 409; a URL for the
        // visual channel: 400), an admin may not record it
        c.add(Case.of(ke, "POST", "/api/contents/{kimItem}/publications", visual, 409));
        c.add(Case.of(ke, "POST", "/api/contents/{kimItem}/publications", visualByUrl, 400));
        c.add(Case.of(ka, "POST", "/api/contents/{kimItem}/publications", visual, 403));
        c.add(Case.of("anonymous", "POST", "/api/contents/{kimItem}/publications", visual, 401));
        // engagement (issue 21): the commune's staff read an item's figures and type a manual channel's (the item is
        // not published on Facebook: 400 — the rules are reached); an anonymous caller is stopped at the door
        Map<String, Object> reading = Map.of("channel", "facebook", "reach", 120, "reactions", 8, "shares", 2);
        c.add(Case.of(ke, "GET", "/api/contents/{kimItem}/engagement", 200));
        c.add(Case.of(ke, "POST", "/api/contents/{kimItem}/engagement", reading, 400));
        c.add(Case.of(kl, "POST", "/api/contents/{kimItem}/engagement", reading, 400));
        c.add(Case.of(ka, "POST", "/api/contents/{kimItem}/engagement", reading, 400));
        c.add(Case.of("anonymous", "POST", "/api/contents/{kimItem}/engagement", reading, 401));
        c.add(Case.of("anonymous", "GET", "/api/contents/{kimItem}/engagement", 401));
        // nobody approves their own item, not even a leader
        c.add(Case.of(kl, "POST", "/api/contents/{leaderItem}/approve", 403));
        // province and system endpoints are not a commune's
        c.add(Case.of(ke, "GET", "/api/dashboard/province", 404));
        c.add(Case.of(ke, "POST", "/api/dashboard/rebuild", 403));
        c.add(Case.of(ka, "GET", "/api/dashboard/rebuild", 403));
        c.add(Case.of("admin", "GET", "/api/dashboard/rebuild", 200));
        c.add(Case.of("admin", "GET", "/api/plans/{kimPlan}", 200));
        c.add(Case.of(kl, "POST", "/api/reports/" + P + "/accept?commune=" + Stack.KIM_THANH, 404));

        // Hải Phòng's reviewer reads its communes…
        for (String path : List.of("/api/plans?tenant=" + Stack.KIM_THANH, "/api/plans/{kimPlan}",
                "/api/plans/{kimPlan}/document", "/api/tasks?plan={kimPlan}", "/api/tasks/{kimTask}",
                "/api/contents/{kimItem}", "/api/activities/{kimActivity}", "/api/dashboard/province",
                "/api/dashboard/communes/" + Stack.KIM_THANH, "/api/reports/" + P + "?commune=" + Stack.KIM_THANH,
                "/api/reports/" + P + "/submission?commune=" + Stack.KIM_THANH)) {
            c.add(Case.of(hp, "GET", path, 200));
        }
        // …and writes nothing of theirs (the gateway refuses before any service)
        c.add(Case.of(hp, "POST", "/api/contents", newItem, 403));
        c.add(Case.of(hp, "PUT", "/api/contents/{kimItem}", newItem, 403));
        c.add(Case.of(hp, "POST", "/api/contents/{kimItem}/approve", 403));
        c.add(Case.of(hp, "POST", "/api/contents/{kimItem}/publish", 403));
        c.add(Case.of(hp, "POST", "/api/plans", Map.of("title", "Không được phép"), 403));
        c.add(Case.of(hp, "POST", "/api/plans/{kimDraft}/issue", 403));
        c.add(Case.of(hp, "DELETE", "/api/plans/{kimDraft}", 403));
        c.add(Case.of(hp, "POST", "/api/plans/{kimPlan}/amend", reason, 403));
        c.add(Case.of(hp, "POST", "/api/plans/{kimPlan}/close", 403));
        c.add(Case.of(hp, "POST", "/api/activities", activity, 403));
        c.add(Case.of(hp, "POST", "/api/contents/{kimItem}/publications", visual, 403));
        c.add(Case.of(hp, "PUT", "/api/reports/" + P + "/notes", notes, 403));
        c.add(Case.of(hp, "POST", "/api/reports/" + P + "/submit", 403));
        c.add(Case.of(hp, "DELETE", "/api/tasks/{kimTask}/credits/khong-co?reason=thu", 403));
        c.add(Case.of(hp, "GET", "/api/contents/{kimItem}/engagement", 200));
        c.add(Case.of(hp, "POST", "/api/contents/{kimItem}/engagement",
                Map.of("channel", "facebook", "reach", 120), 403));
        // and does not review another province's commune
        c.add(Case.of(hp, "POST", "/api/reports/" + P + "/accept?commune=" + Stack.BACH_MAI, 404));

        // Hà Nội's reviewer does not see a Hải Phòng commune at all
        for (String path : List.of("/api/plans?tenant=" + Stack.KIM_THANH, "/api/plans/{kimPlan}",
                "/api/plans/{kimPlan}/document", "/api/tasks/{kimTask}", "/api/contents/{kimItem}",
                "/api/activities/{kimActivity}",
                "/api/dashboard/communes/" + Stack.KIM_THANH, "/api/reports/" + P + "?commune=" + Stack.KIM_THANH,
                "/api/reports/" + P + "?commune=" + Stack.KIM_THANH + "&format=docx",
                "/api/reports/" + P + "/notes?commune=" + Stack.KIM_THANH,
                "/api/reports/" + P + "/submission?commune=" + Stack.KIM_THANH)) {
            c.add(Case.of(hn, "GET", path, 404));
        }
        c.add(Case.of(hn, "POST", "/api/reports/" + P + "/accept?commune=" + Stack.KIM_THANH, 404));
        c.add(Case.of(hn, "GET", "/api/contents/{kimItem}/engagement", 404));
        c.add(Case.of(hn, "POST", "/api/reports/" + P + "/return?commune=" + Stack.KIM_THANH, reason, 404));

        // Bạch Mai's staff: another commune's ids answer 404, read or write, whatever the role
        for (String path : List.of("/api/plans?tenant=" + Stack.KIM_THANH, "/api/plans/{kimPlan}",
                "/api/plans/{kimDraft}", "/api/plans/{kimPlan}/document", "/api/plans/{kimDraft}/document",
                "/api/tasks/{kimTask}", "/api/contents/{kimItem}",
                "/api/activities/{kimActivity}", "/api/contents/{kimItem}/attachments/khong-co",
                "/api/dashboard/communes/" + Stack.KIM_THANH, "/api/reports/" + P + "?commune=" + Stack.KIM_THANH,
                "/api/reports/" + P + "?commune=" + Stack.KIM_THANH + "&format=docx",
                "/api/reports/" + P + "/notes?commune=" + Stack.KIM_THANH,
                "/api/reports/" + P + "/submission?commune=" + Stack.KIM_THANH)) {
            c.add(Case.of(be, "GET", path, 404));
        }
        for (String path : List.of("/api/manual-publications/{kimRequest}",
                "/api/manual-publications/{kimRequest}/screenshot")) {
            c.add(Case.of(be, "GET", path, 404));
            c.add(Case.of(bl, "GET", path, 404));
        }
        c.add(Case.of(be, "POST", "/api/manual-publications/{kimRequest}/confirm",
                Map.of("url", "https://baohaiphong.vn/bai-kiem-thu"), 404));
        c.add(Case.of(bl, "POST", "/api/manual-publications/{kimRequest}/fail", reason, 404));
        c.add(Case.of(be, "PUT", "/api/contents/{kimItem}", newItem, 404));
        c.add(Case.of(be, "GET", "/api/contents/{kimItem}/engagement", 404));
        c.add(Case.of(be, "POST", "/api/contents/{kimItem}/engagement",
                Map.of("channel", "facebook", "reach", 120), 404));
        c.add(Case.of(bl, "POST", "/api/contents/{kimItem}/engagement",
                Map.of("channel", "facebook", "reach", 120), 404));
        c.add(Case.of(be, "POST", "/api/contents/{kimItem}/submit", 404));
        c.add(Case.of(be, "POST", "/api/contents/{kimItem}/publications", outside, 404));
        c.add(Case.of(be, "POST", "/api/contents/{kimItem}/publications", visual, 404));
        c.add(Case.of(bl, "POST", "/api/contents/{kimItem}/publications", visual, 404));
        c.add(Case.of(be, "PUT", "/api/plans/{kimDraft}", Map.of("title", "Không được phép"), 404));
        c.add(Case.of(be, "POST", "/api/plans/{kimDraft}/tasks", task, 404));
        c.add(Case.of(be, "DELETE", "/api/plans/{kimDraft}", 404));
        c.add(Case.of(be, "DELETE", "/api/activities/{kimActivity}?reason=thu", 404));
        c.add(Case.of(be, "POST", "/api/activities/{kimActivity}/retract", reason, 404));
        c.add(Case.of(bl, "POST", "/api/contents/{kimItem}/approve", 404));
        c.add(Case.of(bl, "POST", "/api/contents/{kimItem}/reject", reason, 404));
        c.add(Case.of(bl, "POST", "/api/contents/{kimItem}/publish", 404));
        c.add(Case.of(bl, "POST", "/api/contents/{kimItem}/retract", reason, 404));
        c.add(Case.of(bl, "POST", "/api/plans/{kimDraft}/issue", 404));
        c.add(Case.of(bl, "POST", "/api/plans/{kimPlan}/close", 404));
        c.add(Case.of(bl, "POST", "/api/plans/{kimPlan}/amend", reason, 404));
        c.add(Case.of(bl, "DELETE", "/api/tasks/{kimTask}/credits/khong-co?reason=thu", 404));
        c.add(Case.of(bl, "POST", "/api/reports/" + P + "/accept?commune=" + Stack.KIM_THANH, 404));
        // identity headers sent by a client are dropped by the gateway: claiming Kim Thành (or SYSADMIN) changes nothing
        c.add(new Case(be, "GET", "/api/contents/{kimItem}", null, 404,
                Map.of("X-Loa-Tenant", Stack.KIM_THANH, "X-Loa-Roles", "SYSADMIN", "X-Loa-User", "kim-thanh.leader")));
        c.add(new Case(be, "POST", "/api/contents/{kimItem}/submit", null, 404,
                Map.of("X-Loa-Tenant", Stack.KIM_THANH, "X-Loa-Roles", "LEADER")));
        admin(c, ke, ka, hp, be);
        filesAndTasks(c, ke, hp, be, bl);
        reminders(c, ke, kl, ka, hp, be);
        return c.stream();
    }

    /**
     * A plan's annex tasks, retries, attachments, the province's aggregate and the service-to-service file path: rows
     * that {@link #everyEndpointTheServicesDescribeHasItsRows} asked for.
     */
    private static void filesAndTasks(List<Case> c, String ke, String hp, String be, String bl) {
        GatewayClient.Multipart photo = new GatewayClient.Multipart(Map.of(),
                Map.of("file", new GatewayClient.Multipart.FilePart("anh.jpg", "image/jpeg",
                        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0})));
        Map<String, Object> task = Map.of("title", "Nhiệm vụ không được phép", "leadUnit", "Văn phòng");
        String annexTask = "/api/plans/{kimPlan}/tasks/khong-co";
        c.add(Case.of(ke, "GET", annexTask, 404));
        c.add(Case.of(be, "GET", annexTask, 404));
        c.add(Case.of(bl, "PUT", annexTask, task, 404));
        c.add(Case.of(bl, "DELETE", annexTask, 404));
        c.add(Case.of(hp, "PUT", annexTask, task, 403));
        c.add(Case.of(hp, "DELETE", annexTask, 403));
        c.add(Case.of("anonymous", "POST", "/api/plans/import", photo, 401));
        c.add(Case.of(hp, "POST", "/api/plans/import", photo, 403));
        c.add(Case.of(bl, "POST", "/api/contents/{kimItem}/publications/portal/retry", 404));
        c.add(Case.of(hp, "POST", "/api/contents/{kimItem}/publications/portal/retry", 403));
        c.add(Case.of(be, "POST", "/api/contents/{kimItem}/attachments", photo, 404));
        c.add(Case.of(hp, "POST", "/api/contents/{kimItem}/attachments", photo, 403));
        c.add(Case.of(be, "POST", "/api/activities/{kimActivity}/attachments", photo, 404));
        c.add(Case.of(hp, "POST", "/api/activities/{kimActivity}/attachments", photo, 403));
        c.add(Case.of(be, "GET", "/api/activities/{kimActivity}/attachments/khong-co", 404));
        c.add(Case.of(ke, "GET", "/api/activities/{kimActivity}/attachments/khong-co", 404));
        // the portal's own way to the files of an item: never routed from outside
        c.add(Case.of(ke, "GET", "/internal/files/" + Stack.KIM_THANH + "/{kimItem}/khong-co", 404));
        // the province's aggregate report: its reviewers; a commune's staff have no province to aggregate
        c.add(Case.of(hp, "GET", "/api/reports/" + P + "/province", 200));
        c.add(Case.of(ke, "GET", "/api/reports/" + P + "/province", 404));
        c.add(Case.of(be, "GET", "/api/reports/" + P + "/province?province=31", 404));
        c.add(Case.of("hai-phong.admin", "DELETE", "/api/admin/provinces/01/users/ha-noi.viewer", 404));
        c.add(Case.of("kim-thanh.admin", "DELETE", "/api/admin/provinces/31/users/hai-phong.viewer", 403));
    }

    /**
     * Administration (issue 20, docs/adr/0011): SYSADMIN any commune, PROVINCE_ADMIN its province's, a commune's ADMIN
     * its own people; nobody grants a role above their own or outside their tenant. Only idempotent writes succeed
     * here (activating a seed commune that is active); the journeys that create people are OnboardingTest's.
     */
    private static void admin(List<Case> c, String ke, String ka, String hp, String be) {
        String pa = "hai-phong.admin", sys = "admin", kim = Stack.KIM_THANH, tien = "11791", bach = Stack.BACH_MAI;
        String communes = "/api/admin/communes";
        c.add(Case.of("anonymous", "GET", communes + "?province=31", 401));
        c.add(Case.of("anonymous", "POST", communes + "/" + kim + "/activate", 401));
        // who lists and switches communes: system and province administrators only
        c.add(Case.of(sys, "GET", communes + "?province=01", 200));
        c.add(Case.of(sys, "GET", "/api/admin/provinces", 200));
        c.add(Case.of(pa, "GET", communes + "?province=31", 200));
        c.add(Case.of(pa, "GET", communes + "?province=01", 404));
        c.add(Case.of(pa, "POST", communes + "/" + kim + "/activate", 200));
        c.add(Case.of(pa, "POST", communes + "/" + bach + "/deactivate", 404));
        c.add(Case.of(pa, "POST", communes + "/" + bach + "/activate", 404));
        c.add(Case.of(ka, "GET", communes + "?province=31", 403));
        c.add(Case.of(ka, "POST", communes + "/" + kim + "/activate", 403));
        c.add(Case.of(ka, "POST", communes + "/" + kim + "/deactivate", 403));
        c.add(Case.of(ke, "GET", communes + "?province=31", 403));
        c.add(Case.of(hp, "GET", communes + "?province=31", 403));
        c.add(Case.of(hp, "POST", communes + "/" + kim + "/deactivate", 403));
        c.add(Case.of(hp, "GET", communes + "/" + kim + "/users", 403));
        // a whole province at once: refused before anything starts (no success here: it would switch on every
        // commune of the province, and OnboardingTest needs one nobody has activated)
        String hanoi = "/api/admin/provinces/01/activate", haiphong = "/api/admin/provinces/31/activate";
        c.add(Case.of("anonymous", "POST", haiphong, 401));
        c.add(Case.of(pa, "POST", hanoi, 404));
        c.add(Case.of(sys, "POST", "/api/admin/provinces/99/activate", 404));
        c.add(Case.of(ka, "POST", haiphong, 403));
        c.add(Case.of(ke, "POST", haiphong, 403));
        c.add(Case.of(hp, "POST", haiphong, 403));
        c.add(Case.of(be, "POST", hanoi, 403));
        // people: the commune's ADMIN its own, the province's administrator its province's, SYSADMIN any
        c.add(Case.of(ka, "GET", communes + "/" + kim + "/users", 200));
        c.add(Case.of(ka, "GET", communes + "/" + kim, 200));
        c.add(Case.of(pa, "GET", communes + "/" + kim + "/users", 200));
        c.add(Case.of(sys, "GET", communes + "/" + bach + "/users", 200));
        c.add(Case.of(ka, "GET", communes + "/" + tien + "/users", 404));
        c.add(Case.of(ka, "GET", communes + "/" + bach + "/users", 404));
        c.add(Case.of("bach-mai.admin", "GET", communes + "/" + kim + "/users", 404));
        c.add(Case.of(pa, "GET", communes + "/" + bach + "/users", 404));
        c.add(Case.of(ke, "GET", communes + "/" + kim + "/users", 403));
        c.add(Case.of(be, "GET", communes + "/" + kim + "/users", 403));
        c.add(Case.of(ka, "POST", communes + "/" + tien + "/users", person("matrix.editor", "EDITOR"), 404));
        c.add(Case.of(ke, "POST", communes + "/" + kim + "/users", person("matrix.editor", "EDITOR"), 403));
        // nobody grants a role above their own or outside the tenant; nobody makes a SYSADMIN
        c.add(Case.of(ka, "POST", communes + "/" + kim + "/users", person("matrix.pa", "PROVINCE_ADMIN"), 403));
        c.add(Case.of(ka, "POST", communes + "/" + kim + "/users", person("matrix.sys", "SYSADMIN"), 403));
        c.add(Case.of(sys, "POST", communes + "/" + kim + "/users", person("matrix.sys", "SYSADMIN"), 403));
        c.add(Case.of(ka, "POST", communes + "/" + kim + "/users", person("matrix.viewer", "VIEWER"), 400));
        c.add(Case.of(pa, "POST", "/api/admin/provinces/31/users", person("matrix.pa", "PROVINCE_ADMIN"), 403));
        c.add(Case.of(pa, "POST", "/api/admin/provinces/01/users", person("matrix.viewer", "VIEWER"), 404));
        c.add(Case.of(ka, "GET", "/api/admin/provinces/31/users", 403));
        // bad input, a taken name, oneself, someone of another commune
        c.add(Case.of(ka, "POST", communes + "/" + kim + "/users", person("A", "EDITOR"), 400));
        c.add(Case.of(ka, "POST", communes + "/" + kim + "/users", person("kim-thanh.editor", "EDITOR"), 409));
        c.add(Case.of(ka, "DELETE", communes + "/" + kim + "/users/kim-thanh.admin", 409));
        c.add(Case.of(ka, "DELETE", communes + "/" + kim + "/users/bach-mai.editor", 404));
        c.add(Case.of(ka, "DELETE", communes + "/" + tien + "/users/tien-minh.editor", 404));
        c.add(Case.of(ke, "DELETE", communes + "/" + kim + "/users/kim-thanh.leader", 403));
        c.add(Case.of(pa, "DELETE", communes + "/" + bach + "/users/bach-mai.editor", 404));
        c.add(Case.of(sys, "POST", communes + "/99999/activate", 404));
        // a commune's whole data as one archive: its own administrator and the system administrator only
        String export = "/export";
        c.add(Case.of(ka, "GET", communes + "/" + kim + export, 200));
        c.add(Case.of(sys, "GET", communes + "/" + bach + export, 200));
        c.add(Case.of("anonymous", "GET", communes + "/" + kim + export, 401));
        c.add(Case.of(ka, "GET", communes + "/" + tien + export, 404));
        c.add(Case.of("bach-mai.admin", "GET", communes + "/" + kim + export, 404));
        c.add(Case.of(sys, "GET", communes + "/99999" + export, 404));
        c.add(Case.of(sys, "GET", communes + "/abc" + export, 404));
        c.add(Case.of(pa, "GET", communes + "/" + kim + export, 403));
        c.add(Case.of(ke, "GET", communes + "/" + kim + export, 403));
        c.add(Case.of("kim-thanh.leader", "GET", communes + "/" + kim + export, 403));
        c.add(Case.of(hp, "GET", communes + "/" + kim + export, 403));
        // the services' own parts are not routed from outside
        c.add(Case.of(ka, "GET", "/api/export/communes/" + kim, 404));
        // a province's administrator administers accounts, not the communes' data (that is the reviewer's, VIEWER)
        c.add(Case.of(pa, "GET", "/api/plans/{kimPlan}", 404));
        c.add(Case.of(pa, "GET", "/api/contents/{kimItem}", 404));
        c.add(Case.of(pa, "POST", "/api/plans", Map.of("title", "Không được phép"), 403));
        // a commune's units (plan-service): read within the reading scope, added by the commune's own staff
        String unit = "Tổ công tác kiểm thử " + Long.toString(System.currentTimeMillis(), 36);
        c.add(Case.of("anonymous", "GET", "/api/units", 401));
        c.add(Case.of(ke, "GET", "/api/units", 200));
        c.add(Case.of(hp, "GET", "/api/units?tenant=" + kim, 200));
        c.add(Case.of("ha-noi.viewer", "GET", "/api/units?tenant=" + kim, 404));
        c.add(Case.of(be, "GET", "/api/units?tenant=" + kim, 404));
        c.add(Case.of(ke, "POST", "/api/units", Map.of("name", unit), 201));
        c.add(Case.of(ka, "POST", "/api/units", Map.of("name", unit.toUpperCase(java.util.Locale.ROOT)), 409));
        c.add(Case.of(ke, "POST", "/api/units", Map.of("name", " "), 400));
        c.add(Case.of(hp, "POST", "/api/units", Map.of("name", unit), 403));
        c.add(Case.of(pa, "POST", "/api/units", Map.of("name", unit), 403));
        // identity headers sent by a client change nothing here either
        c.add(new Case(be, "GET", communes + "?province=31", null, 403,
                Map.of("X-Loa-Tenant", "platform", "X-Loa-Roles", "SYSADMIN", "X-Loa-User", "admin")));
    }

    /**
     * Reminders and the bell (issue 21): the run is the system's and a province administrator's (its province's
     * communes); each person reads and marks only their own notifications and sets only their own preferences.
     */
    private static void reminders(List<Case> c, String ke, String kl, String ka, String hp, String be) {
        String run = "/api/notifications/run", bell = "/api/notifications", prefs = "/api/notifications/preferences";
        c.add(Case.of("anonymous", "POST", run, 401));
        c.add(Case.of("anonymous", "GET", bell, 401));
        c.add(Case.of("anonymous", "GET", prefs, 401));
        c.add(Case.of("admin", "POST", run, 200));
        c.add(Case.of("hai-phong.admin", "POST", run, 200));
        c.add(Case.of(kl, "POST", run, 403));
        c.add(Case.of(ka, "POST", run, 403));
        c.add(Case.of(ke, "POST", run, 403));
        c.add(Case.of(hp, "POST", run, 403));
        c.add(Case.of(ke, "GET", bell, 200));
        c.add(Case.of(be, "GET", bell, 200));
        c.add(Case.of(ke, "GET", prefs, 200));
        c.add(Case.of(hp, "GET", prefs, 404));
        c.add(Case.of("admin", "PUT", prefs, Map.of("inApp", true, "email", true, "zalo", true, "muted", List.of()),
                404));
        c.add(Case.of(ke, "PUT", prefs, Map.of("inApp", true, "email", true, "zalo", true, "zaloUserId", "không-số",
                "muted", List.of()), 400));
        c.add(Case.of(ke, "POST", bell + "/ntf-khong-co/read", 404));
        c.add(Case.of(be, "POST", bell + "/ntf-khong-co/read", 404));
        c.add(Case.of(hp, "POST", bell + "/ntf-khong-co/read", 403)); // a reviewer only reads (the gateway)
        c.add(Case.of("anonymous", "POST", bell + "/read-all", 401));
        c.add(Case.of(ke, "POST", bell + "/read-all", 204));
        c.add(Case.of(hp, "POST", bell + "/read-all", 403));
        // identity headers sent by a client change nothing: an editor stays an editor
        c.add(new Case(ke, "POST", run, null, 403, Map.of("X-Loa-Tenant", "platform", "X-Loa-Roles", "SYSADMIN",
                "X-Loa-User", "admin")));
    }

    private static Map<String, Object> person(String username, String role) {
        return Map.of("username", username, "fullName", "Nguyễn Văn An", "email", username + "@vi-du.vn",
                "roles", List.of(role), "password", "MatKhau@2026");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    @DisplayName("mỗi yêu cầu, đúng mã trạng thái")
    void eachRequestGetsExactlyItsStatus(Case c) {
        Reply r = Api.call(c.method(), resolve(c.path()), c.body(), tokenOf(c.who()), c.headers());
        if (c.status() >= 400) {
            assertVietnameseProblem(r, c.status());
        } else {
            assertThat(r.status()).as("%s: %s", c, r).isEqualTo(c.status());
            if (c.status() == 204) {
                assertThat(r.body()).as("%s: no content", c).isEmpty();
            } else {
                assertThat(r.body()).as("%s: a body", c).isNotEmpty();
            }
        }
    }

    /**
     * Every operation each service describes in its OpenAPI document has at least one row above with its method and a
     * path its template matches: an endpoint added without its rows fails here, naming it.
     */
    @Test
    @DisplayName("mọi địa chỉ mà các dịch vụ công bố đều có dòng trong ma trận")
    void everyEndpointTheServicesDescribeHasItsRows() {
        List<Case> cases = matrix().toList();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (String service : List.of("plan-service", "task-service", "content-service", "report-service",
                "notification-service")) {
            Reply r = Api.get("kim-thanh.editor", "/v3/api-docs/" + service);
            assertThat(r.status()).as("OpenAPI of %s: %s", service, r).isEqualTo(200);
            for (Map.Entry<String, JsonNode> path : r.json().path("paths").properties()) {
                Pattern template = Pattern.compile(Pattern.quote(path.getKey())
                        .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
                for (String method : path.getValue().propertyNames()) {
                    operations++;
                    boolean covered = cases.stream().anyMatch(c -> c.method().equalsIgnoreCase(method)
                            && template.matcher(resolve(c.path()).replaceFirst("\\?.*$", "")).matches());
                    if (!covered) {
                        missing.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + " (" + service + ")");
                    }
                }
            }
        }
        assertThat(operations).as("operations described").isGreaterThan(50);
        assertThat(missing).as("operations without a row in the matrix").isEmpty();
    }

    static String tokenOf(String who) {
        return switch (who) {
            case "anonymous" -> null;
            case "garbage-token" -> "abc.def.ghi";
            case "tampered-token" -> tampered(Api.token("bach-mai.editor"));
            case "unsigned-token" -> unsigned(Api.token("bach-mai.editor"));
            case "wrong-audience-token" -> wrongAudience();
            default -> Api.token(who);
        };
    }

    /** Bạch Mai's real token with its payload rewritten to claim Kim Thành; the signature no longer matches. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replace("\"" + Stack.BACH_MAI + "\"", "\"" + Stack.KIM_THANH + "\"");
        assertThat(forged).as("the token carries the tenant claim").isNotEqualTo(payload);
        return parts[0] + "." + b64(forged) + "." + parts[2];
    }

    /**
     * A genuine token of the realm, signed by its key, right issuer, not expired, but issued to Keycloak's built-in
     * {@code admin-cli} client: its audience is not {@code loa}.
     */
    static String wrongAudience() {
        String form = "grant_type=password&client_id=admin-cli&username=kim-thanh.editor&password=" + Api.PASSWORD;
        Reply r = Api.call("POST", "/auth/realms/loa/protocol/openid-connect/token", form, null,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(r.status()).as("admin-cli token from the realm: %s", r).isEqualTo(200);
        String token = r.json().path("access_token").asString();
        JsonNode claims = Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertThat(claims.path("iss").asString()).isEqualTo(Stack.BASE + "/auth/realms/loa");
        assertThat(claims.path("aud").toString()).as("audience of the admin-cli token").doesNotContain("\"loa\"");
        return token;
    }

    /** The same claims with {@code alg: none} and no signature. */
    static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ lists never leak another commune

    record Listing(String who, String path) {
        @Override
        public String toString() {
            return who + " GET " + path + " → 200, nothing of Kim Thành";
        }
    }

    static Stream<Listing> foreignListings() {
        return Stream.of(
                new Listing("bach-mai.editor", "/api/plans"),
                new Listing("bach-mai.editor", "/api/tasks?plan={kimPlan}"),
                new Listing("bach-mai.editor", "/api/contents"),
                new Listing("bach-mai.editor", "/api/contents?status=SUBMITTED"),
                new Listing("bach-mai.editor", "/api/activities"),
                new Listing("bach-mai.editor", "/api/dashboard"),
                new Listing("bach-mai.leader", "/api/contents?task={kimTask}"),
                new Listing("ha-noi.viewer", "/api/plans"),
                new Listing("ha-noi.viewer", "/api/tasks?plan={kimPlan}"),
                new Listing("ha-noi.viewer", "/api/contents"),
                new Listing("ha-noi.viewer", "/api/activities"),
                new Listing("ha-noi.viewer", "/api/dashboard/province"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignListings")
    @DisplayName("danh sách không lộ dữ liệu của xã khác")
    void listsShowNothingOfAnotherCommune(Listing l) {
        Reply r = Api.get(l.who(), resolve(l.path()));
        assertThat(r.status()).as("%s: %s", l, r).isEqualTo(200);
        for (String key : List.of("kimPlan", "kimDraft", "kimItem", "leaderItem", "kimActivity", "kimTask")) {
            assertThat(r.body()).as("%s must not contain %s (%s)", l, key, IDS.get(key)).doesNotContain(IDS.get(key));
        }
        assertThat(r.body()).as("%s must not contain Kim Thành's tenant", l)
                .doesNotContain("\"tenantId\":\"" + Stack.KIM_THANH + "\"")
                .doesNotContain("\"commune\":\"" + Stack.KIM_THANH + "\"")
                .doesNotContain("\"code\":\"" + Stack.KIM_THANH + "\"");
    }

    @Test
    @DisplayName("tài khoản tỉnh Hải Phòng thấy tin, bài của Kim Thành (đối chứng cho các danh sách)")
    void provinceReviewerSeesItsCommunesItems() {
        Reply r = Api.get("hai-phong.viewer", "/api/contents?status=SUBMITTED&size=100");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.body()).contains(IDS.get("kimItem"));
        Reply own = Api.get("kim-thanh.editor", "/api/contents?status=SUBMITTED&size=100");
        assertThat(own.body()).contains(IDS.get("kimItem"));
    }

    @Test
    @DisplayName("quản trị Hải Phòng chỉ thấy các xã, phường của Hải Phòng, quản trị xã chỉ thấy người của xã mình")
    void administratorsSeeOnlyWhatTheyCover() {
        var communes = Api.get("hai-phong.admin", "/api/admin/communes?province=31");
        assertThat(communes.status()).as("%s", communes).isEqualTo(200);
        JsonNode list = communes.json();
        assertThat(list.size()).isEqualTo(114);
        for (JsonNode commune : list) {
            assertThat(commune.path("provinceCode").asString()).isEqualTo("31");
            if (commune.path("code").asString().equals(Stack.KIM_THANH)) {
                assertThat(commune.path("active").asBoolean()).as("a seed commune is active").isTrue();
            }
        }
        var people = Api.get("kim-thanh.admin", "/api/admin/communes/" + Stack.KIM_THANH + "/users");
        assertThat(people.status()).as("%s", people).isEqualTo(200);
        assertThat(people.body()).contains("\"kim-thanh.editor\"").contains("\"kim-thanh.leader\"")
                .doesNotContain("bach-mai.").doesNotContain("tien-minh.").doesNotContain("hai-phong.");
    }

    @Test
    @DisplayName("đăng nhập sai mật khẩu: 401, thông báo tiếng Việt")
    void wrongPasswordIsRefused() {
        Reply r = Api.call("POST", "/api/auth/token", Map.of("username", "kim-thanh.editor", "password", "sai"),
                null, Map.of());
        assertVietnameseProblem(r, 401);
        assertThat(r.body()).doesNotContain("access_token");
    }

    @Test
    @DisplayName("mã truy cập mang đúng đơn vị và vai trò của người dùng")
    void tokensCarryTenantAndRoles() {
        JsonNode claims = Api.JSON.readTree(new String(Base64.getUrlDecoder()
                .decode(Api.token("kim-thanh.leader").split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(claims.path("tenant").asString()).isEqualTo(Stack.KIM_THANH);
        assertThat(claims.path("preferred_username").asString()).isEqualTo("kim-thanh.leader");
        assertThat(claims.path("iss").asString()).isEqualTo(Stack.BASE + "/auth/realms/loa");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("LEADER").doesNotContain("EDITOR");
    }
}
