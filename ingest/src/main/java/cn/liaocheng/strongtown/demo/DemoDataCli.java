package cn.liaocheng.strongtown.demo;

import java.nio.file.Path;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.task.CommandLineOptions;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * {@code java -cp … cn.liaocheng.strongtown.demo.DemoDataCli --lake data/lake [--seed N] [--scale X]
 * [--from 2016] [--to 2025] [--data data]}: writes the synthetic demo lake.
 */
public final class DemoDataCli {

    private DemoDataCli() {
    }

    public static void main(String[] args) {
        Map<String, String> opts = CommandLineOptions.parse(args, 0);
        Path data = Path.of(opts.getOrDefault("data", "data"));
        DemoSpec defaults = DemoSpec.cityDefault();
        DemoSpec spec = new DemoSpec(
                Long.parseLong(opts.getOrDefault("seed", String.valueOf(defaults.seed()))),
                Double.parseDouble(opts.getOrDefault("scale", "1")),
                Integer.parseInt(opts.getOrDefault("from", String.valueOf(defaults.firstYear()))),
                Integer.parseInt(opts.getOrDefault("to", String.valueOf(defaults.lastYear()))));
        Lake lake = new Lake(Path.of(opts.getOrDefault("lake", data.resolve("lake").toString())));
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        CatalogRepository catalogs = CatalogRepository.load(data.resolve("catalog"));
        long start = System.nanoTime();
        DemoSummary summary = new DemoDataGenerator(towns, catalogs.forYear(spec.lastYear()))
                .generate(lake, spec, (f, msg) -> { });
        System.out.printf("演示数据已写入 %s：%d 个乡镇，%d 家企业，%d 行企业年度记录，%d 行申报数据，用时 %.1f 秒%n",
                lake.root(), summary.towns(), summary.enterprises(), summary.enterpriseYearRows(),
                summary.declarationRows(), (System.nanoTime() - start) / 1e9);
    }
}
