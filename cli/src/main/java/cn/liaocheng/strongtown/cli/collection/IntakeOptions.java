package cn.liaocheng.strongtown.cli.collection;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options every collection command has: the year, who acts (kept in the revision and the audit trail), the report. */
class IntakeOptions {

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "年度 / year")
    int year;
    @Option(names = "--user", required = true, paramLabel = "NAME",
            description = "操作人或部门（记入修订与审计） / done by (kept in the revision and the audit trail)")
    String user;
    @Option(names = "--report", paramLabel = "FILE.csv", description = "把报告另存为 CSV / also write the report as CSV")
    Path report;
}
