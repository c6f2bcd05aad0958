package vn.loa.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver, both named explicitly, so Selenium Manager (which would look for
 * or download a browser or a driver) has nothing to find. {@link #programs()} says which programs really run, read from
 * the operating system's process table, not from a library's log. Waits are explicit ({@link WebDriverWait});
 * screenshots go to {@link Stack#SCREENSHOTS}/name, downloads to {@link Stack#DOWNLOADS}/name.
 */
public final class Browser implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Browser.class.getName());

    static final Duration WAIT = Duration.ofSeconds(30);

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    public final Path downloads;
    /** Where this browser's screenshots go: {@link Stack#SCREENSHOTS}/name. */
    public final Path screenshots;
    private final Path profile;
    private final ChromeDriverService service;
    private int shots;
    private boolean keycloakShot;

    public Browser(String name) {
        try {
            profile = Files.createTempDirectory("loa-e2e-chromium-");
            downloads = Stack.DOWNLOADS.resolve(name);
            screenshots = Stack.SCREENSHOTS.resolve(name);
            Files.createDirectories(downloads);
            Files.createDirectories(screenshots);
            // a run before this one (./loa test, then ./loa compose test) saved the same names: Chromium would add
            // " (1)" to this session's files
            try (var earlier = Files.list(downloads)) {
                for (Path file : earlier.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(Stack.CHROMIUM));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=vi", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("intl.accept_languages", "vi-VN,vi");
        options.setExperimentalOption("prefs", prefs);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Stack.CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = waiting(WAIT);
    }

    /** A wait whose condition is tried again when the page re-rendered an element it was reading. */
    private WebDriverWait waiting(Duration timeout) {
        WebDriverWait w = new WebDriverWait(driver, timeout);
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    // ------------------------------------------------------------------ which programs run

    /**
     * The programs that really run this browser, as the process table shows them: the driver is the child of this JVM
     * listening on this browser's driver port, the browser the driver's child; versions as the driver reports them.
     */
    public record Programs(Path driver, Path browser, String driverVersion, String browserVersion) {
    }

    public Programs programs() {
        String port = "--port=" + service.getUrl().getPort();
        ProcessHandle driverProcess = ProcessHandle.current().children()
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(port)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no child process of this JVM has " + port));
        // the browser's main process: our profile, and no --type= (renderers, GPU and utility processes have one)
        ProcessHandle browserProcess = driverProcess.descendants()
                .filter(p -> p.info().arguments().map(List::of)
                        .map(args -> args.contains("--user-data-dir=" + profile)
                                && args.stream().noneMatch(a -> a.startsWith("--type=")))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("the driver started no browser with our profile"));
        Map<?, ?> chrome = (Map<?, ?>) driver.getCapabilities().getCapability("chrome");
        return new Programs(executable(driverProcess), executable(browserProcess),
                String.valueOf(chrome == null ? null : chrome.get("chromedriverVersion")),
                driver.getCapabilities().getBrowserVersion());
    }

    private static Path executable(ProcessHandle process) {
        // /proc/PID/exe is the file the process runs, whatever links or launcher scripts led to it
        try {
            return Path.of("/proc", Long.toString(process.pid()), "exe").toRealPath();
        } catch (IOException e) {
            return Path.of(process.info().command().orElseThrow(() -> new UncheckedIOException(e)));
        }
    }

    /** The Debian package that owns a file ({@code dpkg-query -S}), or empty where there is no dpkg. */
    public static Optional<String> debianPackageOf(Path file) {
        try {
            Process p = new ProcessBuilder("dpkg-query", "-S", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0 || !out.contains(":")) {
                return Optional.empty();
            }
            return Optional.of(out.substring(0, out.indexOf(':')));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What a program prints for --version (e.g. "Chromium 156.0.8078.73 built on Debian…"). */
    public static String versionOf(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ finding and waiting

    public static By testid(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    public WebElement find(String testid) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(testid(testid)));
    }

    public WebElement click(String testid) {
        return click(testid(testid));
    }

    /**
     * Clicks the element once it is clickable. On a live page (a dashboard updating itself) the element may be
     * re-rendered between finding and clicking it: the click then meets a stale element, and the wait finds it again.
     */
    public WebElement click(By by) {
        return wait.until(d -> {
            WebElement e = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (e != null) {
                e.click();
            }
            return e;
        });
    }

    public void type(String testid, String text) {
        WebElement e = find(testid);
        e.clear();
        e.sendKeys(text);
    }

    public void waitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits for a condition; one that read an element the page has since re-rendered is simply tried again. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        return until(what, WAIT, condition);
    }

    public <T> T untilPolling(String what, Duration timeout, Duration every, Function<WebDriver, T> condition) {
        WebDriverWait w = waiting(timeout);
        w.pollingEvery(every).withMessage(what);
        return w.until(condition);
    }

    public <T> T until(String what, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait w = waiting(timeout);
        w.withMessage(what);
        return w.until(condition);
    }

    /** The text of an element shown (waited for), read again if the page re-rendered it meanwhile. */
    public String text(String testid) {
        find(testid);
        return text(testid(testid));
    }

    /** An attribute of an element shown (waited for), read again if the page re-rendered it meanwhile. */
    public String attribute(String testid, String name) {
        find(testid);
        return attribute(testid(testid), name);
    }

    /** An element's text, read again if the page re-rendered it meanwhile. */
    public String text(By by) {
        return until("read " + by, d -> d.findElement(by).getText());
    }

    /** An element's attribute (null when it has none), read again if the page re-rendered it meanwhile. */
    public String attribute(By by, String name) {
        return until("read " + name + " of " + by, d -> Optional.ofNullable(d.findElement(by).getAttribute(name)))
                .orElse(null);
    }

    // ------------------------------------------------------------------ the app: log in, open a route, log out

    /** Through the app's button to Keycloak's own login page (realm loa, behind the gateway at /auth) and back. */
    public void login(String user) {
        driver.get(Stack.BASE + "/");
        click("login-button");
        until("Keycloak's login page of realm loa", d -> d.getCurrentUrl().contains("/auth/realms/loa/"));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        username.clear();
        username.sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
        if (!keycloakShot) {
            screenshot("keycloak-dang-nhap");
            keycloakShot = true;
        }
        click(By.id("kc-login"));
        waitText(testid("who-user"), user);
        assertThat(driver.getCurrentUrl()).startsWith(Stack.BASE + "/").doesNotContain("code=");
    }

    /** A fresh load of the app at a route (the tab's session storage keeps the tokens). */
    public void open(String hash) {
        driver.get("about:blank");
        driver.get(Stack.BASE + "/" + hash);
        find("logout-button");
    }

    /** The id after a hash prefix in the address bar ({@code #/tin-bai/<id>}), once the app navigated there. */
    public String hashId(String prefix) {
        return until("address " + prefix + "…", d -> {
            String url = d.getCurrentUrl();
            int at = url.indexOf(prefix);
            if (at < 0) {
                return null;
            }
            String rest = url.substring(at + prefix.length()).replaceAll("[/?].*$", "");
            return rest.isEmpty() || rest.equals("moi") ? null
                    : java.net.URLDecoder.decode(rest, StandardCharsets.UTF_8);
        });
    }

    public void logout() {
        WebElement button = click("logout-button");
        long start = System.nanoTime();
        // the click was taken: the button says «Đang đăng xuất…» until Keycloak answers (or the page already left)
        until("«Đăng xuất» was taken", d -> {
            try {
                return "logging-out".equals(button.getAttribute("data-state"));
            } catch (StaleElementReferenceException left) {
                return true;
            }
        });
        // then Keycloak's logout and the redirect back: a round trip through the issuer, given more time on a busy
        // machine than a click on the page
        waiting(Duration.ofSeconds(90)).withMessage("the login page after Keycloak's logout")
                .until(ExpectedConditions.visibilityOfElementLocated(testid("login-button")));
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 5_000) {
            LOG.log(System.Logger.Level.WARNING, "logout took {0} ms", ms);
        }
    }

    /** A file Chromium finished saving in {@link #downloads} whose name passes {@code name}; null while none. */
    public Path completedDownload(java.util.function.Predicate<String> name) {
        try (var files = Files.list(downloads)) {
            List<Path> all = files.toList();
            if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) {
                return null;
            }
            return all.stream().filter(p -> name.test(p.getFileName().toString())).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ screens

    /** A window size: the desktop the browser starts at, and a phone's. */
    public record Screen(int width, int height) {
    }

    public static final Screen DESKTOP = new Screen(1366, 768);
    public static final Screen PHONE = new Screen(390, 844);

    /** The window at {@code width} × {@code height}; at a phone's width, once the page is laid out for it. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        if (width <= PHONE.width()) {
            until("the page is laid out for " + width + " px", d -> innerWidth() <= width);
        }
    }

    public void resize(Screen screen) {
        resize(screen.width(), screen.height());
    }

    /** The width of the window's viewport, in CSS px. */
    public int innerWidth() {
        return ((Number) driver.executeScript("return window.innerWidth;")).intValue();
    }

    /** How many px the page is wider than the window: 0 or less when it has no horizontal scrolling. */
    public int overflow() {
        return ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;")).intValue();
    }

    /**
     * The page has no horizontal scrolling at the window's width (a wide table scrolls inside its own box); the
     * failure names what sticks out: elements past the right edge, or whose content overflows them.
     */
    public void fitsTheWindow() {
        Object wide = driver.executeScript("const w = document.documentElement.clientWidth;"
                + " return [...document.querySelectorAll('body *')].filter(e => !(e.parentElement"
                + " && e.parentElement.closest('.table-wrap')) && (e.getBoundingClientRect().right > w + 0.5"
                + " || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')))"
                + ".slice(-8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '"
                + " + Math.round(e.getBoundingClientRect().right) + '/' + e.scrollWidth).join(', ')"
                + " + ' | inner ' + window.innerWidth + ', client ' + w + ', scroll ' + document.documentElement.scrollWidth"
                + " + ', body ' + document.body.scrollWidth + ', widest ' + [...document.querySelectorAll('body *')]"
                + ".map(e => [Math.round(e.getBoundingClientRect().right), e.tagName + '.' + e.className])"
                + ".sort((a, b) => b[0] - a[0]).slice(0, 5).map(x => x.join(' ')).join('; ');");
        assertThat(overflow()).as("horizontal overflow of the page at %d px (wider: %s)", innerWidth(), wide)
                .isLessThanOrEqualTo(0);
    }

    // ------------------------------------------------------------------ files to upload

    /**
     * A photo made here (PNG, 640 × 360: a title and a line on a coloured card), as an officer's phone would send one;
     * saved as {@link Stack#DOWNLOADS}/{@code folder}/{@code name}.
     */
    public static Path photo(String folder, String name, Color card, String title, String line) throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(card);
        g.fillRect(0, 0, 640, 360);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 38));
        g.drawString(title, (640 - g.getFontMetrics().stringWidth(title)) / 2, 170);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
        g.drawString(line, (640 - g.getFontMetrics().stringWidth(line)) / 2, 220);
        g.dispose();
        Path file = Files.createDirectories(Stack.DOWNLOADS.resolve(folder)).resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    // ------------------------------------------------------------------ evidence

    /** A PNG of the window, numbered in the order taken. */
    public Path screenshot(String name) {
        Path to = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** Where the browser is: address, title and the start of the page's text (for a failure's message). */
    public String whereNow() {
        try {
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").strip();
            return "trang " + driver.getCurrentUrl() + " «" + driver.getTitle() + "»: "
                    + (text.length() > 400 ? text.substring(0, 400) + "…" : text);
        } catch (RuntimeException e) {
            return "trang không đọc được (" + e.getClass().getSimpleName() + ")";
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
