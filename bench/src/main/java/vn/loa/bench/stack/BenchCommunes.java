package vn.loa.bench.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import vn.loa.bench.stack.Http.As;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.platform.tenancy.CommuneDirectory.Commune;

/**
 * The communes a benchmark publishes for, made ready on the running stack: one Keycloak user each
 * ({@code bench.<code>}, leader, password {@code bench}, created through Keycloak's admin API), one issued 2026 plan
 * each (Tiên Minh's real 2026 annex plus a monthly "2 news items on the portal" task), and approved items waiting to
 * be published. Only the publish request is measured: the preparation goes to the services directly, with the
 * headers the gateway would set, as fast as they take it.
 */
final class BenchCommunes {

    static final String PLAN_NUMBER = "99/KH-ĐT";
    private static final Path TEMPLATE = Path.of("plan-service/src/main/resources/demo/tien-minh-2026.json");

    private final Http http;
    private final StackEndpoints stack;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger itemNo = new AtomicInteger();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private String adminToken;
    private long adminTokenAt;

    BenchCommunes(Http http, StackEndpoints stack) {
        this.http = http;
        this.stack = stack;
    }

    /** The first {@code n} communes: Hải Phòng's first (the province whose reviewer the demo has), then others. */
    static List<Commune> pick(int n) {
        CommuneDirectory directory = CommuneDirectory.instance();
        List<Commune> all = new ArrayList<>(directory.province("31").orElseThrow().communes());
        for (int code = 1; code < 100; code++) { // province codes are two digits
            String province = "%02d".formatted(code);
            if (!province.equals("31")) {
                directory.province(province).ifPresent(p -> all.addAll(p.communes()));
            }
        }
        if (n > all.size()) {
            throw new IllegalArgumentException("only " + all.size() + " communes in the directory");
        }
        return List.copyOf(all.subList(0, n));
    }

    /** Users, tokens and plans for these communes (what exists already is kept), in parallel. */
    void prepare(List<Commune> communes, IntConsumer progress) throws Exception {
        JsonNode leaderRole = http.get(stack.keycloak() + "/admin/realms/loa/roles/LEADER", As.token(adminToken()))
                .expect("role LEADER").json();
        AtomicInteger done = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> all = new ArrayList<>();
            for (Commune c : communes) {
                all.add(pool.submit(() -> {
                    ensureUser(c, leaderRole);
                    ensurePlan(c);
                    progress.accept(done.incrementAndGet());
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
    }

    /** Keycloak's admin token (master realm, admin-cli): it lives a minute, so it is asked again after 30 s. */
    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > 30_000_000_000L) {
            try {
                adminToken = http.form(stack.keycloak() + "/realms/master/protocol/openid-connect/token", Map.of(
                        "grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", Files.readString(stack.data().resolve("keycloak/admin-password")).strip()))
                        .expect("Keycloak admin token").json().path("access_token").asString();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("no Keycloak admin password in data/keycloak/", e);
            }
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    String token(String code) {
        return tokens.computeIfAbsent(code, c -> http.form(stack.keycloak() + "/realms/loa/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "loa-web", "username", user(c), "password", "bench"))
                .expect("token of " + user(c)).json().path("access_token").asString());
    }

    /** Fresh tokens (they live 15 minutes; a long run asks again between phases). */
    void renewTokens() {
        tokens.clear();
    }

    static String user(String code) {
        return "bench." + code;
    }

    private void ensureUser(Commune c, JsonNode leaderRole) {
        String base = stack.keycloak() + "/admin/realms/loa/users";
        As admin = As.token(adminToken());
        JsonNode found = http.get(base + "?exact=true&username=" + user(c.code()), admin).expect("user search").json();
        if (found.isEmpty()) {
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("username", user(c.code()));
            u.put("enabled", true);
            u.put("emailVerified", true);
            u.put("email", user(c.code()) + "@bench.loa.invalid");
            u.put("firstName", "Đo tải");
            u.put("lastName", c.name());
            u.put("attributes", Map.of("tenant", List.of(c.code())));
            u.put("credentials", List.of(Map.of("type", "password", "value", "bench", "temporary", false)));
            http.post(base, admin, u).expect("create user " + user(c.code()));
            found = http.get(base + "?exact=true&username=" + user(c.code()), admin).expect("user search").json();
            String id = found.get(0).path("id").asString();
            http.post(base + "/" + id + "/role-mappings/realm", admin, List.of(leaderRole)).expect("role of " + id);
        }
    }

    private As leader(String code) {
        return As.headers(code, user(code), "LEADER");
    }

    private As editor(String code) {
        return As.headers(code, user(code) + ".editor", "EDITOR");
    }

    private void ensurePlan(Commune c) throws Exception {
        JsonNode plans = http.get(stack.plan() + "/api/plans", leader(c.code())).expect("plans").json();
        for (JsonNode p : plans) {
            if (PLAN_NUMBER.equals(p.path("number").asString()) && "ISSUED".equals(p.path("status").asString())) {
                return;
            }
        }
        JsonNode template = Http.JSON.readTree(Files.readString(TEMPLATE));
        ObjectNode plan = (ObjectNode) template.path("plan").deepCopy();
        plan.put("number", PLAN_NUMBER);
        plan.put("title", "Tuyên truyền CCHC năm 2026 của " + c.name() + " (đo tải)");
        plan.put("place", c.name());
        String id = http.post(stack.plan() + "/api/plans", leader(c.code()), plan).expect("create plan").json()
                .path("id").asString();
        List<Object> tasks = new ArrayList<>();
        template.path("tasks").forEach(tasks::add);
        tasks.add(Map.of("title", "Đăng tin CCHC trên Cổng thông tin điện tử của xã",
                "leadUnit", "Văn phòng HĐND&UBND", "productKinds", List.of("NEWS"), "channels", List.of("portal"),
                "quota", Map.of("count", 2, "per", "MONTH", "from", "2026-01", "to", "2026-12"),
                "due", Map.of("text", "Hằng tháng")));
        for (Object t : tasks) {
            http.post(stack.plan() + "/api/plans/" + id + "/tasks", leader(c.code()), t).expect("task");
        }
        http.post(stack.plan() + "/api/plans/" + id + "/issue", leader(c.code()), null).expect("issue plan");
    }

    /** An approved news item for the portal of this commune, written by its editor and approved by its leader. */
    String approvedItem(String code) {
        int no = itemNo.incrementAndGet();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("title", "Tin CCHC số " + no + " (đo tải " + runId + ")");
        item.put("summary", "Kết quả giải quyết thủ tục hành chính trong tuần.");
        item.put("body", "<p>Trong tuần, bộ phận một cửa của xã đã tiếp nhận và giải quyết đúng hạn các hồ sơ thủ tục"
                + " hành chính; người dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.</p>");
        item.put("kind", "NEWS");
        item.put("channels", List.of("portal"));
        String id = http.post(stack.content() + "/api/contents", editor(code), item).expect("create item").json()
                .path("id").asString();
        http.post(stack.content() + "/api/contents/" + id + "/submit", editor(code), null).expect("submit");
        http.post(stack.content() + "/api/contents/" + id + "/approve", leader(code), null).expect("approve");
        return id;
    }
}
