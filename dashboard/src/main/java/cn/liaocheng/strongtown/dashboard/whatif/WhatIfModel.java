package cn.liaocheng.strongtown.dashboard.whatif;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.scoring.Aggregator;
import cn.liaocheng.strongtown.scoring.CompetitionRanks;

/**
 * The towns of one year with their published dimension scores, re-ranked under other dimension weights by
 * the method's one aggregator and ranking ({@link Aggregator}, {@link CompetitionRanks} — the Java copies of
 * stages 07 and 08): from the dimensions up through the optional groups to the composite, with the coverage
 * rule (a town whose dimensions with data carry less than the composite's minimum share of the weight gets no
 * composite and is left out) and ranks at the catalog's precision, ties sharing. With the catalog's weights
 * this reproduces the published composite and city rank; a re-rank of the ~136 rows of a year takes
 * microseconds, so the view can re-rank on every change of a weight.
 */
public final class WhatIfModel {

    private final int year;
    private final List<Dimension> dimensions;
    private final Aggregator aggregator;
    /** Dimension id → {aggregate, position among its children}: where its weight sits. */
    private final Map<String, int[]> weightSlot = new LinkedHashMap<>();
    private final List<WhatIfTown> towns;

    WhatIfModel(int year, Catalog catalog, List<WhatIfTown> towns) {
        this.year = year;
        this.dimensions = catalog.dimensions();
        this.aggregator = Aggregator.of(catalog);
        for (int a = 0; a < aggregator.aggregates(); a++) {
            int[] children = aggregator.children(a);
            for (int i = 0; i < children.length; i++) {
                weightSlot.put(aggregator.id(children[i]), new int[] {a, i});
            }
        }
        this.towns = List.copyOf(towns);
    }

    public int year() {
        return year;
    }

    /** The dimensions whose weights can be changed, in catalog order. */
    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** The catalog's weights: dimension id → weight. */
    public Map<String, Double> officialWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        dimensions.forEach(d -> weights.put(d.id(), d.weight()));
        return weights;
    }

    /** The weights scaled to sum 1 (each dimension's share as the user reads it). */
    public static Map<String, Double> normalised(Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        if (!(total > 0)) {
            throw new IllegalArgumentException("at least one weight must be positive: " + weights);
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        weights.forEach((id, w) -> shares.put(id, w / total));
        return shares;
    }

    /**
     * Every town of the year re-ranked under {@code weights} (dimension id → weight ≥ 0; a dimension left out
     * keeps its catalog weight), best first; towns without a composite under these weights (no usable
     * dimension score, or too little coverage) are left out, as the published ranking leaves them out.
     */
    public List<WhatIfRow> rank(Map<String, Double> weights) {
        Map<String, Double> effective = officialWeights();
        weights.forEach((id, w) -> {
            if (!effective.containsKey(id)) {
                throw new IllegalArgumentException("unknown dimension " + id);
            }
            if (w == null || w < 0 || w.isNaN()) {
                throw new IllegalArgumentException("weight of " + id + " must be ≥ 0: " + w);
            }
            effective.put(id, w);
        });
        normalised(effective); // refuses weights that are all 0
        double[][] w = aggregator.weights();
        effective.forEach((id, weight) -> {
            int[] slot = weightSlot.get(id);
            w[slot[0]][slot[1]] = weight;
        });
        List<WhatIfTown> scored = new ArrayList<>();
        List<Double> composites = new ArrayList<>();
        for (WhatIfTown town : towns) {
            double composite = composite(town, w);
            if (!Double.isNaN(composite)) {
                scored.add(town);
                composites.add(composite);
            }
        }
        int[] ranks = CompetitionRanks.of(composites.stream().mapToDouble(Double::doubleValue).toArray(),
                aggregator.rankDecimals());
        List<WhatIfRow> rows = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            rows.add(new WhatIfRow(scored.get(i), composites.get(i), ranks[i]));
        }
        rows.sort(Comparator.comparingInt(WhatIfRow::rank).thenComparing(WhatIfRow::composite, Comparator.reverseOrder())
                .thenComparing(r -> r.town().townCode()));
        return rows;
    }

    /** The aggregator from the dimensions up; NaN when the town has no composite under these weights. */
    private double composite(WhatIfTown town, double[][] weights) {
        double[] score = new double[aggregator.nodes()];
        double[] coverage = new double[aggregator.nodes()];
        Arrays.fill(score, Double.NaN);
        Arrays.fill(coverage, Double.NaN);
        town.dimensionScores().forEach((id, s) -> {
            int node = aggregator.node(id);
            if (node >= 0 && s != null) {
                score[node] = s;
                coverage[node] = town.dimensionCoverage().getOrDefault(id, 1.0);
            }
        });
        aggregator.aggregateAboveDimensions(score, coverage, weights);
        return score[aggregator.composite()];
    }
}
