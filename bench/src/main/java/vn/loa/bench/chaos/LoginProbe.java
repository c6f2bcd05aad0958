package vn.loa.bench.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.loa.client.GatewayClient;
import vn.loa.client.GatewayClient.Reply;

/**
 * What a commune officer who wants to sign in sees while Keycloak is killed and restarted: once a second, the login
 * page through the gateway as a browser asks for it (Accept: text/html), and every few seconds the embedded default's
 * password sign-in ({@code POST /api/auth/token}) as a script uses it. Each answer is one of: Keycloak's login form,
 * the gateway's Vietnamese "login temporarily interrupted" page (503), a Vietnamese problem (503), or anything else —
 * which the suite counts as a mismatch (a user must never meet an error page of a framework or a 500).
 */
final class LoginProbe {

    enum Seen { LOGIN_FORM, VIETNAMESE_PAGE, TOKEN, VIETNAMESE_PROBLEM, RATE_LIMITED, OTHER }

    record Probe(double atSeconds, String what, Seen seen, int status, String detail) {
    }

    private final GatewayClient client;
    private final Timeline timeline;
    private final String loginPage;
    final List<Probe> probes = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread thread;
    volatile double killedAt = -1;
    volatile double healthyAt = -1;

    LoginProbe(GatewayClient client, Timeline timeline) {
        this.client = client;
        this.timeline = timeline;
        String back = Api.query(client.base().replaceAll("/+$", "") + "/");
        this.loginPage = "/auth/realms/loa/protocol/openid-connect/auth?client_id=loa-web&response_type=code"
                + "&scope=openid&redirect_uri=" + back
                // the web app signs in with PKCE (S256); the challenge of RFC 7636's example serves for a probe
                + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    }

    /** Starts probing (Keycloak has just been killed). */
    void start() {
        killedAt = timeline.now();
        running = true;
        thread = Thread.ofPlatform().name("chaos-login-probe").start(this::probe);
    }

    /**
     * Keycloak answers healthy again: probing goes on until the login form has come back three times in a row (or
     * 120 s), so the figure is the outage as a user sees it, not as the health check sees it.
     */
    void healthy() throws InterruptedException {
        healthyAt = timeline.now();
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until && !backThreeTimes()) {
            Thread.sleep(250);
        }
        running = false;
        thread.join(10_000);
    }

    private boolean backThreeTimes() {
        List<Probe> pages = probes.stream().filter(p -> p.what().equals("login page")).toList();
        return pages.size() >= 3 && pages.subList(pages.size() - 3, pages.size()).stream()
                .allMatch(p -> p.seen() == Seen.LOGIN_FORM);
    }

    private void probe() {
        int n = 0;
        while (running) {
            probes.add(page());
            if (n++ % 5 == 0) {
                probes.add(token());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Probe page() {
        double at = timeline.now();
        try {
            Reply r = client.send(client.request("GET", loginPage, null, null, Map.of("Accept", "text/html"),
                    Duration.ofSeconds(10)));
            String body = r.body() == null ? "" : r.body();
            if (r.status() == 200 && body.contains("kc-form-login")) {
                return new Probe(at, "login page", Seen.LOGIN_FORM, 200, "");
            }
            if (r.status() == 503 && body.contains("data-testid=\"login-unavailable\"")
                    && body.contains("Đăng nhập tạm thời gián đoạn")) {
                return new Probe(at, "login page", Seen.VIETNAMESE_PAGE, 503, "");
            }
            return new Probe(at, "login page", Seen.OTHER, r.status(), GatewayClient.abbreviate(body));
        } catch (IOException e) {
            return new Probe(at, "login page", Seen.OTHER, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(at, "login page", Seen.OTHER, 0, "interrupted");
        }
    }

    private Probe token() {
        double at = timeline.now();
        Commune c = Commune.DEMO.getFirst();
        try {
            Reply r = client.tokenReply(c.editor(), Api.PASSWORD);
            if (r.status() == 200) {
                return new Probe(at, "sign-in API", Seen.TOKEN, 200, "");
            }
            if (r.status() == 429) {
                return new Probe(at, "sign-in API", Seen.RATE_LIMITED, 429, "");
            }
            String title = r.body() != null && r.body().startsWith("{") ? r.json().path("title").asString() : "";
            if (r.status() == 503 && title.equals("Máy chủ xác thực không phản hồi")) {
                return new Probe(at, "sign-in API", Seen.VIETNAMESE_PROBLEM, 503, title);
            }
            return new Probe(at, "sign-in API", Seen.OTHER, r.status(), GatewayClient.abbreviate(r.body()));
        } catch (IOException e) {
            return new Probe(at, "sign-in API", Seen.OTHER, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(at, "sign-in API", Seen.OTHER, 0, "interrupted");
        }
    }

    /** Seconds from the kill until the login form was back for good (the first of the last unbroken run of forms). */
    double loginDownSeconds() {
        List<Probe> pages = probes.stream().filter(p -> p.what().equals("login page")).toList();
        double backAt = -1;
        for (int i = pages.size() - 1; i >= 0 && pages.get(i).seen() == Seen.LOGIN_FORM; i--) {
            backAt = pages.get(i).atSeconds();
        }
        return backAt < 0 ? -1 : Math.round((backAt - killedAt) * 10) / 10.0;
    }

    List<Probe> others() {
        return probes.stream().filter(p -> p.seen() == Seen.OTHER).toList();
    }

    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        Map<String, Long> seen = new TreeMap<>();
        probes.forEach(p -> seen.merge(p.what() + ": " + p.seen(), 1L, Long::sum));
        f.put("probes", seen);
        f.put("killedAtSeconds", Math.round(killedAt * 10) / 10.0);
        f.put("healthyAfterSeconds", healthyAt < 0 ? -1 : Math.round((healthyAt - killedAt) * 10) / 10.0);
        f.put("loginFormBackAfterSeconds", loginDownSeconds());
        f.put("otherAnswers", others().stream().limit(10).map(Probe::toString).toList());
        return f;
    }
}
