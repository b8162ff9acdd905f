package cn.liaocheng.strongtown.catalog;

import java.util.List;

/**
 * A scored indicator.
 *
 * @param weight weight within its dimension
 * @param growth whether the score mixes level and growth (CAGR) per the catalog's growth setting
 * @param transform {@code none}, {@code log}, {@code log1p} or {@code per_10k_residents} (divided by
 *                  the input {@code resident_population}, in 10,000 persons), applied before normalisation
 * @param winsorise outlier treatment over the pooled window, or null for none
 * @param validRange the plausible [min, max] of a raw value
 */
public record Indicator(String id, String dimension, Bilingual name, Bilingual unit, Bilingual help,
                        String source, Derivation derivation, String direction, double weight,
                        boolean growth, String transform, Winsorisation winsorise, Normalisation normalise,
                        List<Double> validRange, Crosscheck crosscheck) {

    public boolean lowerIsBetter() {
        return "lower".equals(direction);
    }
}
