package cn.liaocheng.strongtown.bench;

import java.util.List;

/**
 * Timed runs of one contestant of a benchmark.
 *
 * @param seconds wall-clock seconds of each timed run (warm-up runs excluded)
 */
record Timing(String contestant, long inputRows, List<Double> seconds) {

    Timing {
        seconds = List.copyOf(seconds);
        if (seconds.isEmpty()) {
            throw new IllegalArgumentException("没有计时结果：" + contestant);
        }
    }

    double median() {
        List<Double> sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double rowsPerSecond() {
        return inputRows / median();
    }
}
