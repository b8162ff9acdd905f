package cn.liaocheng.strongtown.cli.collection;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.collection.registry.Pseudonymiser;
import cn.liaocheng.strongtown.collection.registry.RegistryExtractIntake;
import cn.liaocheng.strongtown.task.ProgressListener;

/** {@code strongtown extract}: imports a year's enterprise-registry extract (credit codes pseudonymised). */
@Command(name = "extract", description = {"导入某年度的企业登记库抽取文件（CSV 或 Parquet；信用代码经假名化后入湖）。",
        "Import a year's enterprise-registry extract (CSV or Parquet; credit codes are pseudonymised)."})
public class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;
    @Mixin
    IntakeOptions options;
    @Option(names = "--file", required = true, paramLabel = "FILE", description = "抽取文件 .csv 或 .parquet / extract file")
    Path file;

    @Override
    public Integer call() {
        DataOptions.existingFile(file);
        RegistryExtractIntake intake = new RegistryExtractIntake(where.towns(), where.lake(),
                Pseudonymiser.fromKeyFile(where.state().resolve("secrets").resolve("pseudonym.key")));
        return IntakeOutput.finish(intake.submit(file, file.getFileName().toString(), options.year, options.user,
                ProgressListener.NONE), options.report, spec.commandLine().getOut());
    }
}
