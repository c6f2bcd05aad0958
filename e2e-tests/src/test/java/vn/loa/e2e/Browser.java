package vn.loa.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Debian's chromedriver, both named explicitly: Selenium Manager (which would look for or
 * download a browser or a driver) is never asked; {@link #seleniumManagerCalls()} proves it from Selenium's own log.
 * Waits are explicit ({@link WebDriverWait}); screenshots go to {@link Stack#SCREENSHOTS}.
 */
public final class Browser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** What Selenium logged about finding the driver (DriverFinder) and about Selenium Manager. */
    private static final List<String> DRIVER_LOG = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> MANAGER_LOG = Collections.synchronizedList(new ArrayList<>());
    private static final Logger FINDER = Logger.getLogger("org.openqa.selenium.remote.service.DriverFinder");
    private static final Logger MANAGER = Logger.getLogger("org.openqa.selenium.manager");

    static {
        listen(FINDER, DRIVER_LOG);
        listen(MANAGER, MANAGER_LOG);
    }

    private static void listen(Logger logger, List<String> into) {
        logger.setLevel(Level.ALL);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                into.add(r.getLevel() + " " + (r.getParameters() == null ? r.getMessage()
                        : String.format(r.getMessage(), r.getParameters())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    public final Path downloads;
    private final Path profile;
    private int shots;

    public Browser(String name) {
        try {
            profile = Files.createTempDirectory("loa-e2e-chromium-");
            downloads = Stack.DOWNLOADS.resolve(name);
            Files.createDirectories(downloads);
            Files.createDirectories(Stack.SCREENSHOTS);
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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Stack.CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    /** Lines Selenium logged about Selenium Manager: there must be none. */
    public static List<String> seleniumManagerCalls() {
        return List.copyOf(MANAGER_LOG);
    }

    /** What DriverFinder said: "Skipping Selenium Manager, path to chromedriver specified in Service class…". */
    public static List<String> driverFinderLog() {
        return List.copyOf(DRIVER_LOG);
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

    public WebElement click(By by) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(by));
        e.click();
        return e;
    }

    public void type(String testid, String text) {
        WebElement e = find(testid);
        e.clear();
        e.sendKeys(text);
    }

    public void waitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public <T> T until(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    }

    public <T> T untilPolling(String what, Duration timeout, Duration every, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).pollingEvery(every).withMessage(what).until(condition);
    }

    public <T> T until(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).withMessage(what).until(condition);
    }

    // ------------------------------------------------------------------ evidence

    /** A PNG of the window, numbered in the order taken. */
    public Path screenshot(String name) {
        Path to = Stack.SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
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
