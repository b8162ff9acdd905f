package cn.liaocheng.strongtown.dashboard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import cn.liaocheng.strongtown.dashboard.DashboardTestContext;
import cn.liaocheng.strongtown.dashboard.StrongTownProperties;
import cn.liaocheng.strongtown.dashboard.TestUsers;
import cn.liaocheng.strongtown.dashboard.security.Role;

/**
 * {@code report town|annual} from the command line: the files it writes, and Chinese messages without
 * stack traces on bad input. It reads the test lake, with its own workflow database (the test
 * context holds the shared one, and DuckDB allows one writer).
 */
class ReportCliTest extends DashboardTestContext {

    @Autowired
    StrongTownProperties properties;
    @Autowired
    ReportService reports;
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private int year;
    private ReportTown town;

    @BeforeEach
    void lakeReady() {
        awaitLake();
        TestUsers.signIn(Role.OFFICE);
        year = reports.years().get(0);
        town = reports.towns(year).get(0);
        TestUsers.signOut();
    }

    private int run(String... args) {
        return ReportCli.run(args, Map.of("strongtown.lake-dir", properties.lake().toString(),
                        "strongtown.workflow-db", dir.resolve("cli-workflow.duckdb").toString()),
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void writesTheTownReportAndTheAnnualReport() throws Exception {
        Path townFile = dir.resolve("town.docx");
        assertThat(run("report", "town", "--town", town.name(), "--county", town.countyName(), "--year",
                String.valueOf(year), "--out", townFile.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("已生成");
        ReportDocx docx = ReportDocx.read(Files.readAllBytes(townFile));
        assertThat(docx.paragraphs().get(0)).startsWith(town.name());
        assertThat(docx.charts()).hasSizeGreaterThanOrEqualTo(2);

        Path annualFile = dir.resolve("annual.docx");
        assertThat(run("report", "annual", "--year", String.valueOf(year), "--out", annualFile.toString()))
                .as(err.toString()).isZero();
        assertThat(ReportDocx.read(Files.readAllBytes(annualFile)).paragraphs().get(0)).contains(year + "年度");
    }

    @Test
    void badArgumentsGetChineseMessagesAndNoStackTrace() {
        assertThat(run("report", "town", "--year", "二〇二五", "--town", "x", "--out", "a.docx")).isEqualTo(2);
        assertThat(run("report", "town", "--year", "2025")).isEqualTo(2);
        assertThat(err.toString()).contains("缺少必需的参数", "--town");
        assertThat(run("report", "town", "--town", town.code(), "--year", "2025", "--out", dir.resolve("a.txt").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("输出文件须以 .docx 或 .pdf 结尾");
        assertThat(run("report", "frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("无法识别的参数");
        assertThat(err.toString()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnknownTownOrYearIsExplained() {
        assertThat(run("report", "town", "--town", "没有这个镇", "--year", String.valueOf(year), "--out",
                dir.resolve("x.docx").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("未知的乡镇");
        assertThat(run("report", "annual", "--year", "1990", "--out", dir.resolve("y.docx").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("没有 1990 年的评分").doesNotContain("Exception");
        assertThat(dir.resolve("x.docx")).doesNotExist();
        assertThat(dir.resolve("y.docx")).doesNotExist();
    }
}
