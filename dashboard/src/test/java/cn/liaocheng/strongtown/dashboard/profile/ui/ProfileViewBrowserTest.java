package cn.liaocheng.strongtown.dashboard.profile.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;

/**
 * The town profile in a real browser: reached from the league table, radar and rank history painted,
 * provenance shown on request; and on a phone-sized viewport without sideways scrolling.
 */
class ProfileViewBrowserTest extends BrowserTestBase {

    @Override
    protected void logIn(WebDriver browser, String user, String password) {
        awaitLake();
        super.logIn(browser, user, password);
    }

    @Test
    void opensFromTheLeagueTableWithPaintedChartsAndProvenance() {
        logIn(BrowserSupport.headlessChromium(1400, 1000), "analyst", "analyst-demo-2025");
        ProfilePage page = new ProfilePage(driver);
        String town = page.openFromLeague(baseUrl());
        assertThat(page.title()).isEqualTo(town);
        assertThat(page.currentUrl()).matches(".*/town/\\d{12}\\?year=\\d{4}");
        page.waitForChart("chart-profile-radar").waitForChart("chart-rank-history").waitForChart("chart-rank-drivers");
        assertThat(page.paintedPixels("chart-profile-radar")).as("radar painted").isGreaterThan(2000);
        assertThat(page.paintedPixels("chart-rank-history")).as("rank history painted").isGreaterThan(1000);
        assertThat(page.indicatorRows()).isGreaterThan(30);
        assertThat(page.provenance("profile-composite")).contains("来源：评分模型计算").contains("快照：")
                .contains("指标体系：");
    }

    @Test
    void theProfileFitsAPhoneWithoutSidewaysScrolling() {
        logIn(BrowserSupport.headlessPhone(390, 844), "leader", "leader-demo-2025");
        ProfilePage page = new ProfilePage(driver).open(baseUrl(), "371502001000");
        page.waitForChart("chart-profile-radar").waitForChart("chart-rank-history");
        var js = js();
        assertThat(((Number) js.executeScript("return window.innerWidth;")).intValue()).isEqualTo(390);
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).intValue())
                .as("page width").isLessThanOrEqualTo(390);
        @SuppressWarnings("unchecked")
        List<Number> rights = (List<Number>) js.executeScript("""
                return Array.from(document.querySelectorAll('echarts-chart, #profile-key-figures, #profile-indicators'))
                    .map(c => c.getBoundingClientRect().right);""");
        assertThat(rights).as("charts, figures and table inside the screen").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(right -> assertThat(right.doubleValue()).isLessThanOrEqualTo(390.5));
        @SuppressWarnings("unchecked")
        Map<String, Number> radar = (Map<String, Number>) js.executeScript("""
                const r = document.getElementById('chart-profile-radar').getBoundingClientRect();
                return {width: r.width, height: r.height};""");
        assertThat(radar.get("width").doubleValue()).as("radar uses the phone's width").isGreaterThan(300);
        assertThat(page.paintedPixels("chart-profile-radar")).isGreaterThan(2000);
    }
}
