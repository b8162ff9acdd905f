package cn.liaocheng.strongtown.dashboard;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium through Selenium, never a downloaded browser. Without Chromium the
 * browser tests are skipped, unless STRONGTOWN_REQUIRE_BROWSER is set (CI sets it) — then they fail.
 */
public final class BrowserSupport {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private BrowserSupport() {
    }

    public static WebDriver headlessChromium(int width, int height) {
        return start(width, height, false, null);
    }

    /** A desktop browser that saves downloads into {@code downloads} without asking. */
    public static WebDriver headlessChromiumDownloadingTo(Path downloads, int width, int height) {
        return start(width, height, false, downloads);
    }

    /** A phone: the page sees a {@code width}×{@code height} CSS-pixel viewport, touch and a mobile user agent. */
    public static WebDriver headlessPhone(int width, int height) {
        return start(width, height, true, null);
    }

    private static WebDriver start(int width, int height, boolean phone, Path downloads) {
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
        return driver;
    }
}
