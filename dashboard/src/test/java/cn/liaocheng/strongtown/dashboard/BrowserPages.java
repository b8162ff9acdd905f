package cn.liaocheng.strongtown.dashboard;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** What the page objects share: reading a {@code <vaadin-grid>} and waiting for an ECharts chart. */
public final class BrowserPages {

    private BrowserPages() {
    }

    /** The number of rows a grid holds (0 while it is absent). */
    public static long gridSize(WebDriver driver, String gridId) {
        Object size = ((JavascriptExecutor) driver).executeScript(
                "const g = document.getElementById(arguments[0]); return g ? g.size : 0;", gridId);
        return size == null ? 0 : ((Number) size).longValue();
    }

    /** Non-blank texts of the header and body cells the grid has rendered (empty while it re-renders). */
    public static List<String> cellTexts(WebDriver driver, String gridId) {
        return visibleTexts(driver, "#" + gridId + " vaadin-grid-cell-content");
    }

    /**
     * The non-blank visible texts of the elements {@code cssSelector} matches, read in one script: asking for each
     * element's text (WebElement#getText) costs a round trip per cell — a few hundred per look at a grid. Like
     * getText, an element that is not rendered (in a hidden row) counts as blank, and non-breaking spaces read as spaces.
     */
    public static List<String> visibleTexts(WebDriver driver, String cssSelector) {
        Object texts = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                        + ".map(e => e.checkVisibility() ? e.innerText.replace(/\\u00a0/g, ' ').trim() : '')"
                        + ".filter(t => t.length > 0);", cssSelector);
        if (!(texts instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).toList();
    }

    /** Waits until ECharts has drawn the chart into a canvas; true then, a timeout otherwise. */
    public static boolean chartRendered(WebDriver driver, String chartId) {
        BrowserSupport.await(driver, Duration.ofSeconds(20)).until(d ->
                !d.findElements(By.cssSelector("#" + chartId + "[data-rendered='true'] canvas")).isEmpty());
        return true;
    }
}
