package cn.liaocheng.strongtown.cli.drill;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine;

import cn.liaocheng.strongtown.catalog.CatalogRepository;
import cn.liaocheng.strongtown.cli.StrongtownCli;
import cn.liaocheng.strongtown.collection.declaration.DeclarationIntake;
import cn.liaocheng.strongtown.collection.declaration.RevisionInfo;
import cn.liaocheng.strongtown.lake.Lake;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The child process of {@link PublicationDrill}: the command-line path for ever — {@code strongtown upload} of a
 * CSV with a new value, then {@code strongtown score} — through the tool's own command line (picocli, the same
 * commands {@code strongtown.jar} runs; one JVM for many commands, so that the kills hit the work rather than the
 * JVM's start). Prints {@code READY}, then {@code UPLOAD} / {@code ACCEPTED <revision>} / {@code SCORE} /
 * {@code PUBLISHED} as it goes, each line only after the step it names has finished.
 * Arguments: data folder, lake folder, state folder, scratch folder, a seed that makes this child's values unique.
 */
public final class PublicationLoop {

    static final int YEAR = 2025;

    private PublicationLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Lake lake = new Lake(Path.of(args[1]));
        String state = args[2];
        Path scratch = Path.of(args[3]);
        long seed = Long.parseLong(args[4]);
        TownRegistry towns = TownRegistry.load(data.resolve("reference"));
        DeclarationIntake revisions = new DeclarationIntake(towns, CatalogRepository.load(data.resolve("catalog")), lake);
        String town = towns.towns().get((int) (seed % 20)).code();
        Files.createDirectories(scratch);
        say("READY");
        for (int i = 0; ; i++) {
            Path csv = scratch.resolve("drill-" + seed + "-" + i + ".csv");
            Files.writeString(csv, "乡镇代码,常住人口（万人）,地区生产总值（万元）\n" + town + ",5,"
                    + (200_000 + seed * 1000 + i) + "\n", StandardCharsets.UTF_8);
            say("UPLOAD");
            int upload = run("upload", "--year", String.valueOf(YEAR), "--file", csv.toString(), "--user", "drill",
                    "--data", data.toString(), "--lake", lake.root().toString(), "--state", state);
            if (upload == 0) {
                List<RevisionInfo> all = revisions.revisions(YEAR);
                say("ACCEPTED " + all.get(all.size() - 1).revision());
            }
            say("SCORE");
            if (run("score", "--data", data.toString(), "--lake", lake.root().toString(), "--state", state) == 0) {
                say("PUBLISHED");
            }
        }
    }

    private static int run(String... args) {
        CommandLine commandLine = StrongtownCli.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(System.err, true));
        return commandLine.execute(args);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
