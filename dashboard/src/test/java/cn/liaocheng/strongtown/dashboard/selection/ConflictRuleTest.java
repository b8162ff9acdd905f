package cn.liaocheng.strongtown.dashboard.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The conflict-of-interest rule of expert assignment. */
class ConflictRuleTest {

    private static final String TOWN = "371502001000";
    private static final String COUNTY = "371502";

    @Test
    void anExpertNeverReviewsATownOfTheirOwnCounty() {
        Expert local = new Expert("e1", "专家一", true, COUNTY, List.of());
        assertThat(ReviewService.conflict(local, TOWN, COUNTY)).contains("selection.error.ownCounty");
        assertThat(ReviewService.conflict(local, "371522001000", "371522")).isEmpty();
    }

    @Test
    void anExpertNeverReviewsATownTheyDeclaredAConflictWith() {
        Expert declared = new Expert("e2", "专家二", true, "371522", List.of(TOWN));
        assertThat(ReviewService.conflict(declared, TOWN, COUNTY)).contains("selection.error.declaredConflict");
        assertThat(ReviewService.conflict(declared, "371502002000", COUNTY)).isEmpty();
    }

    @Test
    void anExpertFromOutsideTheCityMayReviewAnyTownButAnUnrecordedOneNone() {
        assertThat(ReviewService.conflict(new Expert("e3", "专家三", true, null, List.of()), TOWN, COUNTY)).isEmpty();
        assertThat(ReviewService.conflict(new Expert("e4", "专家四", false, null, List.of()), TOWN, COUNTY))
                .contains("selection.error.expertUnregistered");
    }
}
