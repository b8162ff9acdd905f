package cn.liaocheng.strongtown.dashboard.league.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;

/**
 * The whole path in a real browser: the app starts on an empty lake, generates the demo data,
 * scores it, and after login serves the league table with all towns in Chinese and an ECharts chart;
 * its exports download in the browser as complete files.
 */
class LeagueViewBrowserTest extends BrowserTestBase {

    @Test
    void firstStartServesTheLeagueTableOfAllTownsWithCharts() {
        logIn(BrowserSupport.headlessChromium(1400, 1000), "analyst", "analyst-demo-2025");
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
        logIn(BrowserSupport.headlessChromium(1400, 1000), "analyst", "analyst-demo-2025");
        LeaguePage page = new LeaguePage(driver).open(baseUrl())
                .waitUntilLoaded(Duration.ofSeconds(180)).switchLanguage().waitUntilLoaded(Duration.ofSeconds(30));
        assertThat(page.heading()).isEqualTo("Town league table");
        assertThat(page.countText()).isEqualTo("136 towns");
        assertThat(page.demoBanner()).startsWith("Demo data");
        assertThat(page.cellTexts()).contains("Comprehensive strength");
    }

    @Test
    void exportsDownloadCompleteFilesInTheBrowser(@TempDir Path downloads) throws Exception {
        logIn(BrowserSupport.headlessChromiumDownloadingTo(downloads, 1400, 1000), "analyst", "analyst-demo-2025");
        LeaguePage page = new LeaguePage(driver).open(baseUrl()).waitUntilLoaded(Duration.ofSeconds(180));

        Path xlsx = page.download("export-xlsx", downloads, ".xlsx");
        assertThat(xlsx.getFileName().toString()).startsWith("乡镇排行榜_");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(xlsx)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).as("header + every town").isEqualTo(136);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("全市名次");
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(1.0);
        }

        Path csv = page.download("export-csv", downloads, ".csv");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(137);
        assertThat(lines.get(0)).startsWith("全市名次,乡镇（街道）,乡镇代码");
    }
}
