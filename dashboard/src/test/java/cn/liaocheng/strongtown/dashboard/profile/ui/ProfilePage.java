package cn.liaocheng.strongtown.dashboard.profile.ui;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/** Page object of the town profile, reached directly or from the league table's town links. */
final class ProfilePage {

    private final WebDriver driver;

    ProfilePage(WebDriver driver) {
        this.driver = driver;
    }

    ProfilePage open(String baseUrl, String townCode) {
        driver.get(baseUrl + "/town/" + townCode);
        return waitUntilLoaded();
    }

    /** Opens the league table, waits for its rows, clicks the first town's name; returns that name. */
    String openFromLeague(String baseUrl) {
        driver.get(baseUrl + "/league");
        WebElement link = BrowserSupport.await(driver, Duration.ofSeconds(180)).until(d -> {
                    List<WebElement> links = d.findElements(By.cssSelector("#league-grid a.town-link"));
                    return links.isEmpty() || links.get(0).getText().isBlank() ? null : links.get(0);
                });
        String name = link.getText();
        link.click();
        waitUntilLoaded();
        return name;
    }

    private ProfilePage waitUntilLoaded() {
        BrowserSupport.await(driver, Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.id("profile-title")).isEmpty()
                        && !d.findElement(By.id("profile-title")).getText().isBlank());
        return this;
    }

    String title() {
        return driver.findElement(By.id("profile-title")).getText();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits until ECharts has drawn the chart into a canvas. */
    ProfilePage waitForChart(String id) {
        BrowserPages.chartRendered(driver, id);
        return this;
    }

    /** How many pixels of the chart's canvas are painted (not transparent). */
    long paintedPixels(String id) {
        Object n = js().executeScript("""
                const c = document.querySelector('#' + arguments[0] + ' canvas');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let painted = 0;
                for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) painted++; }
                return painted;""", id);
        return ((Number) n).longValue();
    }

    /** Clicks the ⓘ of a provenance mark and returns the facts its popover shows. */
    String provenance(String markId) {
        driver.findElement(By.cssSelector("#" + markId + " .provenance-button")).click();
        return BrowserSupport.await(driver, Duration.ofSeconds(20)).until(d -> {
            Object text = js().executeScript("""
                    return Array.from(document.querySelectorAll('.provenance-details'))
                        .map(e => e.innerText).filter(t => t && t.trim()).join('\\n');""");
            return text == null || text.toString().isBlank() ? null : text.toString();
        });
    }

    long indicatorRows() {
        return BrowserPages.gridSize(driver, "profile-indicators");
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }
}
