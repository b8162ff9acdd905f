package cn.liaocheng.strongtown.cli.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;

/** {@code strongtown upload}: validates a filled workbook or CSV and, if it has no error, writes a new revision. */
@Command(name = "upload", description = {"校验并导入填好的申报表（.xlsx 或 .csv）；有任何错误则不写入。",
        "Validate and import a filled declaration workbook or CSV; any error writes nothing."})
public class UploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;
    @Mixin
    IntakeOptions options;
    @Option(names = "--file", required = true, paramLabel = "FILE", description = "申报表 .xlsx 或 .csv / workbook or CSV")
    Path file;

    @Override
    public Integer call() {
        byte[] content = read(DataOptions.existingFile(file));
        DeclarationIntake intake = new DeclarationIntake(where.towns(), where.catalogs(), where.lake());
        UploadedFile upload = UploadedFile.of(file.getFileName().toString(), content);
        return IntakeOutput.finish(intake.submit(upload, options.year, options.user), options.report,
                spec.commandLine().getOut());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + file, e);
        }
    }
}
