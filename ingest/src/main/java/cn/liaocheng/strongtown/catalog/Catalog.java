package cn.liaocheng.strongtown.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One version of the indicator system; see {@code data/catalog/}. */
public record Catalog(String id, String version, int appliesFromYear, Bilingual name,
                      int normalisationWindowYears, Map<String, String> levels, Growth growth,
                      List<Group> groups, List<Dimension> dimensions, List<Indicator> indicators,
                      List<Input> inputs, List<Band> bands, Quality quality, Peers peers, Ranking ranking,
                      Double geometricFloor) {

    /** Id of the top aggregate. */
    public static final String COMPOSITE = "composite";

    public Catalog {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        groups = groups == null ? List.of() : List.copyOf(groups);
        bands = bands == null ? List.of() : List.copyOf(bands);
        quality = quality == null ? Quality.DEFAULT : quality;
        peers = peers == null ? Peers.DEFAULT : peers;
        ranking = ranking == null ? Ranking.DEFAULT : ranking;
    }

    /** The score range of an indicator without its own {@code output}. */
    public static final List<Double> DEFAULT_OUTPUT = List.of(0.0, 100.0);

    /** The [lo, hi] range an indicator's score lies in. */
    public static List<Double> outputOf(Indicator indicator) {
        List<Double> output = indicator.normalise() == null ? null : indicator.normalise().output();
        return output == null || output.size() != 2 ? DEFAULT_OUTPUT : output;
    }

    /** Whether any level (composite, dimension level, or a dimension or group of its own) is geometric. */
    public boolean usesGeometricMean() {
        return "geometric".equals(levels.get("composite")) || dimensions.stream().anyMatch(d -> "geometric".equals(aggregationOf(d)))
                || groups.stream().anyMatch(g -> "geometric".equals(aggregationOf(g)));
    }

    /**
     * The least score a geometric mean takes the logarithm of (lower scores are lifted to it, as ln 0 is
     * undefined): {@code geometric_floor} if set, else 1 % of the score range above max(lo, 0) — 1 on the
     * usual 0–100 scale, 0.01 on 0–1. The validator requires one range for all indicators when it is derived.
     */
    public double geometricFloorValue() {
        if (geometricFloor != null) {
            return geometricFloor;
        }
        List<Double> range = indicators.isEmpty() ? DEFAULT_OUTPUT : outputOf(indicators.get(0));
        double lo = Math.max(range.get(0), 0.0);
        return lo + 0.01 * (range.get(1) - lo);
    }

    public Optional<Dimension> dimension(String dimensionId) {
        return dimensions.stream().filter(d -> d.id().equals(dimensionId)).findFirst();
    }

    public Optional<Indicator> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.id().equals(indicatorId)).findFirst();
    }

    public List<Indicator> indicatorsOf(String dimensionId) {
        return indicators.stream().filter(i -> i.dimension().equals(dimensionId)).toList();
    }

    /** The parent of a dimension or group: a group id, or {@link #COMPOSITE}. */
    public static String parentOf(String parent) {
        return parent == null || parent.isBlank() ? COMPOSITE : parent;
    }

    /** The aggregation method of a group: its own, else the dimension level's. */
    public String aggregationOf(Group group) {
        return group.aggregation() != null ? group.aggregation() : levels.get("dimension");
    }

    /** The aggregation method of a dimension: its own, else the dimension level's. */
    public String aggregationOf(Dimension dimension) {
        return dimension.aggregation() != null ? dimension.aggregation() : levels.get("dimension");
    }
}
