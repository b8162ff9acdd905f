package cn.liaocheng.strongtown.dashboard.league.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.ui.ProvenanceMark;
import cn.liaocheng.strongtown.dashboard.league.PeerGroup;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** The league view's filters, server-side (Karibu). */
class LeagueViewTest extends KaribuTestBase {

    @Autowired
    MartReader marts;

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

    @Test
    void theSourcesMarkNamesTheSnapshotAndCatalogOfTheTable() {
        signIn(Role.LEADER);
        navigate("league");
        ProvenanceMark sources = _get(ProvenanceMark.class, spec -> spec.withId("league-sources"));
        _click(sources.button());
        String facts = sources.details().getElement().getTextRecursively();
        assertThat(facts).contains("来源：评分模型计算").contains("快照：" + marts.currentSnapshot().orElseThrow())
                .contains("指标体系：2016.1 版");
    }
}
