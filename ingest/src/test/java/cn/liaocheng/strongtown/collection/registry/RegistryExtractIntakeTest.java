package cn.liaocheng.strongtown.collection.registry;

import static cn.liaocheng.strongtown.collection.CollectionFixture.TOWNS;
import static cn.liaocheng.strongtown.collection.CollectionFixture.digest;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.collection.AuditLog;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.IntakeResult;
import cn.liaocheng.strongtown.lake.DuckDb;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.ProgressListener;

class RegistryExtractIntakeTest {

    static final String HEADER = "credit_code,town_code,private,registered_on,deregistered_on,industry,size_class,"
            + "above_scale,srdi_level,gazelle,unicorn,single_champion,high_tech,tech_sme,listed,revenue,rd_spend,loans,energy_tce\n";
    private static final String TOWN = TOWNS.towns().get(0).code();

    @TempDir
    Path root;
    @TempDir
    Path inbox;

    private final Pseudonymiser pseudonymiser = new Pseudonymiser("0123456789abcdef0123456789abcdef".getBytes());

    private RegistryExtractIntake intake() {
        return new RegistryExtractIntake(TOWNS, new Lake(root), pseudonymiser);
    }

    static String code(int n) {
        return CreditCode.complete(String.format("91371500MA%07d", n));
    }

    static String row(int n, String town) {
        return code(n) + "," + town + ",是,2019-03-0" + (1 + n % 9) + ",,C,small,0,,false,,0,1,0,,\"1,200.5\",30,100,12.5\n";
    }

    private Path write(String name, String text) throws Exception {
        Path file = inbox.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void acceptsAValidExtractWithPseudonymisedIdsOnly() throws Exception {
        Path file = write("extract.csv", HEADER + row(1, TOWN) + row(2, TOWN));
        IntakeResult result = intake().submit(file, "extract.csv", 2025, "registry", ProgressListener.NONE);
        assertThat(result.accepted()).as(result.report().toText()).isTrue();
        try (Connection c = DuckDb.inMemory(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*), min(enterprise_id), sum(revenue) FROM read_parquet("
                        + DuckDb.literal(root + "/raw/enterprises/year=2025/*.parquet") + ")")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isIn(pseudonymiser.enterpriseId(code(1)), pseudonymiser.enterpriseId(code(2)));
            assertThat(rs.getDouble(3)).isEqualTo(2401.0);
        }
        for (Path f : digest(root).keySet().stream().map(root::resolve).toList()) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(code(1));
        }
        assertThat(new AuditLog(new Lake(root)).events()).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("extract"));
    }

    @Test
    void aNewExtractReplacesTheYearAndKeepsThePreviousFilesInHistory() throws Exception {
        intake().submit(write("a.csv", HEADER + row(1, TOWN)), "a.csv", 2025, "registry", ProgressListener.NONE);
        IntakeResult second = intake().submit(write("b.csv", HEADER + row(1, TOWN) + row(2, TOWN) + row(3, TOWN)), "b.csv",
                2025, "registry", ProgressListener.NONE);
        assertThat(second.revision()).isEqualTo(2);
        try (var files = Files.list(root.resolve("raw/enterprises/year=2025"))) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("extract-v2-"));
        }
        assertThat(root.resolve("history/enterprises/year=2025/before-v2")).isDirectory();
        IntakeResult again = intake().submit(inbox.resolve("b.csv"), "b.csv", 2025, "registry", ProgressListener.NONE);
        assertThat(again.outcome()).isEqualTo(IntakeResult.Outcome.UNCHANGED);
    }

    @Test
    void rejectsBadRowsWithRowColumnAndReasonAndWritesNothing() throws Exception {
        String badCode = code(5).substring(0, 17) + (code(5).endsWith("0") ? "1" : "0");
        String text = HEADER + row(1, TOWN) + row(1, TOWN) + row(2, "371599999000")
                + row(3, TOWN).replace("C,small", "Z,small") + badCode + row(4, TOWN).substring(18)
                + row(6, TOWN).replace("2019-03-0", "2019-13-0");
        Map<String, String> before = digest(root);
        IntakeResult result = intake().submit(write("bad.csv", text), "bad.csv", 2025, "registry", ProgressListener.NONE);
        assertThat(result.outcome()).isEqualTo(IntakeResult.Outcome.REJECTED);
        assertThat(result.report().errors()).extracting(Finding::toLine)
                .anySatisfy(l -> assertThat(l).contains("出现多次，行号 [2, 3]"))
                .anySatisfy(l -> assertThat(l).contains("第4行").contains("未知的乡镇代码"))
                .anySatisfy(l -> assertThat(l).contains("第5行 industry列 “Z”"))
                .anySatisfy(l -> assertThat(l).contains("第6行").contains("校验位错误").doesNotContain(badCode))
                .anySatisfy(l -> assertThat(l).contains("第7行 registered_on列").contains("日期格式"));
        assertThat(digest(root)).isEqualTo(before);
    }

    @Test
    void readsParquetExtractsAndRejectsMissingColumns() throws Exception {
        Path csv = write("e.csv", HEADER + row(1, TOWN));
        Path parquet = inbox.resolve("e.parquet");
        try (Connection c = DuckDb.inMemory()) {
            c.createStatement().execute("COPY (SELECT * FROM read_csv(" + DuckDb.literal(csv) + ", all_varchar = true)) TO "
                    + DuckDb.literal(parquet) + " (FORMAT PARQUET)");
        }
        assertThat(intake().submit(parquet, "e.parquet", 2025, "registry", ProgressListener.NONE).accepted()).isTrue();
        IntakeResult missing = intake().submit(write("m.csv", "credit_code,private\n" + code(1) + ",1\n"), "m.csv", 2025,
                "registry", ProgressListener.NONE);
        assertThat(missing.report().errors()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("缺少必需的列：registered_on"));
    }

    @Test
    void checksTheCreditCodeCheckCharacter() {
        assertThat(CreditCode.problem("91350100M000100Y43")).isNull();
        assertThat(CreditCode.problem("91350100M000100Y44")).contains("校验位");
        assertThat(CreditCode.problem("9135010")).contains("18 位");
        assertThat(CreditCode.problem("91350100M000100YI3")).contains("非法字符");
    }
}
