package cn.liaocheng.strongtown.dashboard.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;
import cn.liaocheng.strongtown.dashboard.audit.ui.AuditPage;

/**
 * The administrator's views in a real browser: a user created in the user administration can log
 * in at once, and the audit log shows the creation and that login, filtered by user name.
 */
class AdminViewsBrowserTest extends BrowserTestBase {

    private static final String NEW_USER = "browser-analyst";
    private static final String NEW_PASSWORD = "browser-password-1";

    @Test
    void aUserCreatedByTheAdminLogsInAndBothAppearInTheAuditLog() {
        awaitLake();
        logIn(BrowserSupport.headlessChromium(1400, 1000), "admin", ADMIN_PASSWORD);
        UserAdminPage users = new UserAdminPage(driver).open(baseUrl());
        assertThat(users.usernames()).contains("admin", "analyst", "office", "county");
        users.create(NEW_USER, "浏览器测试员", NEW_PASSWORD);
        assertThat(users.usernames()).contains(NEW_USER, "浏览器测试员", "分析人员");

        logOut();
        logIn(driver, NEW_USER, NEW_PASSWORD);
        assertThat(driver.getCurrentUrl()).doesNotContain("/login");
        BrowserSupport.await(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("current-user")).getText().contains("浏览器测试员"));
        logOut();

        logIn(driver, "admin", ADMIN_PASSWORD);
        AuditPage audit = new AuditPage(driver).open(baseUrl()).filterByUser(NEW_USER);
        assertThat(audit.cells()).contains("登录成功", "退出登录").doesNotContain("admin");
    }

    private void logOut() {
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("logout"))).click();
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
    }
}
