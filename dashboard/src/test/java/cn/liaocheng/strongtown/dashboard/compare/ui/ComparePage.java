package cn.liaocheng.strongtown.dashboard.compare.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

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
        new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(300))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> gridSize("compare-summary") > 0 && !cellTexts("compare-summary").isEmpty());
        return this;
    }

    long gridSize(String id) {
        Object size = ((JavascriptExecutor) driver).executeScript(
                "const g = document.getElementById(arguments[0]); return g ? g.size : 0;", id);
        return size == null ? 0 : ((Number) size).longValue();
    }

    /** Texts of a grid's header and body cells. */
    List<String> cellTexts(String gridId) {
        return driver.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).filter(t -> !t.isBlank()).toList();
    }

    /** True once ECharts has drawn the chart into a canvas. */
    boolean chartRendered(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d ->
                !d.findElements(By.cssSelector("#" + id + "[data-rendered='true'] canvas")).isEmpty());
        return true;
    }

    String message() {
        return driver.findElement(By.id("compare-message")).getText();
    }

    /** The address bar, decoded (Vaadin writes the commas of {@code towns} as %2C). */
    String currentUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }
}
