package cn.liaocheng.strongtown.dashboard;

import java.io.File;
import java.time.Duration;

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
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
