package cn.liaocheng.strongtown.dashboard.selection;

import static cn.liaocheng.strongtown.dashboard.selection.ApplicationState.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every allowed and every forbidden move of an application, against the procedure written out here. */
class ApplicationStateTest {

    /** The procedure, written independently of the enum's table. */
    private static final Map<ApplicationState, Set<ApplicationState>> PROCEDURE = Map.ofEntries(
            Map.entry(DRAFT, Set.of(SUBMITTED, WITHDRAWN)),
            Map.entry(SUBMITTED, Set.of(ACCEPTED, RETURNED, DISQUALIFIED)),
            Map.entry(RETURNED, Set.of(SUBMITTED, WITHDRAWN)),
            Map.entry(ACCEPTED, Set.of(UNDER_REVIEW, DISQUALIFIED)),
            Map.entry(UNDER_REVIEW, Set.of(SCORED, DISQUALIFIED)),
            Map.entry(SCORED, Set.of(UNDER_REVIEW, PROPOSED, NOT_SELECTED, DISQUALIFIED)),
            Map.entry(PROPOSED, Set.of(NOT_SELECTED, IN_PUBLIC_NOTICE, DISQUALIFIED)),
            Map.entry(NOT_SELECTED, Set.of(PROPOSED, IN_PUBLIC_NOTICE)),
            Map.entry(IN_PUBLIC_NOTICE, Set.of(DESIGNATED, REMOVED)),
            Map.entry(DESIGNATED, Set.of(REVOKED)),
            Map.entry(REMOVED, Set.of()),
            Map.entry(DISQUALIFIED, Set.of()),
            Map.entry(WITHDRAWN, Set.of()),
            Map.entry(REVOKED, Set.of()));

    @Test
    void everyStateIsInTheProcedure() {
        assertThat(PROCEDURE.keySet()).isEqualTo(EnumSet.allOf(ApplicationState.class));
    }

    @Test
    void everyAllowedMoveIsAllowedAndEveryOtherIsRefused() {
        int allowed = 0;
        int refused = 0;
        for (ApplicationState from : ApplicationState.values()) {
            for (ApplicationState to : ApplicationState.values()) {
                boolean expected = PROCEDURE.get(from).contains(to);
                assertThat(from.mayMoveTo(to)).as(from + " → " + to).isEqualTo(expected);
                if (expected) {
                    from.requireMoveTo(to);
                    allowed++;
                } else {
                    assertThatThrownBy(() -> from.requireMoveTo(to)).as(from + " → " + to)
                            .isInstanceOf(SelectionException.class)
                            .satisfies(e -> assertThat(((SelectionException) e).messageKey())
                                    .isEqualTo("selection.error.transition"));
                    refused++;
                }
            }
        }
        assertThat(allowed).isEqualTo(23);
        assertThat(refused).isEqualTo(14 * 14 - 23);
    }

    @Test
    void noStateMovesToItself() {
        for (ApplicationState s : ApplicationState.values()) {
            assertThat(s.mayMoveTo(s)).as(s.name()).isFalse();
        }
    }

    @Test
    void finalStatesLeadNowhere() {
        Set<ApplicationState> ends = new HashSet<>();
        for (ApplicationState s : ApplicationState.values()) {
            if (s.next().isEmpty()) {
                ends.add(s);
            }
        }
        assertThat(ends).containsExactlyInAnyOrder(REMOVED, DISQUALIFIED, WITHDRAWN, REVOKED);
    }

    @Test
    void onlyDraftsAndReturnedApplicationsAreEditableByTheCounty() {
        for (ApplicationState s : ApplicationState.values()) {
            assertThat(s.editableByCounty()).as(s.name()).isEqualTo(s == DRAFT || s == RETURNED);
        }
    }

    @Test
    void aRoundOnlyAdvancesOneStageAtATime() {
        for (RoundStage from : RoundStage.values()) {
            for (RoundStage to : RoundStage.values()) {
                boolean expected = to.ordinal() == from.ordinal() + 1;
                assertThat(from.mayAdvanceTo(to)).as(from + " → " + to).isEqualTo(expected);
                if (!expected) {
                    assertThatThrownBy(() -> from.requireAdvanceTo(to)).isInstanceOf(SelectionException.class);
                }
            }
        }
    }
}
