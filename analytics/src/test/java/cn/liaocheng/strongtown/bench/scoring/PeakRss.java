package cn.liaocheng.strongtown.bench.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's peak resident set (Linux {@code VmHWM}), Java heap and DuckDB's native memory together. */
final class PeakRss {

    private PeakRss() {
    }

    /** Resets the high-water mark to the current RSS ({@code clear_refs} 5), so that each scale has its own peak. */
    static void reset() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            System.err.println("  (peak RSS not reset: " + e.getMessage() + ")");
        }
    }

    /** VmHWM in MB, or −1 where /proc is not there. */
    static long megabytes() {
        return status("VmHWM:");
    }

    /** VmRSS (resident now) in MB, or −1: what a kept DuckDB instance still holds after a scoring. */
    static long currentMegabytes() {
        return status("VmRSS:");
    }

    private static long status(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
