package vn.loa.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The web app as the gateway serves it: the page at {@code /} (Vietnamese, no inline script, so the CSP holds),
 * every ES module reachable from it by static or dynamic import (200, a JavaScript content type), its style sheet
 * and icon, and the ECharts WebJar the dashboard loads — all public, without a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppTest {

    static final StandIns STAND_INS = StandIns.INSTANCE;
    static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.esm.min.js";

    /** {@code import … from '…'}, {@code import '…'}, {@code export … from '…'} and {@code import('…')}. */
    static final Pattern IMPORT = Pattern.compile(
            "(?m)(?:^\\s*import\\s*(?:[\\w*{}\\s,]+\\s*from\\s*)?|^\\s*export\\s*[\\w*{}\\s,]+\\s*from\\s*"
                    + "|\\bimport\\s*\\(\\s*)['\"]([^'\"]+)['\"]");
    static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    static final Pattern SRC = Pattern.compile("\\bsrc=\"([^\"]+)\"");
    /** A module path kept in a constant and imported dynamically (the ECharts bundle). */
    static final Pattern CONSTANT_PATH = Pattern.compile("['\"](/(?:js|webjars)/[^'\"]+\\.js)['\"]");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        STAND_INS.register(registry);
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
    }

    String index() {
        EntityExchangeResult<byte[]> result = client().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().returnResult();
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    @Test
    void theIndexIsVietnameseAndHasNoInlineScript() {
        String html = index();
        assertThat(html).contains("<html lang=\"vi\">").contains("<meta charset=\"utf-8\">")
                .contains("href=\"#noi-dung\"") // skip link
                .contains("id=\"noi-dung\"");
        Matcher scripts = SCRIPT.matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script is a file").contains("src=\"");
            assertThat(scripts.group(2).strip()).as("no inline script content").isEmpty();
        }
        assertThat(count).isPositive();
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+=\"").doesNotContain("javascript:")
                .as("nothing from another origin (no CDN, no external font)")
                .doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");
    }

    @Test
    void theIndexIsServedUnderTheContentSecurityPolicy() {
        client().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").doesNotContain("unsafe-eval"));
    }

    @Test
    void everyModuleTheIndexImportsIsServedAsJavaScript() {
        String html = index();
        Deque<String> queue = new ArrayDeque<>();
        Matcher scripts = SCRIPT.matcher(html);
        while (scripts.find()) {
            Matcher src = SRC.matcher(scripts.group(1));
            assertThat(src.find()).isTrue();
            queue.add(src.group(1));
        }
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            String source = javaScript(path);
            if (path.startsWith("/webjars/")) {
                continue; // a library bundle: served is what matters, its own imports are none
            }
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                queue.add(resolve(path, imports.group(1)));
            }
            Matcher constants = CONSTANT_PATH.matcher(source);
            while (constants.find()) {
                queue.add(constants.group(1));
            }
        }
        assertThat(seen).contains("/js/main.js", "/js/api.js", "/js/auth.js", "/js/sse.js", "/js/ui.js",
                "/js/pages/plans.js", "/js/pages/tasks.js", "/js/pages/contents.js", "/js/pages/dashboard.js",
                "/js/pages/reports.js", "/js/pages/manual.js", ECHARTS);
    }

    @Test
    void theEChartsWebJarIsServed() {
        assertThat(javaScript(ECHARTS)).contains("echarts").hasSizeGreaterThan(500_000);
        assertThat(javaScript("/webjars/echarts/5.3.1/dist/echarts.min.js")).contains("echarts");
    }

    @Test
    void theStyleSheetAndIconAreServed() {
        client().get().uri("/css/app.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/css"));
        client().get().uri("/img/loa.svg").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("image/svg+xml"));
    }

    @Test
    void aMissingModuleIsNotFoundNotTheIndex() {
        client().get().uri("/js/khong-co.js").exchange().expectStatus().isNotFound();
    }

    private String javaScript(String path) {
        EntityExchangeResult<byte[]> result = client().get().uri(path).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult();
        MediaType type = result.getResponseHeaders().getContentType();
        assertThat(type).as("content type of %s", path).isNotNull();
        assertThat(type.getSubtype()).as("content type of %s", path).isIn("javascript", "x-javascript");
        assertThat(type.getType()).isIn("application", "text");
        byte[] body = result.getResponseBody();
        assertThat(body).as("body of %s", path).isNotEmpty();
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String resolve(String from, String specifier) {
        assertThat(specifier).as("import in %s must be a path, not a bare name", from)
                .matches("^(\\./|\\.\\./|/).*");
        return URI.create("http://x" + from).resolve(specifier).getPath();
    }
}
