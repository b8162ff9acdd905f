package cn.liaocheng.strongtown.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.lake.DataDir;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.TownRegistry;

class DemoDataGeneratorTest {

    private static final Path DATA = DataDir.locate();
    private static final TownRegistry TOWNS = TownRegistry.load(DATA.resolve("reference"));
    private static final DemoSpec SMALL = new DemoSpec(7, 0.02, 2021, 2025);

    private static DemoSummary generate(Path root, DemoSpec spec) {
        return new DemoDataGenerator(TOWNS, CatalogRepository.load(DATA.resolve("catalog")).newest())
                .generate(new Lake(root), spec, ProgressListener.NONE);
    }

    @Test
    void sameSeedGivesTheSameData(@TempDir Path a, @TempDir Path b) throws Exception {
        DemoSummary first = generate(a, SMALL);
        DemoSummary second = generate(b, SMALL);
        assertThat(second).isEqualTo(first);
        String sql = "SELECT round(sum(revenue), 1), count(DISTINCT enterprise_id), sum(CASE WHEN above_scale THEN 1 ELSE 0 END) FROM read_parquet(%s, hive_partitioning=true)";
        assertThat(query(String.format(sql, DuckDb.literal(b + "/raw/enterprises/*/*.parquet"))))
                .isEqualTo(query(String.format(sql, DuckDb.literal(a + "/raw/enterprises/*/*.parquet"))));
    }

    @Test
    void writesEveryTownAndYearInHivePartitions(@TempDir Path root) throws Exception {
        DemoSummary summary = generate(root, SMALL);
        for (int year = 2021; year <= 2025; year++) {
            assertThat(root.resolve("raw/enterprises/year=" + year)).isDirectory();
            assertThat(root.resolve("raw/declarations/year=" + year)).isDirectory();
        }
        assertThat(summary.towns()).isEqualTo(136);
        assertThat(query("SELECT count(DISTINCT town_code) FROM read_parquet("
                + DuckDb.literal(root + "/raw/enterprises/*/*.parquet") + ", hive_partitioning=true)")).isEqualTo("136");
        assertThat(summary.anomalies()).hasSize(DeclarationSimulator.UNIT_SLIPS + DeclarationSimulator.JUMPS
                + DeclarationSimulator.DISAGREEMENTS);
        assertThat(summary.anomalies()).filteredOn(a -> a.contains("disagreement")).allMatch(a -> a.contains("private_loan_balance"));
        assertThat(DemoDataGenerator.isDemo(new Lake(root))).isTrue();
        // the raw data and the registry measures computed from them (as an intake writes them); no staging left
        assertThat(Files.list(root).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("raw", "curated");
        assertThat(RegistryAggregate.current(new Lake(root))).isPresent();
    }

    @Test
    void designatesAboutTenTownsPerCohortWithACountyCap(@TempDir Path root) {
        DemoSummary summary = generate(root, SMALL);
        assertThat(summary.designations()).containsOnlyKeys(2023, 2024, 2025);
        List<String> all = summary.designations().values().stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates();
        for (List<String> cohort : summary.designations().values()) {
            assertThat(cohort).hasSize(DemoTowns.COHORT_SIZE);
            Map<String, Long> perCounty = cohort.stream()
                    .collect(Collectors.groupingBy(c -> TOWNS.byCode(c).countyCode(), Collectors.counting()));
            assertThat(perCounty.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(DemoTowns.MAX_PER_COUNTY));
        }
    }

    @Test
    void refusesToOverwriteExistingRawData(@TempDir Path root) {
        generate(root, SMALL);
        assertThatThrownBy(() -> generate(root, SMALL)).hasMessageContaining("不能覆盖");
    }

    private static String query(String sql) throws Exception {
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(i > 1 ? "|" : "").append(rs.getObject(i));
            }
            return row.toString();
        }
    }
}
