package cn.liaocheng.strongtown.dashboard.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.security.Role;

/** The demo rounds agree with the demo lake's designations, and the 2026 round waits for the demo expert. */
class SelectionDemoTest extends DashboardTestContext {

    private final SelectionFixture.Services selection;

    SelectionDemoTest(@Autowired ApplicationContext context) {
        this.selection = SelectionFixture.Services.from(context);
    }

    @Autowired
    SelectionDemo demo;
    @Autowired
    DesignationWriter designations;

    @AfterEach
    void out() {
        SelectionFixture.signOut();
    }

    @Test
    void finishedRoundsDesignateExactlyTheLakesTownsAndThe2026RoundIsUnderReview() {
        awaitLake();
        demo.seed();
        Map<Integer, Set<String>> lake = designations.read().stream().collect(Collectors.groupingBy(
                DesignationWriter.Row::year, Collectors.mapping(DesignationWriter.Row::townCode, Collectors.toSet())));
        assertThat(lake).containsKeys(2023, 2024, 2025);
        SelectionFixture.signIn("demo-check", Role.OFFICE, null);
        List<Round> all = selection.rounds().rounds();
        for (int year : List.of(2023, 2024, 2025)) {
            Round round = all.stream().filter(r -> r.year() == year).findFirst().orElseThrow();
            assertThat(round.demo()).isTrue();
            assertThat(round.stage()).isEqualTo(RoundStage.DESIGNATED);
            List<Application> apps = selection.applications().applications(round.id(), null);
            assertThat(apps.stream().filter(a -> a.state() == ApplicationState.DESIGNATED).map(Application::townCode)
                    .collect(Collectors.toSet())).as("round " + year).isEqualTo(lake.get(year));
            assertThat(apps).anyMatch(a -> a.state() == ApplicationState.NOT_SELECTED);
            assertThat(selection.applications().history(apps.get(0).id())).extracting(HistoryEvent::action).contains("CREATED");
        }
        Round open = all.stream().filter(r -> r.year() == SelectionDemo.OPEN_YEAR).findFirst().orElseThrow();
        assertThat(open.stage()).isEqualTo(RoundStage.EXPERT_REVIEW);
        assertThat(selection.applications().applications(open.id(), null)).extracting(Application::state)
                .contains(ApplicationState.UNDER_REVIEW, ApplicationState.SCORED, ApplicationState.WITHDRAWN);
        SelectionFixture.signIn("reviewer", Role.REVIEWER, null);
        List<ReviewTask> tasks = selection.review().myTasks().stream().filter(t -> t.application().year() == SelectionDemo.OPEN_YEAR)
                .toList();
        assertThat(tasks).isNotEmpty().anyMatch(t -> t.submitted().containsValue(false));
        // seeding again adds nothing
        assertThat(demo.seed()).isFalse();
    }
}
