package cn.liaocheng.strongtown.dashboard.audit.ui;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/** Page object of the audit log view. */
public final class AuditPage {

    private static final String GRID = "audit-grid";
    private final WebDriver driver;

    public AuditPage(WebDriver driver) {
        this.driver = driver;
    }

    public AuditPage open(String baseUrl) {
        driver.get(baseUrl + "/admin/audit");
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> !cells().isEmpty());
        return this;
    }

    public List<String> cells() {
        return BrowserPages.cellTexts(driver, GRID);
    }

    /** Types a user name into the filter and waits until the grid shows only that user's entries. */
    public AuditPage filterByUser(String username) {
        driver.findElement(By.cssSelector("#audit-user-filter input")).sendKeys(username, Keys.ENTER);
        BrowserSupport.await(driver, Duration.ofSeconds(20)).until(d -> {
            List<String> cells = cells();
            return cells.contains(username) && cells.stream().filter(c -> c.startsWith("test-") || c.equals("admin"))
                    .findAny().isEmpty();
        });
        return this;
    }
}
