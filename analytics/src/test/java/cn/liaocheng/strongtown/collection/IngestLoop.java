package cn.liaocheng.strongtown.collection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.scoring.ScoringCli;
import cn.liaocheng.strongtown.task.ProgressListener;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The child process of {@link IngestKillTest}: uploads, re-scores and now and then restores, for
 * ever, printing each revision only after it was accepted — until it is killed.
 * Arguments: data folder, lake folder, a seed that makes this child's values unique.
 */
public final class IngestLoop {

    private IngestLoop() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        Lake lake = new Lake(Path.of(args[1]));
        long seed = Long.parseLong(args[2]);
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        DeclarationIntake intake = new DeclarationIntake(towns, CatalogRepository.load(data.resolve("catalog")), lake);
        Town town = towns.towns().get((int) (seed % 10));
        System.out.println(IngestKillTest.READY);
        System.out.flush();
        for (int i = 0; ; i++) {
            IntakeResult result;
            if (i % 4 == 3) {
                result = intake.restore(IngestKillTest.YEAR, 1, "kill-test");
            } else {
                double gdp = 100_000 + seed * 1000 + i;
                String csv = "乡镇代码,常住人口（万人）,地区生产总值（万元）\n" + town.code() + ",5," + gdp + "\n";
                result = intake.submit(UploadedFile.of("loop.csv", csv.getBytes(StandardCharsets.UTF_8)),
                        IngestKillTest.YEAR, "kill-test");
            }
            if (result.accepted()) {
                System.out.println("ACCEPTED " + result.revision() + " " + result.changes().size());
                System.out.flush();
            }
            String snapshot = ScoringCli.runDuckDb(data, lake, ProgressListener.NONE);
            System.out.println("SNAPSHOT " + snapshot);
            System.out.flush();
        }
    }
}
