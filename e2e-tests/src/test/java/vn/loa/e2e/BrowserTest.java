package vn.loa.e2e;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test in a real browser against the running stack: the stack must run, the test opens its {@link Browser} (one
 * folder of screenshots and downloads per session) and it is closed after the test, whatever happened. A journey run
 * with {@link #inBrowser} leaves a screenshot of the page it failed on.
 */
abstract class BrowserTest {

    /** The communes' time and how the web app writes a day. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The test's browser, once it is opened. */
    Browser b;

    @BeforeEach
    final void stackRuns() {
        Stack.requireRunning();
    }

    @AfterEach
    final void closeBrowser() {
        if (b != null) {
            b.close();
        }
    }

    /** Opens the test's browser; its screenshots go to target/screenshots/{@code session}. */
    final Browser startBrowser(String session) {
        b = new Browser(session);
        return b;
    }

    /** Opens the browser and walks {@code journey}; when it fails, a screenshot named {@code shot} is taken first. */
    final <E extends Exception> void inBrowser(String session, String shot, Journey<E> journey) throws E {
        startBrowser(session);
        try {
            journey.walk();
        } catch (AssertionError | RuntimeException e) {
            b.screenshot(shot);
            // a CI run keeps only its printed output: the page the browser was on leads the failure's message
            throw new AssertionError(b.whereNow() + " — " + e.getMessage(), e);
        }
    }

    /** What a test does in its browser. */
    @FunctionalInterface
    interface Journey<E extends Exception> {
        void walk() throws E;
    }
}
