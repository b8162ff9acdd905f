package cn.liaocheng.strongtown.dashboard.county.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** A city's county table shows every county in the page and draws every county's trend (Karibu). */
class CountyLeagueViewTest extends KaribuTestBase {

    @Test
    void aCityDrawsEveryCountysTrendWithoutTheProvinceNote() throws Exception {
        signIn(Role.LEADER);
        CountyLeagueView view = (CountyLeagueView) navigate("counties");
        int counties = GridKt._size(view.grid);
        assertThat(counties).isBetween(2, CountyCharts.ALL_LINES_UP_TO);
        assertThat(view.grid.isAllRowsVisible()).isTrue();
        assertThat(series(view)).hasSize(counties);
        assertThat(view.trendsNote.isVisible()).isFalse();

        view.grid.select(GridKt._get(view.grid, counties - 1));
        assertThat(series(view)).as("picking a county changes nothing when all are drawn").hasSize(counties);
        HasValueUtilsKt._setValue(view.year, view.year.getListDataView().getItems().toList().get(1));
        assertThat(series(view)).hasSize(GridKt._size(view.grid));
    }

    private static JsonNode series(CountyLeagueView view) throws Exception {
        return new ObjectMapper().readTree(view.trends.getElement().getProperty("option")).path("series");
    }
}
