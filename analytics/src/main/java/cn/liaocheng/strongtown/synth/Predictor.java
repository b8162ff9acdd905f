package cn.liaocheng.strongtown.synth;

import java.util.List;

/**
 * One row of the predictor matrix: a variable aggregated over its own window of times (the mean of the
 * values present, as the Synth package does with {@code na.rm = TRUE}).
 */
public record Predictor(String variable, List<Integer> times, Aggregation aggregation) {

    public enum Aggregation { MEAN, MEDIAN, LAST }

    public Predictor {
        times = List.copyOf(times);
    }

    /** A readable label such as {@code gdpcap (1960–1969 mean)}. */
    public String label() {
        String window = times.size() == 1 ? String.valueOf(times.get(0))
                : isRange() ? times.get(0) + "–" + times.get(times.size() - 1) : times.toString();
        return variable + " (" + window + " " + aggregation.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }

    private boolean isRange() {
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) != times.get(i - 1) + 1) {
                return false;
            }
        }
        return true;
    }

    /** The predictor's value for one unit; NaN when no value in the window is present. */
    double value(Panel panel, String unit) {
        double[] present = times.stream().mapToDouble(t -> panel.value(unit, variable, t)).filter(v -> !Double.isNaN(v))
                .toArray();
        if (present.length == 0) {
            return Double.NaN;
        }
        return switch (aggregation) {
            case MEAN -> java.util.Arrays.stream(present).average().orElse(Double.NaN);
            case MEDIAN -> {
                double[] sorted = present.clone();
                java.util.Arrays.sort(sorted);
                int n = sorted.length;
                yield n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            }
            case LAST -> present[present.length - 1];
        };
    }

    /** The same predictor with its window moved by {@code offset} (in-time placebo). */
    Predictor shifted(int offset) {
        return new Predictor(variable, times.stream().map(t -> t + offset).toList(), aggregation);
    }
}
