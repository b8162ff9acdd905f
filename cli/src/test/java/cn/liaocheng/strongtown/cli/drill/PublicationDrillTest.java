package cn.liaocheng.strongtown.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.cli.CliRun;

/** Publication drill R2 with a handful of kills (the bench runs 50): see {@link PublicationDrill}. */
class PublicationDrillTest {

    @TempDir
    Path work;

    @Test
    void killedUploadsAndScoringsLeaveACompleteSnapshotAndLoseNoAcceptedUpload() throws Exception {
        PublicationDrill drill = new PublicationDrill(CliRun.DATA, work, System.out);
        drill.prepare(0.02);
        PublicationDrill.Figures figures = drill.run(5, 7L, 300, 5000);
        System.out.println(figures.describe());
        assertThat(figures.violations()).isEmpty();
        assertThat(figures.nextScoreSucceeded()).isTrue();
        assertThat(figures.nextUploadSucceeded()).isTrue();
        assertThat(figures.killedWhileUploading() + figures.killedWhileScoring()).as("kills that hit the work").isGreaterThanOrEqualTo(3);
        assertThat(figures.accepted()).as("uploads accepted before the kills").isPositive();
    }
}
