package cn.liaocheng.strongtown.dashboard;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Selenium, never a downloaded browser. Without Chromium the
 * browser tests are skipped, unless STRONGTOWN_REQUIRE_BROWSER is set (CI sets it) — then they fail.
 *
 * <p>Starting Chromium and its driver takes about two seconds on a 2-core machine, once per test. A browser
 * handed back with {@link #release} is therefore kept for the next test of the same kind (size, phone or
 * desktop) in this JVM — after its cookies, its storage for the page it was on, its other windows and its page
 * are cleared, so the next test starts with a new session as if the browser were new. A test that needs downloads
 * takes such a browser too and points its downloads at the test's folder (DevTools {@code Browser.setDownloadBehavior});
 * the reset puts the browser's download behaviour back to its default. A browser that fails to reset is quit.
 */
public final class BrowserSupport {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    /** What a browser was started as; browsers are reused only for the same kind. */
    private record Kind(int width, int height, boolean phone) {
    }

    private static final Map<Kind, Deque<ChromeDriver>> IDLE = new HashMap<>();
    private static final Map<WebDriver, Kind> STARTED = new IdentityHashMap<>();
    /** The window size each kept browser started with (a test may resize it). */
    private static final Map<WebDriver, Dimension> FIRST_SIZE = new IdentityHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BrowserSupport::quitIdle, "quit-idle-browsers"));
    }

    private BrowserSupport() {
    }

    /**
     * A wait that looks every 100 ms (Selenium's default, 500 ms, adds up over a test's many waits) and looks again
     * when an element it read was re-rendered meanwhile: Vaadin replaces grid rows, overlay items and lists while a
     * test reads them, which under CI load surfaces as a stale element rather than as a wrong text.
     */
    public static WebDriverWait await(WebDriver driver, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public static WebDriver headlessChromium(int width, int height) {
        return start(width, height, false, null);
    }

    /** A desktop browser that saves downloads into {@code downloads} without asking. */
    public static WebDriver headlessChromiumDownloadingTo(Path downloads, int width, int height) {
        WebDriver driver = start(width, height, false, null);
        if (driver instanceof ChromeDriver chrome && savesDownloadsTo(chrome, downloads)) {
            return driver;
        }
        // DevTools refused: a browser of its own with the folder in its preferences, quit after the test
        quit(driver);
        return start(width, height, false, downloads);
    }

    private static boolean savesDownloadsTo(ChromeDriver driver, Path downloads) {
        try {
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    /** A phone: the page sees a {@code width}×{@code height} CSS-pixel viewport, touch and a mobile user agent. */
    public static WebDriver headlessPhone(int width, int height) {
        return start(width, height, true, null);
    }

    /**
     * Hands a browser back after a test: kept for the next test of its kind when it resets cleanly, otherwise (or
     * when it was started with a download folder in its preferences, or not here) quit.
     */
    public static void release(WebDriver driver) {
        Kind kind;
        synchronized (BrowserSupport.class) {
            kind = STARTED.get(driver);
        }
        if (kind == null || !(driver instanceof ChromeDriver chrome) || !reset(chrome, kind)) {
            quit(driver);
            return;
        }
        synchronized (BrowserSupport.class) {
            IDLE.computeIfAbsent(kind, k -> new ArrayDeque<>()).push(chrome);
        }
    }

    /** Back to a new browser's state: one blank window of the kind's size, no cookies, no storage. */
    private static boolean reset(ChromeDriver driver, Kind kind) {
        try {
            List<String> windows = new ArrayList<>(driver.getWindowHandles());
            for (String window : windows.subList(1, windows.size())) {
                driver.switchTo().window(window).close();
            }
            driver.switchTo().window(windows.get(0));
            String url = driver.getCurrentUrl();
            if (url != null && url.startsWith("http")) {
                URI page = URI.create(url);
                String origin = page.getScheme() + "://" + page.getAuthority();
                driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
            }
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            // a test may have pointed the downloads at its own folder
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "default"));
            driver.get("about:blank");
            Dimension first;
            synchronized (BrowserSupport.class) {
                first = FIRST_SIZE.get(driver);
            }
            if (first != null && !first.equals(driver.manage().window().getSize())) {
                driver.manage().window().setSize(first);
            }
            return driver.manage().getCookies().isEmpty();
        } catch (RuntimeException broken) {
            return false;
        }
    }

    private static void quit(WebDriver driver) {
        synchronized (BrowserSupport.class) {
            STARTED.remove(driver);
            FIRST_SIZE.remove(driver);
        }
        try {
            driver.quit();
        } catch (RuntimeException alreadyGone) {
            // a browser that crashed or was quit by its test: nothing left to close
        }
    }

    private static synchronized void quitIdle() {
        IDLE.values().forEach(drivers -> drivers.forEach(d -> {
            try {
                d.quit();
            } catch (RuntimeException alreadyGone) {
                // the JVM is ending: nothing more to do
            }
        }));
        IDLE.clear();
    }

    /** A kept browser of this kind that still answers, if any. */
    private static ChromeDriver idle(Kind kind) {
        while (true) {
            ChromeDriver driver;
            synchronized (BrowserSupport.class) {
                Deque<ChromeDriver> drivers = IDLE.get(kind);
                driver = drivers == null ? null : drivers.poll();
            }
            if (driver == null) {
                return null;
            }
            try {
                driver.getWindowHandle();
                return driver;
            } catch (RuntimeException gone) {
                quit(driver);
            }
        }
    }

    private static WebDriver start(int width, int height, boolean phone, Path downloads) {
        Kind kind = new Kind(width, height, phone);
        if (downloads == null) {
            ChromeDriver kept = idle(kind);
            if (kept != null) {
                return kept;
            }
        }
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && System.getenv("STRONGTOWN_REQUIRE_BROWSER") == null) {
            Assumptions.abort("未安装 chromium 与 chromium-driver（apt-get install -y chromium chromium-driver），跳过浏览器测试");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + width + "," + height, "--lang=zh-CN");
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                            + " Chrome/156.0 Mobile Safari/537.36"));
        }
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        if (downloads == null) {
            Dimension size = driver.manage().window().getSize();
            synchronized (BrowserSupport.class) {
                STARTED.put(driver, kind);
                FIRST_SIZE.put(driver, size);
            }
        }
        return driver;
    }
}
