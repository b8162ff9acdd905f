package cn.liaocheng.strongtown.engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * How much memory the embedded DuckDB may take and where it spills the rest.
 *
 * <p>Configured by system properties {@value #MEMORY_PROPERTY} (e.g. {@code 4GB}, {@code 512MB}) and
 * {@value #TEMP_PROPERTY} (a folder; each engine spills into a fresh sub-folder of it, removed on close). The
 * default memory is a quarter of the machine's RAM, but never more than what leaves half the RAM free
 * after the JVM's maximum heap, and at least {@value #FLOOR_MB} MB: the process then stays well inside the
 * machine however large the lake, DuckDB spilling to disk instead of growing.
 *
 * @param memoryBytes DuckDB's {@code memory_limit}
 * @param tempDirectory DuckDB's {@code temp_directory}, this engine's alone
 */
public record DuckDbLimits(long memoryBytes, Path tempDirectory) {

    public static final String MEMORY_PROPERTY = "strongtown.duckdb.memory-limit";
    public static final String TEMP_PROPERTY = "strongtown.duckdb.temp-directory";
    static final long FLOOR_MB = 512;
    private static final long MB = 1024L * 1024;

    public DuckDbLimits {
        if (memoryBytes < 64 * MB) {
            throw new IllegalArgumentException("DuckDB 内存上限过小（至少 64MB）：" + memoryBytes + " 字节");
        }
    }

    /** From the system properties, else the defaults. */
    public static DuckDbLimits fromSystem() {
        String memory = System.getProperty(MEMORY_PROPERTY);
        String temp = System.getProperty(TEMP_PROPERTY, System.getProperty("java.io.tmpdir"));
        long bytes = memory == null || memory.isBlank()
                ? defaultMemory(physicalMemory(), Runtime.getRuntime().maxMemory())
                : parseSize(memory);
        return new DuckDbLimits(bytes, Path.of(temp).resolve("strongtown-duckdb-" + UUID.randomUUID()));
    }

    /** A quarter of the RAM, at most half the RAM less the heap, at least {@value #FLOOR_MB} MB. */
    static long defaultMemory(long physical, long maxHeap) {
        return Math.max(FLOOR_MB * MB, Math.min(physical / 4, physical / 2 - maxHeap));
    }

    /** {@code 4GB}, {@code 4 GiB}, {@code 512MB}, {@code 512m} or plain bytes (binary units throughout). */
    static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("IB", "B");
        long unit = 1;
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("K")) {
            unit = 1024;
        } else if (t.endsWith("M")) {
            unit = MB;
        } else if (t.endsWith("G")) {
            unit = 1024 * MB;
        } else if (t.endsWith("T")) {
            unit = 1024 * 1024 * MB;
        }
        String number = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            return Math.round(Double.parseDouble(number) * unit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("无法识别的内存大小 " + MEMORY_PROPERTY + "=" + text
                    + "（示例：4GB、512MB）", e);
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 8L * 1024 * MB;
    }
}
