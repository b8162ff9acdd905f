package cn.liaocheng.strongtown.dashboard.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.lake.DataDir;

/** Publication drill R2 of the dashboard's re-scoring with a handful of kills (the bench runs 50): see {@link RescoringDrill}. */
class RescoringDrillTest {

    @TempDir
    Path work;

    @Test
    void killedDashboardsLeaveACompleteSnapshotServedAtTheNextStartAndLoseNoAcceptedUpload() throws Exception {
        RescoringDrill drill = new RescoringDrill(DataDir.locate(), work, System.out);
        drill.prepare(0.02);
        RescoringDrill.Figures figures = drill.run(4, 7L, 500, 6000);
        System.out.println(figures.describe());
        assertThat(figures.violations()).isEmpty();
        assertThat(figures.nextRunSucceeded()).isTrue();
        assertThat(figures.servedStarts()).as("every start served CURRENT").isEqualTo(5);
        assertThat(figures.accepted()).as("uploads accepted before the kills").isPositive();
    }
}
