package cn.liaocheng.strongtown.dashboard.tracking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.BrowserPages;
import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.tracking.TrackedTown;
import cn.liaocheng.strongtown.dashboard.tracking.TrackingService;

/**
 * Tracking in a real browser: the list of designated towns with the cohort charts painted, then one town's
 * page reached by its link, with its plan table and the synthetic-control and event-study charts painted.
 */
class TrackingBrowserTest extends BrowserTestBase {

    @Autowired
    TrackingService tracking;

    @Test
    void listAndTownPageShowTablesAndPaintedCharts() {
        awaitLake();
        TestUsers.signIn(Role.ANALYST);
        TrackedTown town = tracking.towns().stream().filter(t -> t.designatedIn() == 2024).findFirst().orElseThrow();
        TestUsers.signOut();
        logIn(BrowserSupport.headlessChromium(1400, 1000), "analyst", "analyst-demo-2025");
        driver.get(baseUrl() + "/tracking");
        BrowserSupport.await(driver, Duration.ofSeconds(180))
                .until(d -> BrowserPages.gridSize(d, "tracking-towns") > 0);
        assertThat(BrowserPages.gridSize(driver, "tracking-towns")).isGreaterThanOrEqualTo(20);
        assertThat(driver.findElement(By.id("tracking-demo-plans")).getText()).contains("合成演示数据");
        for (int cohort : new int[] {2023, 2024, 2025}) {
            BrowserPages.chartRendered(driver, "tracking-cohort-" + cohort);
            assertThat(painted("tracking-cohort-" + cohort)).as("cohort %d painted", cohort).isGreaterThan(1000);
        }
        WebElement link = BrowserSupport.await(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#tracking-towns a.tracking-town-link")).stream()
                        .filter(a -> a.getText().equals(town.townName())).findFirst().orElse(null));
        link.click();
        BrowserSupport.await(driver, Duration.ofSeconds(120))
                .until(d -> !d.findElements(By.id("tracking-town-title")).isEmpty());
        assertThat(driver.getCurrentUrl()).endsWith("/tracking/" + town.townCode());
        assertThat(driver.findElement(By.id("tracking-town-title")).getText()).contains(town.townName());
        assertThat(BrowserPages.gridSize(driver, "tracking-plan")).isGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("tracking-grade")).getText()).containsPattern("优秀|良好|合格|不合格");
        BrowserPages.chartRendered(driver, "tracking-synth-chart");
        BrowserPages.chartRendered(driver, "tracking-did-chart");
        assertThat(painted("tracking-synth-chart")).as("synthetic control painted").isGreaterThan(1000);
        assertThat(painted("tracking-did-chart")).as("event study painted").isGreaterThan(1000);
        assertThat(driver.findElement(By.id("tracking-effect-numbers")).getText()).contains("p 值");
    }

    private long painted(String id) {
        Object n = js().executeScript("""
                const c = document.querySelector('#' + arguments[0] + ' canvas');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let painted = 0;
                for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) painted++; }
                return painted;""", id);
        return ((Number) n).longValue();
    }
}
