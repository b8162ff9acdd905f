package cn.liaocheng.strongtown.dashboard.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSetMetaData;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;

/**
 * The snapshot held in memory is bounded ({@code strongtown.snapshot-memory-limit-mb}): a snapshot over the limit is
 * not loaded but queried from its Parquet files, with the same answers.
 */
class SnapshotMemoryBoundTest extends DashboardTestContext {

    private static final String EVERY_SCORE = "SELECT * FROM {scores} ORDER BY ALL";

    @Autowired
    StrongTownProperties properties;

    @Test
    void aSnapshotOverTheLimitIsQueriedFromItsParquetFilesWithTheSameAnswers() throws Exception {
        awaitLake();
        MartReader inMemory = new MartReader(properties, MartReader.DEFAULT_MEMORY_LIMIT_MB);
        MartReader overLimit = new MartReader(properties, 0);
        try {
            List<String> held = inMemory.query(EVERY_SCORE, SnapshotMemoryBoundTest::row);
            List<String> fromParquet = overLimit.query(EVERY_SCORE, SnapshotMemoryBoundTest::row);
            assertThat(held).isNotEmpty();
            assertThat(fromParquet).isEqualTo(held);
            assertThat(overLimit.cachedQuery("SELECT count(*) FROM {scores}", rs -> rs.getLong(1)))
                    .containsExactly((long) held.size());
        } finally {
            inMemory.closeSnapshots();
            overLimit.closeSnapshots();
        }
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.append(rs.getObject(i)).append('|');
        }
        return row.toString();
    }
}
