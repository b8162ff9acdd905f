package cn.liaocheng.strongtown.collection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Freshness benchmark (docs/benchmarks.md): on a city-scale lake, the time from an accepted upload to
 * the new published snapshot, in one warm JVM as in the dashboard. Arguments: data folder, lake
 * folder (e.g. made with {@code DemoDataCli --scale 1}), number of rounds.
 */
public final class FreshnessBench {

    private FreshnessBench() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Lake lake = new Lake(Path.of(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        DeclarationIntake intake = new DeclarationIntake(towns, CatalogRepository.load(data.resolve("catalog")), lake);
        Town town = towns.towns().get(0);
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            String csv = "乡镇代码,乡镇名称,常住人口（万人）,地区生产总值（万元）\n" + town.code() + "," + town.name() + ",5,"
                    + (400_000 + 1000 * i + (System.nanoTime() % 997)) + "\n";
            IntakeResult result = intake.submit(UploadedFile.of("bench.csv", csv.getBytes(StandardCharsets.UTF_8)), 2025, "bench");
            if (!result.accepted()) {
                throw new IllegalStateException(result.report().toText());
            }
            long start = System.nanoTime();
            Map<String, Long> stages = new LinkedHashMap<>();
            long[] last = {start};
            String snapshot = ScoringCli.runDuckDb(data, lake, (f, msg) -> {
                long now = System.nanoTime();
                stages.put(msg, (now - last[0]) / 1_000_000);
                last[0] = now;
            });
            millis[i] = (System.nanoTime() - start) / 1e6;
            System.out.printf("round %d: accepted revision %d → snapshot %s in %.0f ms %s%n", i + 1, result.revision(),
                    snapshot, millis[i], stages);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("upload accepted → new snapshot: median %.0f ms, best %.0f ms, worst %.0f ms (%d rounds)%n",
                sorted[rounds / 2], sorted[0], sorted[rounds - 1], rounds);
    }
}
