package vn.loa.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the running stack is, and the one check every end-to-end test makes first: the gateway answers, the identity
 * config is served and the issuer's discovery document comes through the gateway. When it does not, the test FAILS
 * with what to do (these tests only run with -Pe2e, i.e. when someone asked for them): never a silent skip.
 */
public final class Stack {

    public static final String BASE = System.getProperty("loa.e2e.base-url", "http://127.0.0.1:8080")
            .replaceAll("/+$", "");
    public static final Path SCREENSHOTS = Path.of(System.getProperty("loa.e2e.screenshots", "target/screenshots"));
    public static final Path DOWNLOADS = Path.of(System.getProperty("loa.e2e.downloads", "target/downloads"));
    public static final String CHROMIUM = System.getProperty("loa.e2e.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("loa.e2e.chromedriver", "/usr/bin/chromedriver");

    /** Kim Thành (Hải Phòng), the commune of the journey; Bạch Mai (Hà Nội), the other tenant. */
    public static final String KIM_THANH = "10804";
    public static final String BACH_MAI = "00292";

    private static volatile boolean checked;

    private Stack() {
    }

    /** Fails (does not skip) when the stack is not running. */
    public static synchronized void requireRunning() {
        if (checked) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        String[] probes = {"/actuator/health", "/api/auth/config", "/auth/realms/loa/.well-known/openid-configuration"};
        for (String probe : probes) {
            String problem;
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(BASE + probe))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    continue;
                }
                problem = "HTTP " + r.statusCode() + " " + abbreviate(r.body());
            } catch (Exception e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            fail("Loa is not running at " + BASE + " (" + probe + " → " + problem + "). The end-to-end tests need the "
                    + "whole embedded stack: run them with `./loa e2e` (starts it when needed), or `./loa up` first and "
                    + "then `./mvnw -B verify -Pe2e -pl e2e-tests`. Another address: -Dloa.e2e.base-url=…");
        }
        checked = true;
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
