package cn.liaocheng.strongtown.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.engine.InputTable.Column;

/** What an engine kept between scorings must forget: everything registered or materialised, nothing else. */
class DuckDbEngineResetTest {

    private static long count(DuckDbEngine engine, String sql) {
        return ((Number) engine.query(sql).get(0).values().iterator().next()).longValue();
    }

    @Test
    void resetDropsEveryTableAndViewButKeepsTheSettings(@TempDir Path dir) throws Exception {
        try (DuckDbEngine engine = new DuckDbEngine()) {
            engine.limitThreads(1);
            engine.register(new InputTable("designations", List.of(new Column("year", InputTable.Type.INT)), List.of()));
            engine.materialise("stage_table", "SELECT 1 AS x");
            engine.materialise("\"odd name\"", "SELECT 2 AS x");
            Path parquet = Files.createDirectories(dir.resolve("t"));
            engine.materialise("source", "SELECT 2025 AS year");
            engine.writeParquet("source", parquet.toString());
            engine.registerParquet("raw_view", parquet.toString());

            engine.reset();

            assertThat(count(engine, "SELECT count(*) FROM duckdb_tables() WHERE temporary")).isZero();
            assertThat(count(engine, "SELECT count(*) FROM duckdb_views() WHERE temporary AND NOT internal")).isZero();
            assertThat(engine.query("SELECT current_setting('threads') AS t").get(0).get("t").toString()).isEqualTo("1");
            // a name that was an (empty) table before is free for a view now, as designations are once written
            engine.registerParquet("designations", parquet.toString());
            assertThat(count(engine, "SELECT count(*) FROM designations")).isEqualTo(1);
        }
    }
}
