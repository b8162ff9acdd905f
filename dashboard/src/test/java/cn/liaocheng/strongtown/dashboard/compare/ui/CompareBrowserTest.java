package cn.liaocheng.strongtown.dashboard.compare.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;

/** A shared compare link in a real browser: the towns side by side, the chart painted, every column there. */
class CompareBrowserTest extends BrowserTestBase {

    @BeforeEach
    void openBrowserAndLogIn() {
        awaitLake();
        logIn(BrowserSupport.headlessChromium(1400, 1000), "analyst", "analyst-demo-2025");
    }

    @Test
    void aLinkWithTownsShowsThemSideBySideWithTheChart() {
        ComparePage page = new ComparePage(driver)
                .open(baseUrl(), "towns=371502001000,371502002000,371522001000")
                .waitUntilCompared(Duration.ofSeconds(60));
        assertThat(page.chartRendered("compare-chart")).isTrue();
        assertThat(page.cellTexts("compare-summary"))
                .contains("综合得分", "综合实力", "公共服务", "全市名次", "县内名次", "名次区间", "等级")
                .anySatisfy(t -> assertThat(t).startsWith("燕塔街道"));
        assertThat(page.gridSize("compare-indicators")).isGreaterThan(30);
        assertThat(page.cellTexts("compare-indicators")).contains("维度", "数值", "得分", "民营市场主体数（户）");
        assertThat(page.message()).endsWith("3 个乡镇对比");
        assertThat(page.currentUrl()).contains("towns=371502001000,371502002000,371522001000");
    }

    @Test
    void aTownAndItsPeersComeFromTheLinkToo() {
        ComparePage page = new ComparePage(driver).open(baseUrl(), "peersOf=371502001000")
                .waitUntilCompared(Duration.ofSeconds(60));
        assertThat(page.chartRendered("compare-chart")).isTrue();
        assertThat(page.message()).endsWith("5 个乡镇对比");
        assertThat(page.currentUrl()).contains("peersOf=371502001000");
    }
}
