package cn.liaocheng.strongtown.dashboard.league.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.security.ui.LoginPage;

/**
 * The whole path in a real browser: the app starts on an empty lake, generates the demo data,
 * scores it, and after login serves the league table with all towns in Chinese and an ECharts chart.
 */
class LeagueViewBrowserTest extends DashboardTestContext {

    private WebDriver driver;

    @BeforeEach
    void openBrowserAndLogIn() {
        driver = BrowserSupport.headlessChromium(1400, 1000);
        new LoginPage(driver, baseUrl()).open().logIn("analyst", "analyst-demo-2025");
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void firstStartServesTheLeagueTableOfAllTownsWithCharts() {
        LeaguePage page = new LeaguePage(driver).open(baseUrl())
                .waitUntilLoaded(Duration.ofSeconds(180));
        assertThat(page.gridSize()).isEqualTo(136);
        assertThat(page.countText()).isEqualTo("共 136 个乡镇（街道）");
        assertThat(page.heading()).isEqualTo("乡镇排行榜");
        assertThat(page.cellTexts()).anySatisfy(t -> assertThat(t).endsWith("街道"))
                .anySatisfy(t -> assertThat(t).isEqualTo("综合实力"));
        assertThat(page.chartRendered("chart-top-towns")).isTrue();
        assertThat(page.chartRendered("chart-counties")).isTrue();
        assertThat(page.demoBanner()).contains("演示数据").contains("合成数据");
    }

    @Test
    void switchesToEnglish() {
        LeaguePage page = new LeaguePage(driver).open(baseUrl())
                .waitUntilLoaded(Duration.ofSeconds(180)).switchLanguage().waitUntilLoaded(Duration.ofSeconds(30));
        assertThat(page.heading()).isEqualTo("Town league table");
        assertThat(page.countText()).isEqualTo("136 towns");
        assertThat(page.demoBanner()).startsWith("Demo data");
        assertThat(page.cellTexts()).contains("Comprehensive strength");
    }
}
