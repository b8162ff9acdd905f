package cn.liaocheng.strongtown.dashboard.whatif.ui;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/** Page object of the what-if weights view. */
final class WhatIfPage {

    private final WebDriver driver;

    WhatIfPage(WebDriver driver) {
        this.driver = driver;
    }

    WhatIfPage open(String baseUrl) {
        driver.get(baseUrl + "/what-if");
        BrowserSupport.await(driver, Duration.ofSeconds(60))
                .until(d -> gridSize() > 0 && !rankChanges().isEmpty());
        return this;
    }

    long gridSize() {
        return BrowserPages.gridSize(driver, "whatif-grid");
    }

    /** The rank-change cells the grid has rendered ("—" for none, "▲3", "▼2"). */
    List<String> rankChanges() {
        return BrowserPages.visibleTexts(driver, "#whatif-grid vaadin-grid-cell-content .rank-change");
    }

    /** Types a weight (percent) into a dimension's field and leaves it, as a user would. */
    WhatIfPage setWeight(String dimension, int percent) {
        WebElement input = driver.findElement(By.cssSelector("#weight-" + dimension + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(percent), Keys.TAB);
        return this;
    }

    WhatIfPage reset() {
        driver.findElement(By.id("whatif-reset")).click();
        return this;
    }

    /** Waits until the rendered rank changes satisfy a condition (the re-rank is a server round trip). */
    WhatIfPage waitForRankChanges(java.util.function.Predicate<List<String>> condition) {
        BrowserSupport.await(driver, Duration.ofSeconds(20))
                .until(d -> {
                    List<String> changes = rankChanges();
                    return !changes.isEmpty() && condition.test(changes);
                });
        return this;
    }

    String weight(String dimension) {
        return driver.findElement(By.cssSelector("#weight-" + dimension + " input")).getDomProperty("value");
    }

    String message() {
        return driver.findElement(By.id("whatif-message")).getText();
    }
}
