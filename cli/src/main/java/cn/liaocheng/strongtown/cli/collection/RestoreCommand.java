package cn.liaocheng.strongtown.cli.collection;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;

/** {@code strongtown restore}: makes an older revision's values current again, as a new revision. */
@Command(name = "restore", description = {"把某年度申报数据恢复到旧版本（写成一个新版本）。",
        "Restore a year's declarations to an older revision (written as a new revision)."})
public class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "年度 / year")
    int year;
    @Option(names = "--revision", required = true, paramLabel = "N", description = "要恢复的版本号 / revision to restore")
    int revision;
    @Option(names = "--user", required = true, paramLabel = "NAME", description = "操作人 / restored by")
    String user;
    @Option(names = "--report", paramLabel = "FILE.csv", description = "把报告另存为 CSV / also write the report as CSV")
    Path report;

    @Override
    public Integer call() {
        DeclarationIntake intake = new DeclarationIntake(where.towns(), where.catalogs(), where.lake());
        return IntakeOutput.finish(intake.restore(year, revision, user), report, spec.commandLine().getOut());
    }
}
