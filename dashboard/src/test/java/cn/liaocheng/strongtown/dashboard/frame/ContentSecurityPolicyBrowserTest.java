package cn.liaocheng.strongtown.dashboard.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/**
 * The Content-Security-Policy does not break the application: in a real browser the login works and every
 * navigation entry renders (charts included) without one policy violation; and the browser does enforce the
 * policy — an image from another origin is refused and reported.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTestBase {

    private static final String LISTEN = "window.__csp = window.__csp || [];"
            + "document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' '"
            + " + e.blockedURI));";

    @Autowired
    Translations translations;

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) js().executeScript("return window.__csp || [];");
    }

    @Test
    void everyViewWorksUnderThePolicyAndThePolicyIsEnforced() {
        awaitLake();
        logIn(BrowserSupport.headlessChromium(1400, 1000), "admin", ADMIN_PASSWORD);
        assertThat(driver.getCurrentUrl()).doesNotContain("login");
        js().executeScript(LISTEN);
        for (MainLayout.NavEntry entry : MainLayout.NAVIGATION) {
            String label = translations.getTranslation(entry.key(), Translations.CHINESE);
            BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                    .filter(item -> item.getText().strip().equals(label)).findFirst().orElse(null)).click();
            BrowserSupport.await(driver, Duration.ofSeconds(30))
                    .until(d -> {
                        List<WebElement> headings = d.findElements(By.cssSelector("vaadin-app-layout h2"));
                        return !headings.isEmpty() && headings.get(0).isDisplayed();
                    });
            if (entry.equals(MainLayout.NAVIGATION.get(0))) {
                // the overview's charts: our script file and the JavaScript the server sends both ran
                BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                        By.cssSelector("echarts-chart[data-rendered='true'] canvas")).isEmpty());
            }
            assertThat(violations()).as(label).isEmpty();
        }

        js().executeScript("const i = new Image(); i.src = 'http://203.0.113.1/probe.png'; document.body.append(i);");
        List<String> refused = BrowserSupport.await(driver, Duration.ofSeconds(10))
                .until(d -> violations().isEmpty() ? null : violations());
        assertThat(refused).singleElement().asString().startsWith("img-src").contains("203.0.113.1");
    }
}
