package cn.liaocheng.strongtown.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import cn.liaocheng.strongtown.dashboard.security.ui.LoginPage;

/**
 * A browser test: a headless Chromium for this test, logged in through the login page, handed back after
 * the test whatever happened ({@link BrowserSupport#release}: kept for the next test with its cookies and
 * storage cleared, or quit).
 */
public abstract class BrowserTestBase extends DashboardTestContext {

    protected WebDriver driver;

    /** Takes the browser for this test and logs in; does not wait for the lake (first-start tests watch that). */
    protected void logIn(WebDriver browser, String user, String password) {
        driver = browser;
        new LoginPage(driver, baseUrl()).open().logIn(user, password);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            BrowserSupport.release(driver);
            driver = null;
        }
    }

    protected JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    /** The number of rows a {@code <vaadin-grid>} holds (0 while it is absent). */
    protected long gridSize(String id) {
        return BrowserPages.gridSize(driver, id);
    }

    /** Fetches a link with the browser's session cookie, as the browser itself would. */
    protected byte[] fetch(String href) throws Exception {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
