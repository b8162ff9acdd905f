package cn.liaocheng.strongtown.drill;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.liaocheng.strongtown.lake.Lake;

/**
 * What every publication drill (R2) has: the data folder, a work folder holding the drilled lake ({@code lake}), the
 * children's state and their error output, the after-kill checks and a log for one line a kill.
 */
public abstract class PublicationDrillBase {

    /** A bench run's arguments: [kills=50] [demo scale=0.05] [min-ms=300] [max-ms=8000] [work folder=a new temporary one]. */
    public record BenchArguments(int kills, double scale, int minMs, int maxMs, Path work) {

        public static BenchArguments of(String[] args, String temporaryPrefix) throws IOException {
            return new BenchArguments(args.length > 0 ? Integer.parseInt(args[0]) : 50,
                    args.length > 1 ? Double.parseDouble(args[1]) : 0.05,
                    args.length > 2 ? Integer.parseInt(args[2]) : 300,
                    args.length > 3 ? Integer.parseInt(args[3]) : 8000,
                    args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory(temporaryPrefix));
        }
    }

    protected final Path data;
    protected final Path work;
    protected final Lake lake;
    protected final PrintStream log;
    protected final LakeAfterKill afterKill;
    private final int lastYear;

    protected PublicationDrillBase(Path data, Path work, PrintStream log, int lastYear) {
        this.data = data;
        this.work = work;
        this.lake = new Lake(work.resolve("lake"));
        this.log = log;
        this.afterKill = new LakeAfterKill(lake, data);
        this.lastYear = lastYear;
    }

    /** A small scored demo lake (from 2023 to the drill's year) to drill on. */
    public void prepare(double scale) {
        afterKill.prepare(scale, lastYear);
    }

    /** Where the children's error output goes (appended, one file for the whole drill). */
    protected ProcessBuilder.Redirect childrenLog() {
        return ProcessBuilder.Redirect.appendTo(work.resolve("children.log").toFile());
    }
}
