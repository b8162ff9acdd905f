package cn.liaocheng.strongtown.dashboard.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/** The snapshot and cached results are held in memory, yet a newly published snapshot is what the next query reads. */
class MartReaderTest extends DashboardTestContext {

    @Autowired
    MartReader marts;
    @Autowired
    StrongTownProperties properties;

    /** The profile reads one town at a time: stored in town order, a town's rows are one range DuckDB can skip to. */
    @Test
    void townKeyedMartsAreHeldInTownAndYearOrder() {
        awaitLake();
        record Key(String town, int year) {
        }
        for (String mart : List.of("scores", "indicator_values", "rank_intervals", "similar_towns")) {
            List<Key> stored = marts.query("SELECT town_code, year FROM {" + mart + "}",
                    rs -> new Key(rs.getString(1), rs.getInt(2)));
            assertThat(stored).as(mart).hasSizeGreaterThan(136)
                    .isSortedAccordingTo(Comparator.comparing(Key::town).thenComparing(Key::year));
        }
    }

    @Test
    void theNextQueryReadsANewlyPublishedSnapshot() throws Exception {
        awaitLake();
        Lake lake = new Lake(properties.lake());
        String original = marts.currentSnapshot().orElseThrow();
        List<Integer> years = marts.scoredYears();
        assertThat(years).hasSizeGreaterThan(1);
        assertThat(marts.scoredYears()).as("kept for the snapshot").isSameAs(years);

        // a copy of the snapshot that keeps only the newest year
        String copy = SnapshotPointer.newSnapshotId();
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            for (String mart : ScoringPipeline.MARTS.keySet()) {
                Path folder = Files.createDirectories(lake.snapshot(copy).resolve(mart));
                String source = "read_parquet(" + DuckDb.literal(lake.snapshot(original).resolve(mart) + "/*.parquet") + ")";
                String filter = mart.equals("scores") ? " WHERE year = " + years.get(0) : "";
                st.execute("COPY (SELECT * FROM " + source + filter + ") TO "
                        + DuckDb.literal(folder.resolve("data.parquet")) + " (FORMAT parquet)");
            }
        }
        Files.copy(lake.snapshot(original).resolve(ScoringPipeline.MANIFEST), lake.snapshot(copy).resolve(ScoringPipeline.MANIFEST));
        try {
            SnapshotPointer.publish(lake, copy);
            assertThat(marts.scoredYears()).containsExactly(years.get(0));
        } finally {
            SnapshotPointer.publish(lake, original);
        }
        assertThat(marts.scoredYears()).isEqualTo(years);
    }
}
