package cn.liaocheng.strongtown.dashboard.security.ui;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/** Page object of the login view (Vaadin's login form posting to Spring Security). */
public final class LoginPage {

    /** How often the waits look (Selenium's default, 500 ms, is paid at every login of every browser test). */

    private final WebDriver driver;
    private final String baseUrl;

    public LoginPage(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public LoginPage open() {
        driver.get(baseUrl + "/login");
        waitForForm();
        return this;
    }

    private WebElement waitForForm() {
        return BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> {
            var inputs = d.findElements(By.cssSelector("vaadin-login-form input[name='username']"));
            return inputs.isEmpty() ? null : inputs.get(0);
        });
    }

    /** Whether the login form appears (waiting up to 30 s for it). */
    public boolean isShown() {
        return waitForForm() != null;
    }

    public String sessionId() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    /** Types the credentials, submits, and waits until the browser has left the login page or shows the error. */
    public void logIn(String username, String password) {
        WebElement user = waitForForm();
        user.sendKeys(username);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']")).click();
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login")
                || d.getCurrentUrl().contains("error"));
    }

    public boolean showsError() {
        Object error = ((JavascriptExecutor) driver).executeScript(
                "const f = document.querySelector('vaadin-login-form'); return f ? f.error : false;");
        return Boolean.TRUE.equals(error);
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }
}
