package cn.liaocheng.strongtown.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import cn.liaocheng.strongtown.dashboard.KaribuTestBase;
import cn.liaocheng.strongtown.dashboard.lake.PreparationState;
import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * Re-scoring after an upload must not hide the data from everyone else: found by the soak (R3), where every upload
 * turned the league table, profiles and overview of all readers into a progress bar for ~20 s.
 */
class LakeReadinessTest extends KaribuTestBase {

    @Test
    void viewsKeepShowingTheCurrentSnapshotWhileNewDataAreRescored() {
        signIn(Role.ANALYST);
        preparation.rescoreInBackground();
        try {
            PreparationState during = preparation.state();
            navigate("league");
            assertThat(during.phase()).as("re-scoring was still running when the view opened")
                    .isEqualTo(PreparationState.Phase.PREPARING);
            assertThat(_find(Span.class, spec -> spec.withId("preparation-status"))).isEmpty();
            assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("league-grid")))).isEqualTo(136);
        } finally {
            awaitLake();
        }
    }
}
