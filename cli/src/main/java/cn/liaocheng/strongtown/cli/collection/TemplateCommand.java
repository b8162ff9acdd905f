package cn.liaocheng.strongtown.cli.collection;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.collection.declaration.TemplateWriter;
import cn.liaocheng.strongtown.lake.AtomicFiles;
import cn.liaocheng.strongtown.town.TownRegistry;

/** {@code strongtown template}: the declaration workbook of a year (whole city or one county). */
@Command(name = "template", description = {"生成某年度的申报模板（全市或某县区）。",
        "Write the declaration template workbook of a year (whole city or one county)."})
public class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "年度 / year")
    int year;
    @Option(names = "--county", paramLabel = "CODE", description = "县区代码，如 371525；缺省为全市 / county code; whole city if absent")
    String county;
    @Option(names = "--out", required = true, paramLabel = "FILE.xlsx", description = "输出文件 / output file")
    Path out;

    @Override
    public Integer call() {
        TownRegistry towns = where.towns();
        CatalogRepository catalogs = where.catalogs();
        if (county != null && towns.counties().stream().noneMatch(c -> c.code().equals(county))) {
            throw CliFailure.usage("未知的县（市、区）代码“" + county + "”");
        }
        if (catalogs.versions().stream().noneMatch(c -> c.appliesFromYear() <= year)) {
            throw CliFailure.usage(year + " 年没有适用的指标体系");
        }
        byte[] workbook = new TemplateWriter(towns, catalogs).write(year, county);
        AtomicFiles.write(out.toAbsolutePath(), workbook);
        spec.commandLine().getOut().println("已生成 " + year + " 年度申报模板：" + out);
        return ExitCodes.OK;
    }
}
