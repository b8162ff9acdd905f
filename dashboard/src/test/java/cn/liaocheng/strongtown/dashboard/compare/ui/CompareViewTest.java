package cn.liaocheng.strongtown.dashboard.compare.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.town.Town;

/** The compare view reads its selection from the URL and checks the number of towns. */
class CompareViewTest extends KaribuTestBase {

    private static final String A = "371502001000";
    private static final String B = "371502002000";
    private static final String OTHER_COUNTY = "371522001000";

    private CompareView open(Map<String, String> parameters) {
        UI.getCurrent().navigate("compare", QueryParameters.simple(parameters));
        return (CompareView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLinkWithTownsShowsThemSideBySide() {
        signIn(Role.LEADER);
        CompareView view = open(Map.of("towns", A + "," + B + "," + OTHER_COUNTY));
        assertThat(view.towns.getValue()).extracting(Town::code).containsExactly(A, B, OTHER_COUNTY);
        Grid<?> summary = _get(Grid.class, spec -> spec.withId("compare-summary"));
        assertThat(summary.getColumns()).hasSize(4);
        assertThat(summary.getColumns().get(1).getHeaderText()).startsWith(view.comparison.towns().get(0).town().name());
        assertThat(GridKt._size(summary)).isEqualTo(1 + 6 + 4 + 2);
        assertThat(GridKt._getFormattedRow(summary, 0).get(0)).isEqualTo("综合得分");
        assertThat(GridKt._getFormattedRow(summary, 0).get(1))
                .isEqualTo(String.format("%.1f", view.comparison.towns().get(0).composite()));
        Grid<?> indicators = _get(Grid.class, spec -> spec.withId("compare-indicators"));
        assertThat(GridKt._size(indicators)).isEqualTo(view.comparison.indicators().size()).isGreaterThan(30);
        assertThat(indicators.getColumns()).hasSize(2 + 2 * 3);
        String option = _get(EChart.class, spec -> spec.withId("compare-chart")).getElement().getProperty("option");
        assertThat(option).contains("综合实力", "公共服务", view.comparison.towns().get(2).town().name());
        assertThat(message().getText()).isEqualTo(view.year.getValue() + " 年 3 个乡镇对比");
    }

    @Test
    void saysHowManyTownsAreNeeded() {
        signIn(Role.ANALYST);
        CompareView view = open(Map.of());
        assertThat(message().getText()).isEqualTo("请至少选择 2 个乡镇（最多 5 个）");
        _assertNone(Grid.class, spec -> spec.withId("compare-summary"));
        MultiSelectComboBox<Town> towns = view.towns;
        towns.setValue(towns.getListDataView().getItems().limit(6).toList());
        assertThat(message().getText()).isEqualTo("最多只能对比 5 个乡镇，请减少所选乡镇");
        assertThat(towns.isInvalid()).isTrue();
        _assertNone(Grid.class, spec -> spec.withId("compare-summary"));
        towns.setValue(towns.getListDataView().getItems().limit(5).toList());
        assertThat(towns.isInvalid()).isFalse();
        assertThat(view.comparison.towns()).hasSize(5);
    }

    @Test
    void aTownAndItsPeers() {
        signIn(Role.ANALYST);
        CompareView view = open(Map.of("peersOf", A));
        assertThat(view.mode.getValue()).isEqualTo(CompareView.Mode.PEERS);
        assertThat(view.anchor.getValue().code()).isEqualTo(A);
        assertThat(view.towns.isVisible()).isFalse();
        assertThat(view.comparison.towns()).hasSize(5);
        assertThat(view.comparison.towns().get(0).town().code()).isEqualTo(A);
    }

    @Test
    void countyStaffNeverGetAnotherCountysTownFromALink() {
        signIn(Role.COUNTY);
        CompareView view = open(Map.of("towns", A + "," + OTHER_COUNTY));
        assertThat(view.towns.getValue()).extracting(Town::code).containsExactly(A);
        assertThat(view.towns.getListDataView().getItems()).hasSize(24);
        assertThat(view.comparison).isNull();
        assertThat(message().getText()).isEqualTo("请至少选择 2 个乡镇（最多 5 个）");
    }

    private Span message() {
        return _get(Span.class, spec -> spec.withId("compare-message"));
    }
}
