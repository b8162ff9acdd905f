package cn.liaocheng.strongtown.dashboard.compare.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/** Page object of the compare view. */
final class ComparePage {

    private final WebDriver driver;

    ComparePage(WebDriver driver) {
        this.driver = driver;
    }

    /** Opens the view with a query string such as {@code towns=a,b}. */
    ComparePage open(String baseUrl, String query) {
        driver.get(baseUrl + "/compare?" + query);
        return this;
    }

    /** Waits until the side-by-side table has its rows. */
    ComparePage waitUntilCompared(Duration timeout) {
        BrowserSupport.await(driver, timeout)
                .until(d -> gridSize("compare-summary") > 0 && !cellTexts("compare-summary").isEmpty());
        return this;
    }

    long gridSize(String id) {
        return BrowserPages.gridSize(driver, id);
    }

    List<String> cellTexts(String gridId) {
        return BrowserPages.cellTexts(driver, gridId);
    }

    boolean chartRendered(String id) {
        return BrowserPages.chartRendered(driver, id);
    }

    String message() {
        return driver.findElement(By.id("compare-message")).getText();
    }

    /** The address bar, decoded (Vaadin writes the commas of {@code towns} as %2C). */
    String currentUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }
}
