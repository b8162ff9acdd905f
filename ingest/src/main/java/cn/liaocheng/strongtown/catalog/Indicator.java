package cn.liaocheng.strongtown.catalog;

import java.util.List;

/**
 * A scored indicator.
 *
 * @param weight weight within its dimension
 * @param growth whether the score mixes level and growth (CAGR) per the catalog's growth setting
 * @param transform {@code none}, {@code log} or {@code log1p}, applied before normalisation
 * @param validRange the plausible [min, max] of a raw value
 */
public record Indicator(String id, String dimension, Bilingual name, Bilingual unit, Bilingual help,
                        String source, Derivation derivation, String direction, double weight,
                        boolean growth, String transform, Normalisation normalise,
                        List<Double> validRange) {

    public boolean lowerIsBetter() {
        return "lower".equals(direction);
    }
}
