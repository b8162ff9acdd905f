package cn.liaocheng.strongtown.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Writes a synthetic lake — enterprise registry rows, declared indicators and designated cohorts —
 * for every town of the registry. Deterministic for a given {@link DemoSpec}. The raw folder is
 * built beside the lake and moved into place whole, so an interrupted run leaves no partial data.
 */
public final class DemoDataGenerator {

    /** Marks the demo data, so that every screen can say the figures are synthetic. */
    public static final String MANIFEST = "demo-manifest.json";

    private final TownRegistry towns;
    private final Catalog catalog;

    public DemoDataGenerator(TownRegistry towns, Catalog catalog) {
        this.towns = towns;
        this.catalog = catalog;
    }

    public DemoSummary generate(Lake lake, DemoSpec spec, ProgressListener progress) {
        Path raw = lake.root().resolve("raw");
        if (Files.exists(raw)) {
            throw new IllegalStateException("湖中已有原始数据，不能覆盖：" + raw);
        }
        Path staging = lake.root().resolve(".staging-raw");
        AtomicFiles.deleteTree(staging);
        try {
            Files.createDirectories(staging);
            DemoSummary summary = writeRaw(staging, spec, progress);
            AtomicFiles.moveDirectory(staging, raw);
            // as an intake would: the registry measures per town and year beside the registry (a crash before
            // this line leaves a lake without them, which the scoring aggregates from the raw rows)
            progress.progress(0.95, "汇总企业登记数据");
            RegistryAggregate.refresh(lake);
            progress.progress(1.0, "演示数据已生成");
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("无法生成演示数据", e);
        } catch (SQLException e) {
            throw new IllegalStateException("生成演示数据时 DuckDB 出错：" + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteTree(staging);
        }
    }

    private DemoSummary writeRaw(Path staging, DemoSpec spec, ProgressListener progress)
            throws SQLException, IOException {
        List<TownProfile> profiles = DemoTowns.draw(towns.towns(), spec);
        try (Connection conn = DuckDb.inMemory(); Statement st = conn.createStatement()) {
            st.execute(EnterpriseSimulator.TABLE_DDL);
            st.execute(DeclarationSimulator.TABLE_DDL);
            st.execute("CREATE TABLE designations (year INTEGER, town_code VARCHAR)");
            long enterprises = 0;
            EnterpriseSimulator simulator = new EnterpriseSimulator(spec);
            try (DuckDBAppender out = ((DuckDBConnection) conn).createAppender("enterprises")) {
                for (TownProfile town : profiles) {
                    enterprises += simulator.simulate(town, out);
                    progress.progress(0.7 * (town.index() + 1) / profiles.size(),
                            "生成企业登记数据：" + town.town().countyName() + town.town().name());
                }
            }
            List<DeclarationSimulator.Anomaly> anomalies;
            DeclarationSimulator declarations = new DeclarationSimulator(spec, catalog);
            Map<String, Double> registryTotals = registryTotals(st, declarations.crosscheckedMeasures());
            try (DuckDBAppender out = ((DuckDBConnection) conn).createAppender("declarations")) {
                anomalies = declarations.simulate(profiles, registryTotals, out);
            }
            try (DuckDBAppender out = ((DuckDBConnection) conn).createAppender("designations")) {
                for (TownProfile p : profiles) {
                    if (p.designatedIn() > 0) {
                        out.beginRow().append(p.designatedIn()).append(p.town().code()).endRow();
                    }
                }
            }
            progress.progress(0.8, "写入 Parquet 文件");
            copyPartitioned(st, "enterprises", staging.resolve("enterprises"));
            copyPartitioned(st, "declarations", staging.resolve("declarations"));
            Files.createDirectories(staging.resolve("designations"));
            st.execute("COPY (SELECT * FROM designations ORDER BY year, town_code) TO "
                    + DuckDb.literal(staging.resolve("designations").resolve("designations.parquet"))
                    + " (FORMAT PARQUET, COMPRESSION ZSTD)");
            DemoSummary summary = new DemoSummary(spec, profiles.size(), enterprises, count(st, "enterprises"),
                    count(st, "declarations"), designations(profiles),
                    anomalies.stream().map(a -> a.townCode() + "/" + a.year() + "/" + a.indicatorId() + ": "
                            + a.kind() + " ×" + a.factor()).sorted().toList());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(staging.resolve(MANIFEST).toFile(), summary);
            return summary;
        }
    }

    /** "town/year/measure" → total over the enterprises just simulated. */
    private static Map<String, Double> registryTotals(Statement st, List<String> measures) throws SQLException {
        Map<String, Double> totals = new HashMap<>();
        for (String measure : measures) {
            try (ResultSet rs = st.executeQuery("SELECT town_code, year, " + DeclarationSimulator.REGISTRY_TOTALS.get(measure)
                    + " FROM enterprises GROUP BY town_code, year")) {
                while (rs.next()) {
                    totals.put(rs.getString(1) + "/" + rs.getInt(2) + "/" + measure, rs.getDouble(3));
                }
            }
        }
        return totals;
    }

    private static void copyPartitioned(Statement st, String table, Path dir) throws SQLException {
        st.execute("COPY " + table + " TO " + DuckDb.literal(dir)
                + " (FORMAT PARQUET, PARTITION_BY (year), COMPRESSION ZSTD)");
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<Integer, List<String>> designations(List<TownProfile> profiles) {
        return profiles.stream().filter(p -> p.designatedIn() > 0)
                .collect(Collectors.groupingBy(TownProfile::designatedIn, TreeMap::new,
                        Collectors.mapping(p -> p.town().code(), Collectors.toList())));
    }

    /** True if the lake's raw data came from this generator (synthetic demo data). */
    public static boolean isDemo(Lake lake) {
        return Files.isRegularFile(lake.root().resolve("raw").resolve(MANIFEST));
    }
}
