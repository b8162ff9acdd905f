package cn.liaocheng.strongtown.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser tests against the whole app on a small demo lake generated at first start (one lake and
 * one Spring context for all subclasses, so the demo data are generated once per test run).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DemoAppBrowserTest {

    private static final Path LAKE = emptyLake();

    @LocalServerPort
    protected int port;
    protected WebDriver driver;

    private static Path emptyLake() {
        try {
            return Files.createTempDirectory("strongtown-browser-lake");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smallDemoLake(DynamicPropertyRegistry registry) {
        registry.add("strongtown.lake-dir", LAKE::toString);
        registry.add("strongtown.demo-scale", () -> "0.05");
        registry.add("strongtown.demo-first-year", () -> "2020");
    }

    @BeforeEach
    void openBrowser() {
        driver = BrowserSupport.headlessChromium(1400, 1000);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
