package cn.liaocheng.strongtown.cli.collection;

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
    @Mixin
    IntakeOptions options;
    @Option(names = "--revision", required = true, paramLabel = "N", description = "要恢复的版本号 / revision to restore")
    int revision;

    @Override
    public Integer call() {
        DeclarationIntake intake = new DeclarationIntake(where.towns(), where.catalogs(), where.lake());
        return IntakeOutput.finish(intake.restore(options.year, revision, options.user), options.report,
                spec.commandLine().getOut());
    }
}
