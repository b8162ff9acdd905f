package cn.liaocheng.strongtown.dashboard.whatif.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.whatif.WhatIfRow;
import cn.liaocheng.strongtown.town.County;

/** The what-if view re-ranks on every weight change and resets to the official weights. */
class WhatIfViewTest extends KaribuTestBase {

    @BeforeEach
    void open() {
        signIn(Role.ANALYST);
        assertThat(navigate("what-if")).isInstanceOf(WhatIfView.class);
    }

    @Test
    void startsAtTheOfficialWeightsWithTheOfficialRanks() {
        assertThat(weight("strength").getValue()).isEqualTo(20.0);
        assertThat(weight("services").getValue()).isEqualTo(10.0);
        assertThat(weight("services").getHelperText()).isEqualTo("折算占比 10.0%");
        List<WhatIfRow> rows = rows();
        assertThat(rows).hasSize(136).allSatisfy(r -> {
            assertThat(r.rank()).isEqualTo(r.town().officialRank());
            assertThat(r.rankChange()).isZero();
        });
        assertThat(message().getText()).isEqualTo("共 136 个乡镇（街道），名次变化 0 个");
    }

    @Test
    void changingAWeightReRanksAndResetRestores() {
        weight("innovation").setValue(80.0);
        List<WhatIfRow> rows = rows();
        assertThat(rows).hasSize(136).extracting(WhatIfRow::rank).isSorted();
        assertThat(rows).filteredOn(r -> r.rankChange() != 0).isNotEmpty();
        // 80 of 160 points: half of the composite
        assertThat(weight("innovation").getHelperText()).isEqualTo("折算占比 50.0%");
        assertThat(message().getText()).doesNotEndWith("名次变化 0 个");

        _click(_get(Button.class, spec -> spec.withId("whatif-reset")));
        assertThat(weight("innovation").getValue()).isEqualTo(20.0);
        assertThat(rows()).hasSize(136).allSatisfy(r -> assertThat(r.rankChange()).isZero());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCountyFilterNarrowsTheListButRanksStayCityWide() {
        weight("finance").setValue(60.0);
        List<WhatIfRow> city = rows();
        ComboBox<County> county = _get(ComboBox.class, spec -> spec.withId("whatif-county"));
        county.setValue(county.getListDataView().getItems().filter(c -> c.code().equals(TestUsers.OWN_COUNTY))
                .findFirst().orElseThrow());
        List<WhatIfRow> own = rows();
        assertThat(own).hasSize(24).allSatisfy(r -> assertThat(r.town().countyCode()).isEqualTo(TestUsers.OWN_COUNTY));
        assertThat(own).isSubsetOf(city);
    }

    @Test
    void allWeightsZeroKeepsTheTableAndSaysWhy() {
        for (String id : List.of("strength", "potential", "innovation", "environment", "finance", "services")) {
            weight(id).setValue(0.0);
        }
        assertThat(message().getText()).isEqualTo("至少一个维度的权重须大于 0");
        assertThat(rows()).hasSize(136);
        weight("potential").clear();
        assertThat(message().getText()).isEqualTo("至少一个维度的权重须大于 0");
    }

    private NumberField weight(String dimension) {
        return _get(NumberField.class, spec -> spec.withId("weight-" + dimension));
    }

    private Span message() {
        return _get(Span.class, spec -> spec.withId("whatif-message"));
    }

    @SuppressWarnings("unchecked")
    private List<WhatIfRow> rows() {
        Grid<WhatIfRow> grid = _get(Grid.class, spec -> spec.withId("whatif-grid"));
        List<WhatIfRow> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }
}
