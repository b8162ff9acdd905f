package cn.liaocheng.strongtown.dashboard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server JVM's heap through {@code jcmd}: used heap right after two full collections
 * ({@code GC.run}), and instance counts from the class histogram.
 */
record ServerHeap(long pid) {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    /**
     * Used heap in bytes after full GC. {@code touch} runs between two collections: in development mode
     * Vaadin's {@code ComponentTracker} keeps every component's creation stack in a {@code WeakHashMap},
     * whose values stay reachable after their component died until the map is used again, so a short
     * request that creates components (a throwaway session) lets the second collection free them.
     */
    long usedAfterFullGc(Runnable touch) {
        jcmd("GC.run");
        touch.run();
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher used = USED.matcher(jcmd("GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("no 'used' figure in GC.heap_info of " + pid);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Bytes of all live objects: the total of the class histogram, which a full collection precedes. */
    long liveBytes() {
        String[] lines = jcmd("GC.class_histogram").strip().split("\n");
        String[] total = lines[lines.length - 1].trim().split("\\s+");
        if (total.length < 3 || !total[0].equals("Total")) {
            throw new IllegalStateException("no total in the class histogram of " + pid);
        }
        return Long.parseLong(total[2]);
    }

    /** Live instances of exactly this class (the histogram is taken after a full GC). */
    long instances(String className) {
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length >= 4 && cols[3].equals(className)) {
                return Long.parseLong(cols[1]);
            }
        }
        return 0;
    }

    private String jcmd(String command) {
        try {
            Process process = new ProcessBuilder(List.of("jcmd", String.valueOf(pid), command))
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
