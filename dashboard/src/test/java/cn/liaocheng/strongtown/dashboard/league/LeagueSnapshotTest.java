package cn.liaocheng.strongtown.dashboard.league;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.SnapshotPointer;
import cn.liaocheng.strongtown.scoring.ScoringPipeline;

/** The league's sorted table is cached per snapshot: a newly published snapshot is what the next page shows. */
class LeagueSnapshotTest extends SignedInLeagueTest {

    @Autowired
    StrongTownProperties properties;

    @Test
    void aNewSnapshotReplacesTheCachedSortedTable() throws Exception {
        LeagueQuery query = LeagueQuery.of(year);
        List<LeagueRow> before = league.page(query, 0, 500);
        assertThat(before).hasSize(136).anySatisfy(r -> assertThat(r.countyCode()).isEqualTo(TestUsers.OTHER_COUNTY));
        assertThat(league.page(query, 100, 36)).hasSize(36);

        Lake lake = new Lake(properties.lake());
        String original = marts.currentSnapshot().orElseThrow();
        String copy = copyWithoutCounty(lake, original, TestUsers.OTHER_COUNTY);
        int remaining = (int) before.stream().filter(r -> !r.countyCode().equals(TestUsers.OTHER_COUNTY)).count();
        try {
            SnapshotPointer.publish(lake, copy);
            assertThat(league.count(query)).isEqualTo(remaining);
            assertThat(league.page(query, 0, 500)).hasSize(remaining)
                    .noneSatisfy(r -> assertThat(r.countyCode()).isEqualTo(TestUsers.OTHER_COUNTY));
            assertThat(league.page(query, 100, 36)).hasSize(remaining - 100);
        } finally {
            SnapshotPointer.publish(lake, original);
        }
        assertThat(league.page(query, 0, 500)).extracting(LeagueRow::townCode)
                .containsExactlyElementsOf(before.stream().map(LeagueRow::townCode).toList());
    }

    /** A copy of the snapshot whose scores leave out one county's towns. */
    private static String copyWithoutCounty(Lake lake, String original, String county) throws Exception {
        String copy = SnapshotPointer.newSnapshotId();
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            for (String mart : ScoringPipeline.MARTS.keySet()) {
                Path folder = Files.createDirectories(lake.snapshot(copy).resolve(mart));
                String source = "read_parquet(" + DuckDb.literal(lake.snapshot(original).resolve(mart) + "/*.parquet") + ")";
                String filter = mart.equals("scores") ? " WHERE county_code <> " + DuckDb.literal(county) : "";
                st.execute("COPY (SELECT * FROM " + source + filter + ") TO "
                        + DuckDb.literal(folder.resolve("data.parquet")) + " (FORMAT parquet)");
            }
        }
        Files.copy(lake.snapshot(original).resolve(ScoringPipeline.MANIFEST),
                lake.snapshot(copy).resolve(ScoringPipeline.MANIFEST));
        return copy;
    }
}
