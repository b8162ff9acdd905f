package cn.liaocheng.strongtown.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One version of the indicator system; see {@code data/catalog/}. */
public record Catalog(String id, String version, int appliesFromYear, Bilingual name,
                      int normalisationWindowYears, Map<String, String> levels, Growth growth,
                      List<Group> groups, List<Dimension> dimensions, List<Indicator> indicators,
                      List<Input> inputs, List<Band> bands, Quality quality, Peers peers) {

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
