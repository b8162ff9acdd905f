package cn.liaocheng.strongtown.dashboard.user.ui;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/** Page object of the user administration view. */
final class UserAdminPage {

    private static final String GRID = "users-grid";
    private final WebDriver driver;

    UserAdminPage(WebDriver driver) {
        this.driver = driver;
    }

    UserAdminPage open(String baseUrl) {
        driver.get(baseUrl + "/admin/users");
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> !usernames().isEmpty());
        return this;
    }

    List<String> usernames() {
        return BrowserPages.cellTexts(driver, GRID);
    }

    /** Fills the "new user" dialog (role stays the default, analyst) and saves; waits for the new row. */
    UserAdminPage create(String username, String displayName, String password) {
        driver.findElement(By.id("user-new")).click();
        type("user-username", username);
        type("user-display-name", displayName);
        type("user-password", password);
        driver.findElement(By.id("user-save")).click();
        BrowserSupport.await(driver, Duration.ofSeconds(20)).until(d -> usernames().contains(username));
        return this;
    }

    private void type(String fieldId, String text) {
        BrowserSupport.await(driver, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector("#" + fieldId + " input"))).sendKeys(text);
    }
}
