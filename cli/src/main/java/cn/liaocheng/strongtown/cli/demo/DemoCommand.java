package cn.liaocheng.strongtown.cli.demo;

import java.util.concurrent.Callable;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.cli.CliFailure;
import cn.liaocheng.strongtown.cli.DataOptions;
import cn.liaocheng.strongtown.cli.ExitCodes;
import cn.liaocheng.strongtown.demo.DemoDataGenerator;
import cn.liaocheng.strongtown.demo.DemoSpec;
import cn.liaocheng.strongtown.demo.DemoSummary;
import cn.liaocheng.strongtown.lake.Lake;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code strongtown demo}: writes the synthetic demo lake (fixed seed) into an empty lake. */
@Command(name = "demo", description = {"生成演示数据湖（合成数据，固定种子；湖中不能已有原始数据）。",
        "Generate the synthetic demo lake (fixed seed) into a lake without raw data."})
public class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions where;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoSpec.DEFAULT_SEED,
            description = "随机种子（默认 ${DEFAULT-VALUE}） / random seed")
    long seed;
    @Option(names = "--scale", paramLabel = "X", defaultValue = "1",
            description = "规模，1 = 全市规模（默认 ${DEFAULT-VALUE}） / size, 1 = city scale")
    double scale;
    @Option(names = "--from", paramLabel = "YEAR", description = "首个年度（默认 2016） / first year")
    Integer from;
    @Option(names = "--to", paramLabel = "YEAR", description = "最后年度（默认 2025） / last year")
    Integer to;

    @Override
    public Integer call() {
        DemoSpec defaults = DemoSpec.cityDefault();
        DemoSpec demo;
        try {
            demo = new DemoSpec(seed, scale, from != null ? from : defaults.firstYear(),
                    to != null ? to : defaults.lastYear());
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage());
        }
        Lake lake = where.lake();
        if (lake.hasRawData()) {
            throw CliFailure.usage("湖 " + lake.root() + " 中已有原始数据，演示数据只写入空湖");
        }
        CatalogRepository catalogs = where.catalogs();
        long start = System.nanoTime();
        DemoSummary summary = new DemoDataGenerator(where.towns(), catalogs.forYear(demo.lastYear()))
                .generate(lake, demo, (f, msg) -> { });
        spec.commandLine().getOut().printf("演示数据已写入 %s：%d 个乡镇，%d 家企业，%d 行企业年度记录，%d 行申报数据，用时 %.1f 秒%n",
                lake.root(), summary.towns(), summary.enterprises(), summary.enterpriseYearRows(),
                summary.declarationRows(), (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
