package vn.loa.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.client.GatewayClient;

/**
 * Bad input at scale, against the running stack through the gateway (`./loa fuzz`): every public endpoint gets
 * malformed JSON, wrong types, huge strings, Unicode edge cases, MongoDB operator injection ({@code {"$gt": ""}}),
 * path traversal in ids and file names, oversized bodies, and another commune's ids. A finding is any 5xx, any
 * response that shows a stack trace or a Java class name, any refusal that is not a problem+json, and any 2xx for a
 * cross-tenant request; at the end, the victim commune's data must read exactly as before. Writes
 * bench/results/fuzz-&lt;date&gt;.md.
 */
public final class EndpointFuzz {

    private static final Logger log = LoggerFactory.getLogger(EndpointFuzz.class);
    private static final JsonMapper JSON = GatewayClient.JSON;
    private static final String BASE = System.getProperty("bench.url", "http://127.0.0.1:8080");
    private static final Pattern LEAK = Pattern.compile(
            "(?:\\bat (?:java|org|vn|com)\\.[\\w.$]+\\(|Exception\\b|java\\.lang\\.|org\\.springframework\\.|"
                    + "com\\.mongodb\\.|de\\.bwaldvogel)");
    /** Values put in place of a field, a path segment or a query parameter. */
    private static final List<Object> VALUES = List.of(
            123, -1, 1e308, true, List.of(), Map.of(), Map.of("$gt", ""), java.util.Collections.singletonMap("$ne", null),
            Map.of("$where", "sleep(1000)"), "{\"$gt\": \"\"}", "x".repeat(200_000), "",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "../../../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd", "' OR 1=1 --", "\u0000nul", "\u202Eabc\u202C", "\u200B\u200D\uFEFF",
            "🇻🇳 Tiếng Việt có dấu ❤", "Ｆｕｌｌｗｉｄｔｈ", "31/02/2025", "2025-13-45", "9999-12-31T99:99:99Z",
            "$gt", 9_223_372_036_854_775_807L, new java.math.BigInteger("9223372036854775808"), -0.0, 1e-320,
            "NaN", "Infinity", "null", "true", "0x1F", "１２３", "Tie\u0302\u0301ng Vie\u0323\u0302t (tổ hợp)",
            "\t\r\n", "%00%0d%0a", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "ý".repeat(5_000),
            List.of("a", 1, Map.of()), Map.of("a", Map.of("b", Map.of("c", List.of(List.of(List.of()))))),
            java.util.Collections.nCopies(10_000, "x"));

    private final GatewayClient gateway = new GatewayClient(BASE, Duration.ofSeconds(5));
    private final Map<String, Integer> casesByKind = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> operationsByService = new TreeMap<>();
    private final List<String> findings = new ArrayList<>();
    private int throttled;
    private long lastRequest;

    public static void main(String[] args) throws Exception {
        new EndpointFuzz().run();
    }

    private record Endpoint(String method, String path, Map<String, Object> body) {
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        String kim = token("kim-thanh.editor");
        String kimAdmin = token("kim-thanh.admin");
        String bach = token("bach-mai.editor");
        String kimPlan = issuedPlan(get("/api/plans", kim));
        String kimTask = first(get("/api/tasks?plan=" + enc(kimPlan), kim), "id");
        String annexTask = JSON.readTree(get("/api/plans/" + enc(kimPlan), kim).body()).path("tasks").path(0)
                .path("id").asString();
        String kimActivity = JSON.readTree(send("POST", "/api/activities", kim, JSON.writeValueAsString(
                Map.of("kind", "DIALOGUE", "title", "Đối thoại thử", "heldOn", "2025-10-15", "place", "Hội trường",
                        "participants", 10, "taskIds", List.of())), "application/json").body()).path("id").asString();
        // Kim Thành's own user fuzzes one item; another item of Kim Thành is the victim that only Bạch Mai's user
        // aims at: it must read exactly the same at the end.
        String kimItem = newItem(kim);
        String victimItem = newItem(kim);
        log.info("Kim Thành: plan {}, task {}, item {}, victim item {}", kimPlan, kimTask, kimItem, victimItem);
        String before = snapshot(kim, kimTask, victimItem);

        List<OpenApiEndpoints.Operation> own = described(ids(kimPlan, annexTask, kimTask, kimItem, kimActivity));
        List<OpenApiEndpoints.Operation> victims = described(ids(kimPlan, annexTask, kimTask, victimItem,
                kimActivity));
        // every body once more under a second role: the leader's (or the province administrator's) checks let other
        // things through to validation than the editor's (or the commune administrator's); the leader works on a draft
        // plan of its own, so that Kim Thành's issued plan is never amended or closed by the run
        String kimLeader = token("kim-thanh.leader");
        String provinceAdmin = token("hai-phong.admin");
        String draft = JSON.readTree(send("POST", "/api/plans", kimLeader, JSON.writeValueAsString(Map.of(
                "title", "Kế hoạch thử dữ liệu xấu", "year", 2026, "number", "1/KH-THU")), "application/json").body())
                .path("id").asString();
        for (OpenApiEndpoints.Operation op : described(ids(draft, annexTask, kimTask, kimItem, kimActivity))) {
            if (op.body() != null) {
                boolean admin = op.path().startsWith("/api/admin") || op.path().startsWith("/api/units");
                fuzzBody(new Endpoint(op.method(), op.path(), op.body()), admin ? provinceAdmin : kimLeader);
            }
        }
        for (OpenApiEndpoints.Operation op : own) {
            Endpoint e = new Endpoint(op.method(), op.path(), op.body());
            boolean admin = op.path().startsWith("/api/admin") || op.path().startsWith("/api/units");
            String token = admin ? kimAdmin : kim;
            if (e.body() != null) {
                fuzzBody(e, token);
            }
            fuzzPath(e, token);
            if (op.method().equals("GET")) {
                fuzzDeclaredQueries(op, token);
            }
        }
        for (Endpoint e : undescribed(kimItem)) {
            if (e.body() != null) {
                fuzzBody(e, kim);
            }
            fuzzPath(e, kim);
        }
        for (OpenApiEndpoints.Operation op : victims) {
            if (op.namesCommuneData()) {
                check("cross-tenant", op.method(), op.path(), bach, op.body() == null ? null
                        : JSON.writeValueAsString(op.body()), "application/json", true);
            }
        }
        fuzzQueries(kim, kimPlan);
        fuzzUploads(kim, kimItem);
        String after = snapshot(kim, kimTask, victimItem);
        if (!before.equals(after)) {
            findings.add("cross-tenant effect: Kim Thành's victim item or task changed during the run");
        }
        casesByKind.merge("victim snapshot compared", 1, Integer::sum);
        report((System.nanoTime() - started) / 1e9);
    }

    /** The services whose OpenAPI documents the gateway serves ({@code /v3/api-docs/<service>}). */
    private static final List<String> DESCRIBED = List.of("plan-service", "task-service", "content-service",
            "report-service", "notification-service");

    /** Every operation the services describe, with Kim Thành's ids in its path. */
    private List<OpenApiEndpoints.Operation> described(java.util.function.Function<String, String> ids) {
        OpenApiEndpoints openApi = new OpenApiEndpoints(ids);
        List<OpenApiEndpoints.Operation> all = new ArrayList<>();
        for (String service : DESCRIBED) {
            HttpResponse<String> r = get("/v3/api-docs/" + service, token("kim-thanh.editor"));
            if (r == null || r.statusCode() != 200) {
                log.info("{} describes no operations here ({}): left out", service, r == null ? "no answer"
                        : r.statusCode());
                continue;
            }
            List<OpenApiEndpoints.Operation> ops = openApi.operations(service, JSON.readTree(r.body()));
            operationsByService.put(service, ops.size());
            all.addAll(ops);
        }
        return all;
    }

    /** What a placeholder stands for, by the template up to it: the commune's own ids, else nothing. */
    private static java.util.function.Function<String, String> ids(String plan, String annexTask, String task,
            String item, String activity) {
        return upTo -> {
            if (upTo.matches(".*/api/plans/\\{[^}]+}")) {
                return plan;
            }
            if (upTo.matches(".*/api/plans/\\{[^}]+}/tasks/\\{[^}]+}")) {
                return annexTask;
            }
            if (upTo.matches(".*/api/tasks/\\{[^}]+}")) {
                return task;
            }
            if (upTo.matches(".*/api/contents/\\{[^}]+}") || upTo.endsWith("{itemId}")) {
                return item;
            }
            if (upTo.matches(".*/api/activities/\\{[^}]+}")) {
                return activity;
            }
            if (upTo.matches(".*/api/admin/communes/\\{[^}]+}") || upTo.endsWith("{tenant}")) {
                return "10804";
            }
            return null;
        };
    }

    /** Endpoints no OpenAPI document describes: the manual desk (a channel) and the gateway's own. */
    private static List<Endpoint> undescribed(String item) {
        return List.of(
                new Endpoint("GET", "/api/manual-publications", null),
                new Endpoint("GET", "/api/manual-publications/khong-co/screenshot", null),
                new Endpoint("POST", "/api/manual-publications/khong-co/confirm", new LinkedHashMap<>(Map.of(
                        "url", "https://baohaiphong.vn/a", "publishedAt", "2025-09-02T08:15"))),
                new Endpoint("GET", "/api/admin/communes/10804/export", null),
                new Endpoint("GET", "/api/contents/" + item, null));
    }

    /** Each query parameter an operation declares, with values it cannot take. */
    private void fuzzDeclaredQueries(OpenApiEndpoints.Operation op, String token) {
        for (String param : op.queryParameters()) {
            for (String value : List.of("x", "-1", "99999999999", "2025-13-45", "{\"$gt\":\"\"}", "' OR 1=1",
                    "../../etc", "🇻🇳", "", "x".repeat(5_000))) {
                String sep = op.path().contains("?") ? "&" : "?";
                check("declared query " + param, "GET", op.path() + sep + enc(param) + "=" + enc(value), token, null,
                        null, false);
            }
        }
    }

    private static Map<String, Object> validItem() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", "Bài thử nghiệm dữ liệu xấu " + UUID.randomUUID());
        item.put("summary", "Tóm tắt");
        item.put("body", "<p>Nội dung</p>");
        item.put("kind", "ARTICLE");
        item.put("themes", List.of("Dịch vụ công trực tuyến"));
        item.put("taskIds", List.of());
        item.put("channels", List.of("portal"));
        return item;
    }

    /** Each field replaced by each bad value; then whole bodies that are not what the endpoint reads. */
    private void fuzzBody(Endpoint e, String token) {
        for (String field : e.body().keySet()) {
            for (Object value : VALUES) {
                Map<String, Object> body = new LinkedHashMap<>(e.body());
                body.put(field, value);
                check("field " + field, e.method(), e.path(), token, JSON.writeValueAsString(body),
                        "application/json", false);
            }
            Map<String, Object> operatorKey = new LinkedHashMap<>(e.body());
            operatorKey.put("$set", Map.of("tenantId", "00292"));
            check("operator as a key", e.method(), e.path(), token, JSON.writeValueAsString(operatorKey),
                    "application/json", false);
        }
        List<String> bodies = List.of("{", "{\"title\":", "[]", "null", "\"x\"", "12", "{\"a\":1,}", "\u0000\u0001",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"title\":\"\\uD800\"}", "<xml/>");
        for (String body : bodies) {
            check("malformed JSON", e.method(), e.path(), token, body, "application/json", false);
        }
        check("wrong content type", e.method(), e.path(), token, "title=x", "application/x-www-form-urlencoded",
                false);
        check("oversized body", e.method(), e.path(), token, "{\"title\":\"" + "x".repeat(30 * 1024 * 1024) + "\"}",
                "application/json", false);
    }

    /** The ids in the path replaced by traversal, operators, huge and odd strings. */
    private void fuzzPath(Endpoint e, String token) {
        Matcher id = Pattern.compile("/(demo-[^/]+|[0-9a-f-]{20,}|[^/]*:[^/]*|2025-Q3)(?=/|$)").matcher(e.path());
        if (!id.find()) {
            return;
        }
        for (Object value : VALUES) {
            String segment = value instanceof String s ? s : JSON.writeValueAsString(value);
            if (segment.length() > 10_000) {
                segment = segment.substring(0, 10_000);
            }
            String path = e.path().substring(0, id.start(1)) + enc(segment) + e.path().substring(id.end(1));
            check("path id", e.method(), path, token, e.body() == null ? null : JSON.writeValueAsString(e.body()),
                    "application/json", false);
        }
        for (String raw : List.of("..", "%2e%2e", "..;", "%00", "%252e%252e%252f")) {
            String path = e.path().substring(0, id.start(1)) + raw + e.path().substring(id.end(1));
            check("path traversal", e.method(), path, token, e.body() == null ? null
                    : JSON.writeValueAsString(e.body()), "application/json", false);
        }
    }

    /** Another commune's user on every endpoint with Kim Thành's ids: never a success. */
    private void crossTenant(Endpoint e, String otherCommune) {
        if (e.path().equals("/api/contents") || e.path().equals("/api/activities") || e.path().equals("/api/plans")
                || e.path().startsWith("/api/dashboard") || e.path().startsWith("/api/reports")
                || e.path().startsWith("/api/channels") || e.path().startsWith("/api/manual-publications")) {
            return; // no id of Kim Thành in these: they act on the caller's own commune
        }
        check("cross-tenant", e.method(), e.path(), otherCommune, e.body() == null ? null
                : JSON.writeValueAsString(e.body()), "application/json", true);
    }

    private void fuzzQueries(String token, String plan) {
        List<String> queries = new ArrayList<>();
        for (String param : List.of("status", "task", "from", "to", "page", "size", "sort", "plan", "dir")) {
            for (String value : List.of("x", "-1", "99999999999", "2025-13-45", "{\"$gt\":\"\"}", "' OR 1=1",
                    "../../etc", "🇻🇳")) {
                queries.add("/api/contents?" + param + "=" + enc(value));
                queries.add("/api/tasks?" + param + "=" + enc(value));
                queries.add("/api/dashboard/province?" + param + "=" + enc(value));
            }
            queries.add("/api/contents?" + param + "[$ne]=x");
            queries.add("/api/tasks?" + param + "[$gt]=");
        }
        for (String period : List.of("2025-Q5", "2025-M13", "2025-H3", "1-Q1", "99999-Q1", "2025-9M-1", "..%2F..",
                "2025-02-30..2025-03-01", "2025-01-01..2030-01-01", "%00")) {
            queries.add("/api/reports/" + period);
            queries.add("/api/reports/" + period + "?format=docx");
        }
        queries.add("/api/reports/2025-Q3?format=exe");
        queries.add("/api/tasks?plan=" + enc(plan) + "&plan=" + enc("{\"$ne\":null}"));
        for (String q : queries) {
            check("query", "GET", q, token, null, null, false);
        }
    }

    private void fuzzUploads(String token, String item) {
        byte[] exe = "MZ\u0090\u0000this is not an image".getBytes(StandardCharsets.ISO_8859_1);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        for (String name : List.of("../../evil.jpg", "..\\..\\evil.jpg", "a/b/c.jpg", "%2e%2e%2fevil.jpg",
                "evil.jpg\u0000.exe", "ảnh hội nghị.jpg", "x".repeat(5_000) + ".jpg", "", ".jpg", "CON.jpg")) {
            for (byte[] content : List.of(exe, jpeg, new byte[0])) {
                multipart("upload", "/api/contents/" + item + "/attachments", token, name, content);
                multipart("upload", "/api/plans/import", token, name.replace(".jpg", ".docx"), content);
            }
        }
        multipart("oversized upload", "/api/contents/" + item + "/attachments", token, "big.jpg",
                new byte[30 * 1024 * 1024]);
    }

    private void multipart(String kind, String path, String token, String fileName, byte[] content) {
        GatewayClient.Multipart form = new GatewayClient.Multipart(Map.of(), Map.of("file",
                new GatewayClient.Multipart.FilePart(fileName.replace("\"", "%22"), "image/jpeg", content)));
        judge(kind, "POST", path, exchange(gateway.request("POST", path, token, form, Map.of(),
                Duration.ofSeconds(60))), false);
    }

    private void check(String kind, String method, String path, String token, String body, String contentType,
            boolean crossTenant) {
        HttpResponse<String> response = send(method, path, token, body, contentType);
        judge(kind, method, path, response, crossTenant);
    }

    private void judge(String kind, String method, String path, HttpResponse<String> response, boolean crossTenant) {
        casesByKind.merge(kind, 1, Integer::sum);
        if (response == null) {
            return; // refused by the client library itself (e.g. an illegal URI): not a request that was sent
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String where = method + " " + abbreviate(path);
        String body = response.body() == null ? "" : response.body();
        if (status >= 500) {
            findings.add(status + " on " + where + " (" + kind + "): " + abbreviate(body));
        } else if (LEAK.matcher(body).find()) {
            findings.add("internals shown on " + where + " (" + kind + "): " + abbreviate(body));
        } else if (status >= 400 && !response.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            findings.add("refusal " + status + " without problem+json on " + where + " (" + kind + "): "
                    + response.headers().firstValue("Content-Type").orElse("no content type") + " "
                    + abbreviate(body));
        }
        if (crossTenant && status < 300) {
            findings.add("cross-tenant " + status + " on " + where);
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String contentType) {
        HttpRequest request;
        try {
            request = gateway.request(method, path, token, body,
                    body != null && contentType != null ? Map.of("Content-Type", contentType) : Map.of(),
                    Duration.ofSeconds(60));
        } catch (IllegalArgumentException illegal) {
            return null;
        }
        return exchange(request);
    }

    /** Sends at most ~35 requests a second (the gateway's limits are 50 per user); waits out a 429 and retries. */
    private HttpResponse<String> exchange(HttpRequest request) {
        for (int attempt = 0; attempt < 5; attempt++) {
            pace();
            try {
                HttpResponse<String> r = gateway.http().send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 429) {
                    return r;
                }
                throttled++;
                Thread.sleep(1_000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
            } catch (IOException e) {
                findings.add("connection failed on " + request.method() + " " + abbreviate(request.uri().getPath())
                        + ": " + e);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("still throttled after 5 attempts: " + request.uri());
    }

    private void pace() {
        long wait = lastRequest + 28_000_000L - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lastRequest = System.nanoTime();
    }

    private HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    private String token(String user) {
        HttpResponse<String> r = send("POST", "/api/auth/token", null,
                "{\"username\":\"" + user + "\",\"password\":\"demo\"}", "application/json");
        if (r == null || r.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + " (is ./loa up running?): "
                    + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static String first(HttpResponse<String> r, String field) {
        JsonNode node = JSON.readTree(r.body());
        JsonNode list = node.isArray() ? node : node.path("items");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalStateException("nothing to fuzz with: " + abbreviate(r.body()));
        }
        return list.get(0).path(field).asText();
    }

    /** The first issued plan (the fuzzing itself adds drafts to the list). */
    private static String issuedPlan(HttpResponse<String> r) {
        for (JsonNode plan : JSON.readTree(r.body())) {
            if ("ISSUED".equals(plan.path("status").asText()) || "AMENDED".equals(plan.path("status").asText())) {
                return plan.path("id").asText();
            }
        }
        throw new IllegalStateException("no issued plan to fuzz with: " + abbreviate(r.body()));
    }

    /** What Kim Thành's own users read of the victim item and a task of theirs. */
    private String snapshot(String kim, String task, String item) {
        return get("/api/tasks/" + task, kim).body() + "\n" + get("/api/contents/" + item, kim).body();
    }

    private String newItem(String token) {
        return JSON.readTree(send("POST", "/api/contents", token, JSON.writeValueAsString(validItem()),
                "application/json").body()).path("id").asText();
    }

    private void report(double seconds) throws IOException {
        int cases = casesByKind.values().stream().mapToInt(Integer::intValue).sum();
        List<String> md = new ArrayList<>();
        md.add("# Endpoint fuzzing, " + LocalDate.now());
        md.add("");
        md.add("Machine: " + Runtime.getRuntime().availableProcessors() + " processors, "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + "; target " + BASE
                + " (`./loa up`, embedded default). Run time " + Math.round(seconds) + " s; " + throttled
                + " requests waited out a 429 and were sent again.");
        md.add("");
        md.add("Operations described by the services' OpenAPI documents and fuzzed: " + operationsByService
                + " (" + operationsByService.values().stream().mapToInt(Integer::intValue).sum() + "), plus the "
                + "manual desk's and the gateway's own.");
        md.add("");
        md.add("| cases | kind |");
        md.add("|---:|---|");
        casesByKind.forEach((k, v) -> md.add("| " + v + " | " + k + " |"));
        md.add("| **" + cases + "** | **all** |");
        md.add("");
        md.add("Statuses: " + statuses);
        md.add("");
        md.add("## Findings: " + findings.size());
        md.add("");
        findings.sort(java.util.Comparator.comparingInt(EndpointFuzz::severity));
        findings.stream().limit(100).forEach(f -> md.add("- " + f.replace("\n", " ")));
        Path dir = Path.of(System.getProperty("bench.out", Files.isDirectory(Path.of("bench")) ? "bench/results"
                : "results"));
        Files.createDirectories(dir);
        Path out = dir.resolve("fuzz-" + LocalDate.now() + ".md");
        Files.write(out, md);
        log.info("{} cases, {} findings, statuses {} — {}", cases, findings.size(), statuses, out);
        findings.stream().limit(20).forEach(f -> log.warn("finding: {}", f));
    }

    /** 5xx and cross-tenant effects first, then internals shown, then refusals that are not problems. */
    private static int severity(String finding) {
        if (finding.matches("^5\\d\\d .*") || finding.startsWith("cross-tenant")) {
            return 0;
        }
        return finding.startsWith("internals") ? 1 : finding.startsWith("connection") ? 2 : 3;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 160) + "…";
    }
}
