package cn.liaocheng.strongtown.dashboard.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditFilter;
import cn.liaocheng.strongtown.dashboard.audit.AuditLog;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginPage;

/**
 * Leadership views in a real browser: the overview with its tile map of all towns, the big screen
 * at 1920×1080, both on a phone-sized viewport without sideways scrolling, and logout.
 */
class OverviewBrowserTest extends BrowserTestBase {

    @Autowired
    AuditLog audit;

    @Override
    protected void logIn(WebDriver browser, String user, String password) {
        awaitLake();
        super.logIn(browser, user, password);
    }

    private void waitForChart(String id) {
        BrowserSupport.await(driver, Duration.ofSeconds(60)).until(d ->
                !d.findElements(By.cssSelector("#" + id + "[data-rendered='true'] canvas")).isEmpty());
    }

    @Test
    void leadersLandOnTheOverviewWithATileOfEveryTown() throws Exception {
        logIn(BrowserSupport.headlessChromium(1400, 1000), "leader", "leader-demo-2025");
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/overview"));
        waitForChart("chart-tile-map");
        JsonNode option = new ObjectMapper().readTree((String) js().executeScript(
                "return document.getElementById('chart-tile-map').option;"));
        assertThat(option.path("series").get(0).path("data")).hasSize(136);
        assertThat(driver.findElements(By.cssSelector("#kpi-cards .kpi-card"))).hasSizeGreaterThanOrEqualTo(6);
        assertThat(driver.findElement(By.id("kpi-cards")).getText()).contains("户").contains("家").contains("较上年");
        assertThat(driver.findElements(By.cssSelector("#overview-counties"))).hasSize(1);
        assertThat(driver.findElement(By.id("demo-banner")).getText()).contains("合成数据");
    }

    @Test
    void theBigScreenFills1920By1080WithTitleCentreAndSidePanels() {
        logIn(BrowserSupport.headlessChromium(1920, 1080), "office", "office-demo-2025");
        driver.get(baseUrl() + "/screen");
        waitForChart("chart-tile-map");
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) js().executeScript("""
                const r = id => document.getElementById(id).getBoundingClientRect();
                const title = document.querySelector('#big-screen-stage h1').getBoundingClientRect();
                return {stageW: r('big-screen-stage').width, stageH: r('big-screen-stage').height,
                        left: r('screen-left').left, centre: r('screen-centre').left, right: r('screen-right').left,
                        centreTop: r('screen-centre').top, titleBottom: title.bottom,
                        scrollW: document.documentElement.scrollWidth, scrollH: document.documentElement.scrollHeight,
                        innerW: window.innerWidth, innerH: window.innerHeight};
                """);
        assertThat(((Number) box.get("left")).doubleValue()).isLessThan(((Number) box.get("centre")).doubleValue());
        assertThat(((Number) box.get("centre")).doubleValue()).isLessThan(((Number) box.get("right")).doubleValue());
        assertThat(((Number) box.get("titleBottom")).doubleValue())
                .isLessThanOrEqualTo(((Number) box.get("centreTop")).doubleValue());
        assertThat(((Number) box.get("scrollW")).doubleValue()).isLessThanOrEqualTo(((Number) box.get("innerW")).doubleValue());
        assertThat(((Number) box.get("scrollH")).doubleValue()).isLessThanOrEqualTo(((Number) box.get("innerH")).doubleValue());
        double stageW = ((Number) box.get("stageW")).doubleValue();
        double stageH = ((Number) box.get("stageH")).doubleValue();
        assertThat(stageW / stageH).as("16:9 stage").isCloseTo(1920.0 / 1080.0, org.assertj.core.data.Offset.offset(0.01));
        double fill = Math.max(stageW / ((Number) box.get("innerW")).doubleValue(),
                stageH / ((Number) box.get("innerH")).doubleValue());
        assertThat(fill).as("scaled to fill the window").isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void leadershipViewsFitAPhoneWithoutSidewaysScrolling() {
        logIn(BrowserSupport.headlessPhone(390, 844), "leader", "leader-demo-2025");
        for (String route : List.of("overview", "league", "counties")) {
            driver.get(baseUrl() + "/" + route);
            waitForChart(switch (route) {
                case "overview" -> "chart-tile-map";
                case "league" -> "chart-top-towns";
                default -> "chart-county-trends";
            });
            Number innerWidth = (Number) js().executeScript("return window.innerWidth;");
            Number scrollWidth = (Number) js().executeScript("return document.documentElement.scrollWidth;");
            assertThat(innerWidth.intValue()).as(route).isEqualTo(390);
            assertThat(scrollWidth.intValue()).as(route + " page width").isLessThanOrEqualTo(390);
            @SuppressWarnings("unchecked")
            List<Number> widths = (List<Number>) js().executeScript(
                    "return Array.from(document.querySelectorAll('echarts-chart')).map(c => c.getBoundingClientRect().right);");
            assertThat(widths).as(route + " charts inside the screen").isNotEmpty()
                    .allSatisfy(right -> assertThat(right.doubleValue()).isLessThanOrEqualTo(390.5));
            @SuppressWarnings("unchecked")
            Map<String, Number> nav = (Map<String, Number>) js().executeScript("""
                    const a = document.getElementById('language-switch').getBoundingClientRect();
                    const b = document.getElementById('logout').getBoundingClientRect();
                    return {aRight: a.right, bLeft: b.left, bRight: b.right};
                    """);
            assertThat(nav.get("aRight").doubleValue()).as("buttons do not overlap").isLessThanOrEqualTo(nav.get("bLeft").doubleValue());
            assertThat(nav.get("bRight").doubleValue()).as("logout on screen").isLessThanOrEqualTo(390.5);
        }
    }

    @Test
    void logoutEndsTheSessionAndIsAudited() {
        logIn(BrowserSupport.headlessChromium(1400, 1000), "analyst", "analyst-demo-2025");
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("logout")).isEmpty());
        driver.findElement(By.id("logout")).click();
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/login"));
        driver.get(baseUrl() + "/overview");
        BrowserSupport.await(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/login"));
        assertThat(new LoginPage(driver, baseUrl()).isShown()).isTrue();
        TestUsers.signIn(Role.ADMIN);
        try {
            assertThat(audit.page(new AuditFilter("analyst", AuditAction.LOGOUT), 0, 10)).isNotEmpty();
        } finally {
            TestUsers.signOut();
        }
    }
}
