package cn.liaocheng.strongtown.dashboard.whatif.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.dashboard.BrowserSupport;
import cn.liaocheng.strongtown.dashboard.BrowserTestBase;

/** What-if weights in a real browser: a changed weight moves towns, reset brings every town back. */
class WhatIfBrowserTest extends BrowserTestBase {

    private static final String NO_CHANGE = "—";
    @BeforeEach
    void openBrowserAndLogIn() {
        awaitLake();
        logIn(BrowserSupport.headlessChromium(1400, 1000), "analyst", "analyst-demo-2025");
    }

    @Test
    void aChangedWeightMovesTownsAndResetRestoresTheOfficialRanks() {
        WhatIfPage page = new WhatIfPage(driver).open(baseUrl());
        assertThat(page.gridSize()).isEqualTo(136);
        assertThat(page.rankChanges()).containsOnly(NO_CHANGE);
        assertThat(page.weight("innovation")).isEqualTo("20");

        page.setWeight("innovation", 80)
                .waitForRankChanges(changes -> changes.stream().anyMatch(c -> !c.equals(NO_CHANGE)));
        assertThat(page.rankChanges()).anySatisfy(c -> assertThat(c).matches("[▲▼]\\d+"));
        assertThat(page.message()).doesNotEndWith("名次变化 0 个");

        page.reset().waitForRankChanges(changes -> changes.stream().allMatch(NO_CHANGE::equals));
        assertThat(page.weight("innovation")).isEqualTo("20");
        assertThat(page.message()).isEqualTo("共 136 个乡镇（街道），名次变化 0 个");
    }
}
