package cn.liaocheng.strongtown.dashboard.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/**
 * Every entry of the navigation, clicked in a real browser by an administrator (who may open them
 * all): each view renders its heading and title without an error, and the demo-data notice stays.
 */
class EveryViewBrowserTest extends BrowserTestBase {

    @Autowired
    Translations translations;

    @Test
    void everyNavigationEntryOpensItsViewWithoutError() {
        awaitLake();
        logIn(BrowserSupport.headlessChromium(1400, 1000), "admin", ADMIN_PASSWORD);
        String appTitle = translations.getTranslation("app.title", Translations.CHINESE);
        Set<String> titles = new LinkedHashSet<>();
        for (MainLayout.NavEntry entry : MainLayout.NAVIGATION) {
            String label = translations.getTranslation(entry.key(), Translations.CHINESE);
            navItem(label).click();
            String title = BrowserSupport.await(driver, Duration.ofSeconds(30))
                    .until(d -> {
                        String t = d.getTitle();
                        List<WebElement> headings = d.findElements(By.cssSelector("vaadin-app-layout h2"));
                        return t.endsWith(" · " + appTitle) && !titles.contains(t) && !headings.isEmpty()
                                && headings.get(0).isDisplayed() ? t : null;
                    });
            titles.add(title);
            assertThat(driver.getPageSource()).as(label).doesNotContain("Internal error")
                    .doesNotContain("Could not navigate");
            assertThat(driver.findElement(By.id("demo-banner")).getText()).as(label).contains("合成数据");
        }
        assertThat(titles).hasSize(MainLayout.NAVIGATION.size());
    }

    private WebElement navItem(String label) {
        return BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                By.cssSelector("#main-nav vaadin-side-nav-item")).stream()
                .filter(item -> item.getText().strip().equals(label)).findFirst().orElse(null));
    }
}
