package cn.liaocheng.strongtown.dashboard.league.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/** Page object of the town league table. */
public final class LeaguePage {

    private final WebDriver driver;

    public LeaguePage(WebDriver driver) {
        this.driver = driver;
    }

    public LeaguePage open(String baseUrl) {
        driver.get(baseUrl + "/league");
        return this;
    }

    /** Waits until the grid has rows; on first start the lake is generated and scored first. */
    public LeaguePage waitUntilLoaded(Duration timeout) {
        BrowserSupport.await(driver, timeout)
                .until(d -> gridSize() > 0 && !cellTexts().isEmpty());
        return this;
    }

    public long gridSize() {
        return BrowserPages.gridSize(driver, "league-grid");
    }

    List<String> cellTexts() {
        return BrowserPages.cellTexts(driver, "league-grid");
    }

    public String countText() {
        return driver.findElement(By.id("league-count")).getText();
    }

    public boolean chartRendered(String id) {
        return BrowserPages.chartRendered(driver, id);
    }

    /**
     * Clicks an export link and waits until the browser has saved the file (Chromium writes a
     * {@code .crdownload} file first and renames it when complete).
     */
    Path download(String linkId, Path folder, String extension) throws IOException {
        Set<Path> before = files(folder);
        driver.findElement(By.id(linkId)).click();
        BrowserSupport.await(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                return files(folder).stream().anyMatch(f -> !before.contains(f) && f.toString().endsWith(extension));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return files(folder).stream().filter(f -> !before.contains(f) && f.toString().endsWith(extension))
                .findFirst().orElseThrow();
    }

    private static Set<Path> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.collect(Collectors.toSet());
        }
    }

    String demoBanner() {
        return driver.findElement(By.id("demo-banner")).getText();
    }

    String heading() {
        return driver.findElement(By.tagName("h2")).getText();
    }

    LeaguePage switchLanguage() {
        String before = heading();
        driver.findElement(By.id("language-switch")).click();
        // The switch reloads the page: a heading found just before the reload may go stale; look again.
        BrowserSupport.await(driver, Duration.ofSeconds(20)).until(d -> {
            List<WebElement> h2 = d.findElements(By.tagName("h2"));
            return !h2.isEmpty() && !h2.get(0).getText().equals(before);
        });
        return this;
    }
}
