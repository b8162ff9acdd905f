package cn.liaocheng.strongtown.collection.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Converts a value entered in the unit a header names into the catalog's unit, within one family
 * of units (元/万元/亿元, 人/万人). A header in an unrelated unit is an error, not a conversion.
 */
public final class UnitScale {

    private static final List<Map<String, Double>> FAMILIES = List.of(
            Map.of("元", 1.0, "千元", 1e3, "万元", 1e4, "百万元", 1e6, "亿元", 1e8),
            Map.of("人", 1.0, "万人", 1e4));

    private UnitScale() {
    }

    /**
     * The factor that turns a value in {@code headerUnit} into {@code catalogUnit}, or empty if the
     * two are unrelated. The same unit gives 1.
     */
    public static Optional<Double> factor(String headerUnit, String catalogUnit) {
        String from = normalise(headerUnit);
        String to = normalise(catalogUnit);
        if (from.equals(to)) {
            return Optional.of(1.0);
        }
        for (Map<String, Double> family : FAMILIES) {
            if (family.containsKey(from) && family.containsKey(to)) {
                return Optional.of(family.get(from) / family.get(to));
            }
        }
        return Optional.empty();
    }

    public static String normalise(String unit) {
        return NumberText.halfWidth(unit == null ? "" : unit).strip().replace(" ", "");
    }

    public static boolean isPercent(String unit) {
        return "%".equals(normalise(unit));
    }
}
