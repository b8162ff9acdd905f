package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.DuckDbScorer;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.task.ProgressListener;

/**
 * A re-scoring on the DuckDB instance the dashboard keeps ({@link DuckDbScorer}) publishes what a new instance
 * publishes, after the lake changed under it the way uploads change it: a registry file replaced in place (same
 * name, new content) and designations appearing where there were none (the first scoring registered an empty
 * table under the name the second registers a Parquet view). Compared with {@link SnapshotParityTests}, which is why
 * this DuckDB-only test lives beside the engine parity tests.
 */
class KeptDuckDbParityTest implements SnapshotParityTests {

    private static final Path DATA = DataDir.locate();

    @TempDir
    static Path root;
    static Lake lake;
    static DuckDbScorer kept;
    static String before;
    static String keptSnapshot;
    static String newSnapshot;

    @BeforeAll
    static void scoreChangeAndRescore() throws IOException, SQLException {
        lake = SnapshotParityTests.demoLake(root.resolve("lake"));
        Path designations = lake.root().resolve("raw/designations");
        Path aside = root.resolve("designations-aside");
        Files.move(designations, aside);
        kept = new DuckDbScorer();
        before = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE, 0, kept);

        Files.move(aside, designations);
        tripleRevenueOf2025();
        keptSnapshot = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE, 1, kept);
        newSnapshot = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);
    }

    /** Rewrites 2025's registry file under its own name with every firm's revenue tripled, as a new extract would. */
    private static void tripleRevenueOf2025() throws IOException, SQLException {
        Path file;
        try (Stream<Path> files = Files.list(lake.root().resolve("raw/enterprises/year=2025"))) {
            file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Path rewritten = file.resolveSibling("rewritten.tmp");
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            st.execute("COPY (SELECT * REPLACE (revenue * 3 AS revenue) FROM read_parquet(" + DuckDb.literal(file)
                    + ", hive_partitioning = false)) TO " + DuckDb.literal(rewritten) + " (FORMAT PARQUET)");
        }
        Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @AfterAll
    static void close() {
        kept.close();
    }

    /** Parity: the re-scoring on the kept instance against a scoring on a new one, of the same changed lake. */
    @Override
    public Snapshots snapshots() {
        return new Snapshots(lake, newSnapshot, keptSnapshot);
    }

    @Test
    void theReplacedRegistryFileIsReadAnew() {
        SnapshotDiff.Result diff = SnapshotDiff.compare(lake, before, keptSnapshot, SnapshotDiff.INDICATOR_VALUES);
        assertThat(diff.differingByColumn().get("value")).as("2025 的营业收入类指标应随新文件改变").isPositive();
    }

    @Test
    void designationsAppearingAfterAnEmptyTableAreRead() {
        SnapshotDiff.Result diff = SnapshotDiff.compare(lake, before, keptSnapshot, SnapshotDiff.OTHER_MARTS.stream()
                .filter(m -> m.mart().equals("county_scores")).findFirst().orElseThrow());
        assertThat(diff.differingByColumn().get("designated_towns")).isPositive();
    }
}
