package cn.liaocheng.strongtown.dashboard.collection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.DeclaredItem;
import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.collection.CollectionFixture;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The whole loop in a real browser: download the template from the dashboard, fill it in with
 * POI (the last-ranked town declares the best values of the city), upload it in the browser, watch
 * the re-scoring, and find the town higher in the league table.
 */
class CollectionViewBrowserTest extends BrowserTestBase {

    private static final int YEAR = 2025;

    @BeforeEach
    void openBrowserAndLogIn() {
        logIn(BrowserSupport.headlessChromium(1400, 1000), "office", "office-demo-2025");
    }

    /** The league as the office sees it, best first. */
    private List<LeagueRow> league() {
        TestUsers.signIn(Role.OFFICE);
        try {
            return league.page(LeagueQuery.of(YEAR), 0, 1000);
        } finally {
            TestUsers.signOut();
        }
    }

    @Autowired
    LeagueService league;
    @Autowired
    StrongTownProperties properties;

    @Test
    void downloadedTemplateFilledAndUploadedInTheBrowserChangesTheLeagueTable() throws Exception {
        String base = baseUrl();
        driver.get(base + "/league");
        BrowserSupport.await(driver, Duration.ofSeconds(180)).until(d -> gridSize("league-grid") > 0);
        List<LeagueRow> before = league();
        LeagueRow last = before.get(before.size() - 1);

        driver.get(base + "/collection");
        WebElement download = BrowserSupport.await(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("template-download")));
        // an earlier test class in this JVM may have uploaded to the same lake: the new revision is the next one
        long revisionsBefore = BrowserSupport.await(driver, Duration.ofSeconds(30))
                .until(d -> gridSize("revision-grid") > 0 ? gridSize("revision-grid") : null);
        byte[] template = fetch(download.getAttribute("href"));
        Path filled = Files.createTempFile("申报", ".xlsx");
        Files.write(filled, fillBestValues(template, last.townCode()));

        WebElement upload = driver.findElement(By.id("declaration-upload"));
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(filled.toString());
        WebElement outcome = driver.findElement(By.id("upload-outcome"));
        BrowserSupport.await(driver, Duration.ofSeconds(60)).until(d -> !outcome.getText().isBlank());
        assertThat(outcome.getText()).startsWith("已接受：2025 年度第 " + (revisionsBefore + 1) + " 版");
        BrowserSupport.await(driver, Duration.ofSeconds(120))
                .until(d -> d.findElement(By.id("refresh-status")).getText().startsWith("已发布新快照"));
        assertThat(gridSize("revision-grid")).isEqualTo(revisionsBefore + 1);

        LeagueRow after = league().stream()
                .filter(r -> r.townCode().equals(last.townCode())).findFirst().orElseThrow();
        assertThat(after.composite()).isGreaterThan(last.composite());
        assertThat(after.rankCity()).isLessThan(last.rankCity());

        driver.get(base + "/league");
        BrowserSupport.await(driver, Duration.ofSeconds(60)).until(d -> gridSize("league-grid") > 0);
        js().executeScript(
                "document.getElementById('league-grid').scrollToIndex(arguments[0]);", Math.max(0, after.rankCity() - 3));
        String composite = String.format(java.util.Locale.ROOT, "%.1f", after.composite());
        BrowserSupport.await(driver, Duration.ofSeconds(20)).until(d -> {
            List<String> cells = BrowserPages.cellTexts(d, "league-grid");
            return cells.contains(last.townName()) && cells.contains(composite);
        });
    }

    /** The town's row gets, for every declared item, the best value any town has this year. */
    private byte[] fillBestValues(byte[] template, String townCode) throws IOException {
        TownRegistry towns = TownRegistry.load(properties.data().resolve("reference"));
        CatalogRepository catalogs = CatalogRepository.load(properties.data().resolve("catalog"));
        Map<String, Double> current = new DeclarationIntake(towns, catalogs, new Lake(properties.lake())).currentValues(YEAR);
        List<DeclaredItem> items = DeclaredItem.of(catalogs.forYear(YEAR));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = CollectionFixture.townRow(wb.getSheet("申报数据"), townCode);
            for (int i = 0; i < items.size(); i++) {
                DeclaredItem item = items.get(i);
                var values = current.entrySet().stream().filter(e -> e.getKey().endsWith("/" + item.id()))
                        .mapToDouble(Map.Entry::getValue);
                double best = item.id().equals("resident_population") ? current.get(townCode + "/" + item.id())
                        : item.lowerIsBetter() ? values.min().orElse(item.min()) : values.max().orElse(item.max());
                row.getCell(3 + i).setCellValue(best);
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
