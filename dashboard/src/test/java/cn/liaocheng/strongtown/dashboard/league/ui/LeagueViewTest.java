package cn.liaocheng.strongtown.dashboard.league.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.league.PeerGroup;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** The league view's filters, server-side (Karibu). */
class LeagueViewTest extends KaribuTestBase {

    @Test
    void peerGroupFilterListsOnlyThatGroupAndSurvivesAYearChange() {
        signIn(Role.ANALYST);
        LeagueView view = (LeagueView) navigate("league");
        List<PeerGroup> groups = view.peerGroup.getListDataView().getItems().toList();
        assertThat(groups).hasSizeGreaterThan(1);
        PeerGroup chosen = groups.get(0);

        HasValueUtilsKt._setValue(view.peerGroup, chosen);
        assertThat(GridKt._size(view.grid)).isEqualTo(chosen.towns());
        for (int i = 0; i < chosen.towns(); i++) {
            assertThat(GridKt._get(view.grid, i).peerGroup()).isEqualTo(chosen.id());
        }
        assertThat(view.count.getText()).contains(String.valueOf(chosen.towns()));

        List<Integer> years = view.year.getListDataView().getItems().toList();
        HasValueUtilsKt._setValue(view.year, years.get(1));
        assertThat(view.peerGroup.getValue()).isNotNull().extracting(PeerGroup::id).isEqualTo(chosen.id());
        assertThat(GridKt._size(view.grid)).isEqualTo(view.peerGroup.getValue().towns());
    }
}
