package cn.liaocheng.strongtown.dashboard.league.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;

/**
 * The whole path in a real browser: the app starts on an empty lake, generates the demo data,
 * scores it, and serves the league table with all towns in Chinese and an ECharts chart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeagueViewBrowserTest {

    private static final Path LAKE = emptyLake();

    @LocalServerPort
    int port;
    private WebDriver driver;

    private static Path emptyLake() {
        try {
            return Files.createTempDirectory("strongtown-browser-lake");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smallDemoLake(DynamicPropertyRegistry registry) {
        registry.add("strongtown.lake-dir", LAKE::toString);
        registry.add("strongtown.demo-scale", () -> "0.05");
        registry.add("strongtown.demo-first-year", () -> "2020");
    }

    @BeforeEach
    void openBrowser() {
        driver = BrowserSupport.headlessChromium(1400, 1000);
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void firstStartServesTheLeagueTableOfAllTownsWithCharts() {
        LeaguePage page = new LeaguePage(driver).open("http://localhost:" + port)
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
        LeaguePage page = new LeaguePage(driver).open("http://localhost:" + port)
                .waitUntilLoaded(Duration.ofSeconds(180)).switchLanguage().waitUntilLoaded(Duration.ofSeconds(30));
        assertThat(page.heading()).isEqualTo("Town league table");
        assertThat(page.countText()).isEqualTo("136 towns");
        assertThat(page.demoBanner()).startsWith("Demo data");
        assertThat(page.cellTexts()).contains("Comprehensive strength");
    }
}
