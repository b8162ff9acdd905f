package cn.liaocheng.strongtown.dashboard.league.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TwoVersionLakeContext;
import cn.liaocheng.strongtown.dashboard.league.LeagueQuery;
import cn.liaocheng.strongtown.dashboard.league.LeagueRow;
import cn.liaocheng.strongtown.dashboard.league.LeagueService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.Links;

/**
 * 数据不足 on screen (Karibu, on the test lake where one town declared nothing in the last year): the league
 * table lists the town last, without a rank, its composite shown as 数据不足 with its coverage and the
 * dimensions it lacks; its profile says the same.
 */
class InsufficientDataViewTest extends TwoVersionLakeContext {

    @Autowired
    ApplicationContext context;
    @Autowired
    LeagueService league;

    @BeforeEach
    void setUp() {
        awaitLake();
        KaribuTestBase.mockVaadin(context);
        KaribuTestBase.signInMock(Role.ANALYST);
    }

    @AfterEach
    void tearDown() {
        KaribuTestBase.signOutMock();
        MockVaadin.tearDown();
    }

    /** The Chinese names of the dimensions the town lacks in the last year (from the service, not the view). */
    private List<String> missingDimensionNames() {
        List<LeagueRow> rows = league.page(LeagueQuery.of(LAST_YEAR), 0, 1000);
        List<String> missing = rows.get(rows.size() - 1).missingDimensions();
        assertThat(missing).isNotEmpty();
        return league.dimensions(LAST_YEAR).stream().filter(d -> missing.contains(d.id())).map(d -> d.name().zh()).toList();
    }

    @Test
    void theLeagueTableListsTheTownLastAs数据不足WithWhatIsMissing() {
        LeagueView view = (LeagueView) KaribuTestBase.navigateMock(Links.LEAGUE);
        HasValueUtilsKt._setValue(view.year, LAST_YEAR);
        int size = GridKt._size(view.grid);
        LeagueRow last = GridKt._get(view.grid, size - 1);
        assertThat(last.townCode()).isEqualTo(INSUFFICIENT_TOWN);
        List<String> cells = GridKt._getFormattedRow(view.grid, size - 1);
        assertThat(cells.get(0)).as("no rank").isEmpty();
        assertThat(GridKt._getFormatted(view.grid, size - 1, LeagueView.COMPOSITE_COLUMN)).isEqualTo("数据不足");
        String detail = view.grid.getColumnByKey(LeagueView.COMPOSITE_COLUMN).getTooltipGenerator().apply(last);
        assertThat(detail).startsWith("数据覆盖").contains("不参与排名").contains(missingDimensionNames());
        assertThat(GridKt._get(view.grid, size - 2).rankCity()).as("displaces nobody").isEqualTo(size - 1);
        assertThat(GridKt._getFormatted(view.grid, size - 2, LeagueView.COMPOSITE_COLUMN)).matches("\\d+\\.\\d");
    }

    @Test
    void theProfileSays数据不足AndWhatIsMissing() {
        UI.getCurrent().navigate(Links.TOWN_PROFILE + "/" + INSUFFICIENT_TOWN,
                QueryParameters.fromString("year=" + LAST_YEAR));
        String text = _get(Paragraph.class, spec -> spec.withId("profile-insufficient")).getText();
        assertThat(text).startsWith("数据不足：" + LAST_YEAR + " 年").contains("75");
        String missing = _find(Paragraph.class).stream()
                .map(Paragraph::getText).filter(t -> t.startsWith("缺少数据的维度")).collect(Collectors.joining());
        assertThat(missing).contains(missingDimensionNames());
    }
}
