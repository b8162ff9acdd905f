package cn.liaocheng.strongtown.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.task.ProgressListener;

/**
 * A scoring that reads the registry measures written when the registry entered the lake
 * ({@link RegistryAggregate}) publishes what a scoring that aggregates the raw registry publishes (the same
 * stage file, run at ingest instead of at scoring time); and it does read them. DuckDB only: Spark aggregates
 * the raw registry. Beside the engine parity tests for {@link SnapshotParityTests}.
 */
class IngestedRegistryParityTest implements SnapshotParityTests {

    private static final Path DATA = DataDir.locate();

    @TempDir
    static Path root;
    static Lake lake;
    static String fromRaw;
    static String fromAggregate;
    static String fromAlteredAggregate;

    @BeforeAll
    static void scoreWithAndWithoutTheAggregate() throws IOException, SQLException {
        lake = SnapshotParityTests.demoLake(root.resolve("lake"));
        Path aggregate = RegistryAggregate.current(lake).orElseThrow().resolve("part-0.parquet");
        fromAggregate = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);

        // an older lake: no aggregate, the scoring aggregates the raw registry
        Path aside = root.resolve("aggregate-aside.parquet");
        Files.move(aggregate, aside);
        fromRaw = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);

        // the same aggregate with every firm's revenue doubled, under the registry's fingerprint: read as it is
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            st.execute("COPY (SELECT * REPLACE (CASE WHEN measure = 'private_revenue' THEN value * 2 ELSE value END AS value)"
                    + " FROM read_parquet(" + DuckDb.literal(aside) + ")) TO " + DuckDb.literal(aggregate) + " (FORMAT PARQUET)");
        }
        fromAlteredAggregate = ScoringCli.runDuckDb(DATA, lake, ProgressListener.NONE);
        Files.move(aside, aggregate, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Parity: scored from the raw registry against scored from the aggregate written at ingest. */
    @Override
    public Snapshots snapshots() {
        return new Snapshots(lake, fromRaw, fromAggregate);
    }

    @Test
    void theScoringReadsTheAggregateWhenItMatchesTheRegistry() {
        SnapshotDiff.Result diff = SnapshotDiff.compare(lake, fromAggregate, fromAlteredAggregate, SnapshotDiff.INDICATOR_VALUES);
        assertThat(diff.differingByColumn().get("value")).as("营业收入类指标应来自入湖时的汇总").isPositive();
    }
}
