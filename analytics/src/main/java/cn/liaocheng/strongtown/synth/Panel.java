package cn.liaocheng.strongtown.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A long-format panel held in memory: per unit and variable one value per time (NaN where missing).
 * Times are integers (years, or any integer period); units keep the order in which they first appear.
 */
public final class Panel {

    private final List<String> units;
    private final int[] times;
    private final Map<Integer, Integer> timeIndex = new LinkedHashMap<>();
    private final Map<String, Map<String, double[]>> values;

    private Panel(List<String> units, int[] times, Map<String, Map<String, double[]>> values) {
        this.units = List.copyOf(units);
        this.times = times;
        for (int i = 0; i < times.length; i++) {
            timeIndex.put(times[i], i);
        }
        this.values = values;
    }

    public List<String> units() {
        return units;
    }

    /** Sorted ascending. */
    public int[] times() {
        return times.clone();
    }

    public boolean hasUnit(String unit) {
        return values.containsKey(unit);
    }

    public boolean hasTime(int time) {
        return timeIndex.containsKey(time);
    }

    public boolean hasVariable(String variable) {
        return values.values().stream().anyMatch(v -> v.containsKey(variable));
    }

    /** The value, or NaN when the unit, variable or time is absent. */
    public double value(String unit, String variable, int time) {
        Integer t = timeIndex.get(time);
        Map<String, double[]> byVariable = values.get(unit);
        if (t == null || byVariable == null) {
            return Double.NaN;
        }
        double[] series = byVariable.get(variable);
        return series == null ? Double.NaN : series[t];
    }

    /** Collects rows (unit, time, variable → value); later rows overwrite earlier ones. */
    public static final class Builder {
        private final List<String> order = new ArrayList<>();
        private final Map<String, Map<Integer, Map<String, Double>>> rows = new LinkedHashMap<>();
        private final Set<Integer> allTimes = new TreeSet<>();

        public Builder put(String unit, int time, String variable, double value) {
            if (!rows.containsKey(unit)) {
                order.add(unit);
            }
            rows.computeIfAbsent(unit, u -> new LinkedHashMap<>()).computeIfAbsent(time, t -> new LinkedHashMap<>())
                    .put(variable, value);
            allTimes.add(time);
            return this;
        }

        /** Registers the unit and time even when all its values are missing. */
        public Builder touch(String unit, int time) {
            if (!rows.containsKey(unit)) {
                order.add(unit);
            }
            rows.computeIfAbsent(unit, u -> new LinkedHashMap<>()).computeIfAbsent(time, t -> new LinkedHashMap<>());
            allTimes.add(time);
            return this;
        }

        public Panel build() {
            int[] times = allTimes.stream().mapToInt(Integer::intValue).toArray();
            Map<Integer, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < times.length; i++) {
                index.put(times[i], i);
            }
            Map<String, Map<String, double[]>> values = new LinkedHashMap<>();
            rows.forEach((unit, byTime) -> {
                Map<String, double[]> byVariable = new LinkedHashMap<>();
                byTime.forEach((time, cells) -> cells.forEach((variable, value) -> {
                    double[] series = byVariable.computeIfAbsent(variable, v -> {
                        double[] s = new double[times.length];
                        Arrays.fill(s, Double.NaN);
                        return s;
                    });
                    series[index.get(time)] = value;
                }));
                values.put(unit, Collections.unmodifiableMap(byVariable));
            });
            return new Panel(order, times, values);
        }
    }
}
