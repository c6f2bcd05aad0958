package vn.loa.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 20's figures, against the running stack through the gateway ({@code ./loa bench onboarding}): the system
 * administrator activates every commune of a province (Hải Phòng, 114) and creates one administrator for each —
 * time in all and per commune —, then the first login of one of them (a token by password, the embedded default's
 * password grant); then enough people are added to bring the realm to {@code bench.users} (1,000) and Keycloak's
 * resident memory is read from /proc before and after. At the end every commune it activated is deactivated again
 * (its accounts disabled), so that a later browser test still finds inactive communes. Writes
 * bench/results/onboarding-&lt;date&gt;.md and .json.
 */
public final class OnboardingBenchmark {

    private static final Logger log = LoggerFactory.getLogger(OnboardingBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = System.getProperty("bench.url", "http://127.0.0.1:8080");
    private static final String PROVINCE = System.getProperty("bench.province", "31");
    private static final int USERS = Integer.getInteger("bench.users", 1000);
    private static final String PASSWORD = "BenchMark@2026";

    private final BenchApi api = new BenchApi(BASE);


    public static void main(String[] args) throws Exception {
        new OnboardingBenchmark().run();
    }

    private void run() throws Exception {
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String admin = api.token("admin", "demo");
        long rssBefore = keycloakRssKiB();

        JsonNode communes = BenchApi.ok(api.call("GET", "/api/admin/communes?province=" + PROVINCE, null, admin), 200).json();
        List<String> activated = new ArrayList<>();
        long[] perCommune = new long[communes.size()];
        String firstAdmin = null;
        String firstCommune = null;
        int created = 0;
        long start = System.nanoTime();
        int i = 0;
        for (JsonNode commune : communes) {
            String code = commune.path("code").asString();
            long t0 = System.nanoTime();
            if (!commune.path("active").asBoolean()) {
                BenchApi.ok(api.call("POST", "/api/admin/communes/" + code + "/activate", null, admin), 200);
                activated.add(code);
            }
            String username = "bench-" + stamp + "-" + code + ".admin";
            BenchApi.ok(api.call("POST", "/api/admin/communes/" + code + "/users", person(username, "ADMIN"), admin), 201);
            created++;
            perCommune[i++] = System.nanoTime() - t0;
            if (firstAdmin == null && activated.contains(code)) {
                firstAdmin = username;
                firstCommune = code;
            }
        }
        long activation = System.nanoTime() - start;
        log.info("{} communes activated with one administrator each in {} s", communes.size(),
                String.format("%.1f", Stats.ms(activation) / 1000));

        long loginStart = System.nanoTime();
        String firstToken = api.token(firstAdmin, PASSWORD);
        long firstLogin = System.nanoTime() - loginStart;
        BenchApi.Answer own = BenchApi.ok(api.call("GET", "/api/admin/communes/" + firstCommune + "/users", null, firstToken), 200);
        log.info("first login of {} in {} ms ({} people listed)", firstAdmin, Stats.ms(firstLogin),
                own.json().size());

        // up to bench.users accounts in the realm: editors spread over the province's communes
        long fillStart = System.nanoTime();
        int existing = realmUsers(admin);
        int toAdd = Math.max(0, USERS - existing);
        for (int n = 0; n < toAdd; n++) {
            String code = communes.get(n % communes.size()).path("code").asString();
            BenchApi.ok(api.call("POST", "/api/admin/communes/" + code + "/users",
                    person("bench-" + stamp + "-" + n + ".editor", "EDITOR"), admin), 201);
            created++;
        }
        long fill = System.nanoTime() - fillStart;
        int total = realmUsers(admin);
        long rssAfter = keycloakRssKiB();

        long deactivateStart = System.nanoTime();
        for (String code : activated) {
            BenchApi.ok(api.call("POST", "/api/admin/communes/" + code + "/deactivate", null, admin), 200);
        }
        long deactivation = System.nanoTime() - deactivateStart;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", LocalDate.now().toString());
        result.put("province", PROVINCE);
        result.put("communes", communes.size());
        result.put("activatedNow", activated.size());
        result.put("activationWithOneAdministratorSeconds", round(Stats.ms(activation) / 1000));
        result.put("perCommuneMs", Stats.of(perCommune));
        result.put("firstLoginMs", round(Stats.ms(firstLogin)));
        result.put("accountsCreated", created);
        result.put("accountsAddedToReachTarget", toAdd);
        result.put("fillSeconds", round(Stats.ms(fill) / 1000));
        result.put("realmUsersCounted", total);
        result.put("keycloakRssKiBBefore", rssBefore);
        result.put("keycloakRssKiBAfter", rssAfter);
        result.put("deactivationSeconds", round(Stats.ms(deactivation) / 1000));
        result.put("throttled", api.throttled());
        write(result);
    }

    /** The accounts of the province's communes (what administration can see), counted commune by commune. */
    private int realmUsers(String token) {
        int n = 0;
        for (JsonNode commune : BenchApi.ok(api.call("GET", "/api/admin/communes?province=" + PROVINCE, null, token), 200).json()) {
            n += BenchApi.ok(api.call("GET", "/api/admin/communes/" + commune.path("code").asString() + "/users", null, token), 200)
                    .json().size();
        }
        return n;
    }

    /** Keycloak's resident set (KiB): the JVM started with -Dloa.part=keycloak, read from /proc; -1 if not found. */
    private static long keycloakRssKiB() {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                    if (cmd.contains("-Dloa.part=keycloak") && cmd.contains("java")) {
                        for (String line : Files.readAllLines(p.resolve("status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("\\D", ""));
                            }
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static Map<String, Object> person(String username, String role) {
        return Map.of("username", username, "fullName", "Cán bộ Thử nghiệm", "email", username + "@bench.loa.invalid",
                "roles", List.of(role), "password", PASSWORD, "temporary", false);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void write(Map<String, Object> result) throws IOException {
        Path dir = BenchApi.resultsDirectory();
        String name = "onboarding-" + result.get("date");
        Files.writeString(dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        List<String> md = new ArrayList<>();
        md.add("# Onboarding a province — " + result.get("date"));
        md.add("");
        md.add("`./loa bench onboarding` on the embedded default (`./loa up`), through the gateway, one request at a time"
                + " (issue 20, docs/adr/0011).");
        md.add("");
        md.add("| figure | value |");
        md.add("|---|---|");
        result.forEach((k, v) -> md.add("| " + k + " | " + v + " |"));
        Files.write(dir.resolve(name + ".md"), md);
        log.info("{}", result);
    }
}
