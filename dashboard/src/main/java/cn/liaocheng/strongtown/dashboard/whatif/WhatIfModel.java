package cn.liaocheng.strongtown.dashboard.whatif;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.scoring.CatalogTree;

/**
 * The towns of one year with their published dimension scores, re-ranked under other dimension weights.
 * The composite is aggregated from the dimension scores exactly as scoring stage 07 does it, over the
 * catalog's tree above the dimensions (optional groups, then the composite): each parent takes the weighted
 * arithmetic or geometric mean of its children that have a score, the weights re-normalised over those
 * children (so the six weights need not sum to 1), and the geometric mean lifts scores below 1 to 1. Ranks
 * follow stage 08: competition ranks ("1224") of the composite compared at 6 decimals. With the catalog's
 * weights this reproduces the published composite and city rank; computing in Java on the ~136 rows of a
 * year keeps a re-rank in the microseconds, so the view can re-rank on every change of a weight.
 */
public final class WhatIfModel {

    private final int year;
    private final List<Dimension> dimensions;
    /** Aggregates above the dimensions → their child edges, in the order stage 07 computes them (by depth). */
    private final Map<String, List<CatalogTree.Edge>> parents = new LinkedHashMap<>();
    private final List<WhatIfTown> towns;

    WhatIfModel(int year, Catalog catalog, List<WhatIfTown> towns) {
        this.year = year;
        this.dimensions = catalog.dimensions();
        CatalogTree.of(catalog).edges().stream().filter(e -> !"dimension".equals(e.parentKind()))
                .forEach(e -> parents.computeIfAbsent(e.parentId(), k -> new ArrayList<>()).add(e));
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
     * keeps its catalog weight), best first; towns without any usable dimension score are left out, as the
     * published ranking leaves out towns without a composite.
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
        record Scored(WhatIfTown town, double composite, long key) {
        }
        List<Scored> scored = new ArrayList<>();
        for (WhatIfTown town : towns) {
            double composite = composite(town, effective);
            if (!Double.isNaN(composite)) {
                scored.add(new Scored(town, composite, Math.round(composite * 1e6)));
            }
        }
        scored.sort(Comparator.comparingLong(Scored::key).reversed().thenComparing(s -> s.town().townCode()));
        List<WhatIfRow> rows = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            int rank = i > 0 && s.key() == scored.get(i - 1).key() ? rows.get(i - 1).rank() : i + 1;
            rows.add(new WhatIfRow(s.town(), s.composite(), rank));
        }
        return rows;
    }

    /** Stage 07 above the dimensions; NaN when no child of the composite has a score. */
    private double composite(WhatIfTown town, Map<String, Double> dimensionWeights) {
        Map<String, Double> node = new HashMap<>(town.dimensionScores());
        for (Map.Entry<String, List<CatalogTree.Edge>> parent : parents.entrySet()) {
            boolean geometric = "geometric".equals(parent.getValue().get(0).method());
            double sum = 0;
            double weight = 0;
            for (CatalogTree.Edge e : parent.getValue()) {
                Double score = node.get(e.childId());
                if (score != null && !score.isNaN()) {
                    double w = dimensionWeights.getOrDefault(e.childId(), e.weight());
                    sum += w * (geometric ? Math.log(Math.max(score, 1.0)) : score);
                    weight += w;
                }
            }
            double mean = weight == 0 ? Double.NaN : sum / weight;
            node.put(parent.getKey(), geometric && !Double.isNaN(mean) ? Math.exp(mean) : mean);
        }
        return node.getOrDefault(Catalog.COMPOSITE, Double.NaN);
    }
}
