package cn.liaocheng.strongtown.collection.registry;

import static cn.liaocheng.strongtown.collection.CollectionFixture.TOWNS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.digest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.lake.RegistryAggregate;
import cn.liaocheng.strongtown.task.ProgressListener;

/** The registry measures per town and year, written when an extract enters the lake (lake/RegistryAggregate). */
class RegistryAggregateAtIntakeTest {

    private static final String HEADER = RegistryExtractIntakeTest.HEADER;
    private static final String TOWN = TOWNS.towns().get(0).code();
    private static final String OTHER = TOWNS.towns().get(1).code();

    @TempDir
    Path root;
    @TempDir
    Path inbox;

    private final Pseudonymiser pseudonymiser = new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes());

    private IntakeResult submit(int year, String... rows) throws Exception {
        Path file = inbox.resolve("extract-" + year + "-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + String.join("", rows), StandardCharsets.UTF_8);
        IntakeResult result = new RegistryExtractIntake(TOWNS, new Lake(root), pseudonymiser)
                .submit(file, file.getFileName().toString(), year, "registry", ProgressListener.NONE);
        return result;
    }

    /** A private firm; above the scale threshold or not, with revenue. */
    private static String firm(int n, String town, boolean aboveScale, String revenue) {
        return RegistryExtractIntakeTest.code(n) + "," + town + ",是,2019-03-01,,C,small," + (aboveScale ? 1 : 0)
                + ",,false,,0,1,0,," + revenue + ",30,100,12.5\n";
    }

    /** Every (town, year, measure, value) of a query, in order. */
    private static List<String> rows(String sql, String... setup) throws Exception {
        try (Connection c = DuckDb.inMemory(); Statement st = c.createStatement()) {
            for (String s : setup) {
                st.execute(s);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT town_code, year, measure, value FROM (" + sql
                    + "\n) ORDER BY town_code, year, measure")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getDouble(4));
                }
            }
            return out;
        }
    }

    /** The rule run as the scoring runs it on a lake without the aggregate: over the raw registry. */
    private List<String> ruleOverRaw() throws Exception {
        return rows(RegistryAggregate.rule(), "CREATE VIEW enterprises AS SELECT * FROM read_parquet("
                + DuckDb.literal(root + "/raw/enterprises/**/*.parquet") + ", hive_partitioning = true, union_by_name = true)");
    }

    private List<String> aggregate() throws Exception {
        Path folder = RegistryAggregate.current(new Lake(root)).orElseThrow();
        return rows("SELECT * FROM read_parquet(" + DuckDb.literal(folder.resolve("part-0.parquet")) + ")");
    }

    private List<Path> aggregateFiles() throws Exception {
        Path folder = root.resolve("curated/registry_measures");
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void anAcceptedExtractPublishesTheRegistryMeasuresOfTheWholeRegistry() throws Exception {
        assertThat(submit(2024, firm(1, TOWN, true, "100"), firm(2, TOWN, false, "50"), firm(3, OTHER, true, "7")).accepted()).isTrue();
        assertThat(submit(2025, firm(1, TOWN, true, "110"), firm(2, TOWN, true, "60"), firm(4, OTHER, false, "9")).accepted()).isTrue();

        List<String> aggregate = aggregate();
        assertThat(aggregate).isEqualTo(ruleOverRaw());
        // firm 2 went above the scale in 2025: one upgrade in the first town; 2024 is the first year (none)
        assertThat(aggregate).contains(TOWN + "|2025|upgraded_above_scale|1.0", TOWN + "|2025|private_revenue|170.0",
                OTHER + "|2025|upgraded_above_scale|0.0");
        assertThat(aggregate).noneMatch(r -> r.startsWith(TOWN + "|2024|upgraded_above_scale"));
        assertThat(aggregateFiles()).hasSize(1);
    }

    @Test
    void aReplacedYearReplacesTheAggregateInTheSameStepAndTheOldOneGoes() throws Exception {
        submit(2024, firm(1, TOWN, true, "100"));
        submit(2025, firm(1, TOWN, true, "110"));
        Path before = RegistryAggregate.current(new Lake(root)).orElseThrow();

        assertThat(submit(2024, firm(1, TOWN, false, "80"), firm(5, TOWN, true, "20")).accepted()).isTrue();

        Path after = RegistryAggregate.current(new Lake(root)).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(aggregateFiles()).containsExactly(after.resolve("part-0.parquet"));
        // 2025's upgrade count follows 2024's replacement: firm 1 was not above the scale in 2024 any more
        assertThat(aggregate()).isEqualTo(ruleOverRaw()).contains(TOWN + "|2025|upgraded_above_scale|1.0",
                TOWN + "|2024|private_revenue|100.0");
    }

    @Test
    void aRejectedExtractLeavesTheRegistryAndItsAggregateAlone() throws Exception {
        submit(2025, firm(1, TOWN, true, "110"));
        Map<String, String> before = digest(root);

        assertThat(submit(2025, firm(1, TOWN, true, "not a number")).accepted()).isFalse();

        assertThat(digest(root)).isEqualTo(before);
        assertThat(aggregate()).isEqualTo(ruleOverRaw());
    }

    @Test
    void aRegistryFileChangedBehindTheIntakesBackIsNotCoveredByTheAggregate() throws Exception {
        submit(2025, firm(1, TOWN, true, "110"));
        Lake lake = new Lake(root);
        Path file;
        try (Stream<Path> files = Files.walk(lake.rawEnterprises())) {
            file = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));

        assertThat(RegistryAggregate.current(lake)).isEmpty();

        // written again (e.g. once for a restored or older lake): current, and equal to the rule over the raw rows
        assertThat(RegistryAggregate.refresh(lake)).isPresent();
        assertThat(aggregate()).isEqualTo(ruleOverRaw());
        assertThat(aggregateFiles()).hasSize(1);
    }

    @Test
    void aLakeWithoutRegistryHasNoAggregate() {
        assertThat(RegistryAggregate.current(new Lake(root))).isEmpty();
        assertThat(RegistryAggregate.refresh(new Lake(root))).isEmpty();
    }
}
