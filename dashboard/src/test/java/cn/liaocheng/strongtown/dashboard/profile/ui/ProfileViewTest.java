package cn.liaocheng.strongtown.dashboard.profile.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.profile.IndicatorLine;
import cn.liaocheng.strongtown.dashboard.profile.ItemScore;
import cn.liaocheng.strongtown.dashboard.profile.ProfileService;
import cn.liaocheng.strongtown.dashboard.profile.TownProfile;
import cn.liaocheng.strongtown.dashboard.ui.ProvenanceMark;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** The profile view server-side: what it shows, provenance on demand, years, links in, and the county rule. */
class ProfileViewTest extends KaribuTestBase {

    static final String TOWN = "371502001000";
    static final String OTHER_COUNTY_TOWN = "371522101000";

    @Autowired
    ProfileService profiles;
    private final ObjectMapper json = new ObjectMapper();

    private TownProfile newest() {
        TestUsers.signIn(Role.ANALYST);
        int year = profiles.years(TOWN).get(0);
        return profiles.profile(TOWN, year).orElseThrow();
    }

    /** Follows a link's address: the router takes the query parameters apart from the path. */
    private static void open(String href) {
        String[] parts = href.split("\\?", 2);
        UI.getCurrent().navigate(parts[0], parts.length > 1 ? QueryParameters.fromString(parts[1]) : QueryParameters.empty());
    }

    private JsonNode option(String chartId) throws Exception {
        return json.readTree(_get(EChart.class, spec -> spec.withId(chartId)).getElement().getProperty("option"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsRanksRadarHistoryDriversAndIndicators() throws Exception {
        TownProfile profile = newest();
        signIn(Role.ANALYST);
        assertThat(navigate("town/" + TOWN)).isInstanceOf(ProfileView.class);
        assertThat(_get(H2.class, spec -> spec.withId("profile-title")).getText()).isEqualTo("古楼街道");
        assertThat(_get(Div.class, spec -> spec.withId("profile-rank-city")).getElement().getTextRecursively())
                .contains("居全市第 " + profile.header().rankCity() + " 位（共 136 个）").contains("名次区间（P5—P95）：");
        JsonNode radar = option("chart-profile-radar").path("series").get(0).path("data");
        assertThat(radar).hasSize(3);
        List<ItemScore> dims = profile.dimensions();
        for (int i = 0; i < dims.size(); i++) {
            assertThat(radar.get(1).path("value").get(i).asDouble()).isCloseTo(dims.get(i).peerMedian(),
                    org.assertj.core.data.Offset.offset(0.051));
        }
        JsonNode history = option("chart-rank-history");
        assertThat(history.path("yAxis").path("inverse").asBoolean()).isTrue();
        assertThat(history.path("series").get(2).path("data")).hasSize(profile.rankHistory().size());
        assertThat(option("chart-rank-drivers").path("series").get(0).path("data")).hasSize(6);
        assertThat(_get(Paragraph.class, spec -> spec.withId("profile-drivers-text")).getText())
                .contains("综合得分较上年").contains("主要原因");
        Grid<IndicatorLine> grid = _get(Grid.class, spec -> spec.withId("profile-indicators"));
        assertThat(GridKt._size(grid)).isEqualTo(profile.indicators().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDeclaredValueAndTheCompositeTellWhereTheyComeFrom() {
        TownProfile profile = newest();
        signIn(Role.ANALYST);
        navigate("town/" + TOWN);
        Grid<IndicatorLine> grid = _get(Grid.class, spec -> spec.withId("profile-indicators"));
        int row = profile.indicators().indexOf(profile.indicators().stream()
                .filter(i -> i.indicatorId().equals("private_tax_revenue")).findFirst().orElseThrow());
        IndicatorLine declared = profile.indicators().get(row);
        ProvenanceMark mark = (ProvenanceMark) GridKt._getCellComponent(grid, row, IndicatorGrid.VALUE);
        assertThat(mark.getElement().getTextRecursively()).containsPattern("[0-9] [万亿]元");
        _click(mark.button());
        assertThat(mark.details().getElement().getTextRecursively()).contains("来源：乡镇申报")
                .contains("申报版本：第 " + declared.revision() + " 版").contains("数据截至：").contains("指标体系：");
        ProvenanceMark composite = _get(ProvenanceMark.class, spec -> spec.withId("profile-composite"));
        _click(composite.button());
        assertThat(composite.details().getElement().getTextRecursively()).contains("评分模型计算").contains("快照：");
    }

    @Test
    void anEarlierYearFromTheQueryParameter() {
        TestUsers.signIn(Role.ANALYST);
        List<Integer> years = profiles.years(TOWN);
        int first = years.get(years.size() - 1);
        signIn(Role.LEADER);
        open("town/" + TOWN + "?year=" + first);
        assertThat(_get(Select.class, spec -> spec.withId("profile-year")).getValue()).isEqualTo(first);
        assertThat(_get(Paragraph.class, spec -> spec.withId("profile-drivers-text")).getText())
                .isEqualTo("这是首个评价年度，没有上年可比。");
        _assertNone(EChart.class, spec -> spec.withId("chart-rank-drivers"));
    }

    @Test
    void countyStaffOpenTheirOwnTownsOnly() {
        signIn(Role.COUNTY);
        assertThat(navigate("town/" + TOWN)).isInstanceOf(ProfileView.class);
        assertThat(_get(H2.class, spec -> spec.withId("profile-title")).getText()).isEqualTo("古楼街道");
        navigate("town/" + OTHER_COUNTY_TOWN);
        assertThat(_get(Paragraph.class, spec -> spec.withId("profile-denied")).getText()).contains("无权查看");
        _assertNone(EChart.class);
        _assertNone(Grid.class);
    }

    @Test
    void unknownTownsSaySo() {
        signIn(Role.ANALYST);
        navigate("town/000000000000");
        assertThat(_get(Paragraph.class, spec -> spec.withId("profile-not-found")).getText()).isNotBlank();
    }

    @Test
    @SuppressWarnings("unchecked")
    void leagueAndQualityTablesLinkToTheProfiles() {
        signIn(Role.ANALYST);
        navigate("league");
        Grid<?> league = _get(Grid.class, spec -> spec.withId("league-grid"));
        Anchor link = (Anchor) GridKt._getCellComponent(league, 0, "town");
        assertThat(link.getHref()).matches("town/\\d{12}\\?year=\\d{4}");
        open(link.getHref());
        assertThat(_get(H2.class, spec -> spec.withId("profile-title")).getText()).isEqualTo(link.getText());
        navigate("quality");
        Grid<?> quality = _get(Grid.class, spec -> spec.withId("quality-grid"));
        assertThat(((Anchor) GridKt._getCellComponent(quality, 0, "town")).getHref()).startsWith("town/");
    }
}
