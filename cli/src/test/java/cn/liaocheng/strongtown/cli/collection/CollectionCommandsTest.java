package cn.liaocheng.strongtown.cli.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.cli.CliRun;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.collection.declaration.DeclaredItem;
import cn.liaocheng.strongtown.town.TownRegistry;

class CollectionCommandsTest {

    private static final int YEAR = 2025;
    private static final String TOWN = TownRegistry.load(CliRun.DATA.resolve("reference")).towns().get(0).code();

    @TempDir
    static Path root;
    static Path lake;
    static Path state;

    @BeforeAll
    static void demoLake() {
        lake = root.resolve("lake");
        state = root.resolve("state");
        assertThat(CliRun.onData(lake, state, "demo", "--scale", "0.02", "--from", "2024", "--to", "2025").exitCode())
                .isZero();
    }

    /** A declaration CSV for one town with every declared item of the year; {@code value} overrides all values. */
    private static Path declarations(String name, String value) throws Exception {
        return declarations(name, value, 1.0);
    }

    private static Path declarations(String name, String value, double factor) throws Exception {
        List<DeclaredItem> items = DeclaredItem.of(CatalogRepository.load(CliRun.DATA.resolve("catalog")).forYear(YEAR));
        String header = "乡镇代码," + items.stream().map(DeclaredItem::id).collect(Collectors.joining(","));
        String row = TOWN + "," + items.stream().map(i -> value != null ? value
                : String.valueOf(Math.round((i.min() + (i.max() - i.min()) / 500.0) * factor * 100) / 100.0))
                .collect(Collectors.joining(","));
        Path file = root.resolve(name);
        Files.writeString(file, header + "\n" + row + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void writesTheTemplateOfAYear() {
        Path out = root.resolve("模板.xlsx");
        CliRun run = CliRun.onData(lake, state, "template", "--year", "2025", "--county", "371502", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("已生成 2025 年度申报模板");
        assertThat(out).isRegularFile();
        assertThat(out.toFile().length()).isGreaterThan(1000);
    }

    @Test
    void refusesAnUnknownCounty() {
        CliRun run = CliRun.onData(lake, state, "template", "--year", "2025", "--county", "999999", "--out",
                root.resolve("x.xlsx").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
        assertThat(run.err()).contains("未知的县（市、区）代码“999999”");
    }

    @Test
    void uploadAcceptsGoodDataListsItAsARevisionAndRestoresTheOlderOne() throws Exception {
        Path report = root.resolve("报告.csv");
        CliRun upload = CliRun.onData(lake, state, "upload", "--year", "2025", "--file",
                declarations("good.csv", null).toString(), "--user", "张三", "--report", report.toString());
        assertThat(upload.exitCode()).as(upload.out() + upload.err()).isEqualTo(ExitCodes.OK);
        assertThat(upload.out()).contains("strongtown score");
        assertThat(report).isRegularFile();
        CliRun second = CliRun.onData(lake, state, "upload", "--year", "2025", "--file",
                declarations("changed.csv", null, 1.1).toString(), "--user", "张三");
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(ExitCodes.OK);

        CliRun revisions = CliRun.onData(lake, state, "revisions", "--year", "2025");
        assertThat(revisions.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(revisions.out()).contains("张三");
        int newest = revisions.out().lines().mapToInt(l -> Integer.parseInt(l.replaceAll("^第 (\\d+) 版.*", "$1")))
                .max().orElseThrow();
        assertThat(newest).as(revisions.out()).isGreaterThan(2);

        CliRun restore = CliRun.onData(lake, state, "restore", "--year", "2025", "--revision", String.valueOf(newest - 1),
                "--user", "李四");
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isEqualTo(ExitCodes.OK);
        assertThat(CliRun.onData(lake, state, "revisions", "--year", "2025").out()).contains("李四");
    }

    @Test
    void uploadRejectsBadDataWithExitCodeTwoAndWritesNothing() throws Exception {
        String before = CliRun.onData(lake, state, "revisions", "--year", "2025").out();
        CliRun upload = CliRun.onData(lake, state, "upload", "--year", "2025", "--file",
                declarations("bad.csv", "很多").toString(), "--user", "张三");
        assertThat(upload.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(upload.out()).contains("很多");
        assertThat(CliRun.onData(lake, state, "revisions", "--year", "2025").out()).isEqualTo(before);
    }

    @Test
    void uploadAndExtractRefuseAMissingFile() {
        for (String command : new String[] {"upload", "extract"}) {
            CliRun run = CliRun.onData(lake, state, command, "--year", "2025", "--file", "no-such-file.csv", "--user", "张三");
            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(run.oneChineseErrorLine()).as(run.err()).isTrue();
            assertThat(run.err()).contains("文件不存在：no-such-file.csv");
        }
    }

    @Test
    void restoreOfARevisionThatDoesNotExistIsRejected() {
        CliRun run = CliRun.onData(lake, state, "restore", "--year", "2025", "--revision", "999", "--user", "李四");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.out()).contains("没有第 999 版");
    }

    @Test
    void extractImportsARegistryFileAndRejectsABadCreditCode() throws Exception {
        Path good = root.resolve("registry-2025.csv");
        Files.writeString(good, "credit_code,town_code,private,registered_on\n91350100M000100Y43," + TOWN + ",1,2020-01-01\n");
        CliRun run = CliRun.onData(lake, state, "extract", "--year", "2025", "--file", good.toString(), "--user", "市场监管局");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(state.resolve("secrets").resolve("pseudonym.key")).isRegularFile();

        Path bad = root.resolve("registry-bad.csv");
        Files.writeString(bad, "credit_code,town_code,private,registered_on\n91350100M000100Y44," + TOWN + ",1,2020-01-01\n");
        CliRun rejected = CliRun.onData(lake, state, "extract", "--year", "2025", "--file", bad.toString(), "--user", "市场监管局");
        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(rejected.out()).contains("校验位");
    }
}
