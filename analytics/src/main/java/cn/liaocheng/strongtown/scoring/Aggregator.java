package cn.liaocheng.strongtown.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;

/**
 * The aggregation rule of stage 07 ({@code 07_aggregate_scores.sql}) — its one Java copy, held equal to the
 * SQL by {@code AggregationEqualityTest}; the Monte Carlo rank intervals and the dashboard's what-if use it.
 * Each parent takes the weighted arithmetic or geometric mean of its children that have a score, the weights
 * re-normalised over those children; scores below the catalog's geometric floor are lifted to it before the
 * logarithm. Coverage is the weighted share of children with a score (recursively); a parent whose coverage
 * is below its level's minimum gets no score (数据不足) and counts as missing one level up.
 *
 * <p>Nodes are numbered indicators first, then aggregates in the order they can be computed (by depth).
 * Scores and coverages are {@code NaN} where a node has none.
 */
public final class Aggregator {

    /** Coverage is compared with the minimum with this slack, in SQL as in Java (weights are decimal fractions). */
    public static final double COVERAGE_SLACK = 1e-9;

    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final int indicators;
    private final int[][] children;
    private final double[][] weights;
    private final boolean[] geometric;
    private final double[] minCoverage;
    private final String[] kind;
    private final double floor;
    private final int rankDecimals;

    Aggregator(List<CatalogTree.Edge> edges, int rankDecimals) {
        this.rankDecimals = rankDecimals;
        Map<String, List<CatalogTree.Edge>> byParent = new LinkedHashMap<>();
        edges.stream().sorted(Comparator.comparingInt(CatalogTree.Edge::parentDepth)
                        .thenComparing(CatalogTree.Edge::parentId).thenComparing(CatalogTree.Edge::childId))
                .forEach(e -> byParent.computeIfAbsent(e.parentId(), k -> new ArrayList<>()).add(e));
        edges.stream().map(CatalogTree.Edge::childId).filter(c -> !byParent.containsKey(c)).sorted().distinct()
                .forEach(this::add);
        indicators = ids.size();
        byParent.keySet().forEach(this::add);
        int n = byParent.size();
        children = new int[n][];
        weights = new double[n][];
        geometric = new boolean[n];
        minCoverage = new double[n];
        kind = new String[n];
        double floorOfTree = 1.0;
        int a = 0;
        for (List<CatalogTree.Edge> parentEdges : byParent.values()) {
            CatalogTree.Edge first = parentEdges.get(0);
            children[a] = parentEdges.stream().mapToInt(e -> index.get(e.childId())).toArray();
            weights[a] = parentEdges.stream().mapToDouble(CatalogTree.Edge::weight).toArray();
            geometric[a] = "geometric".equals(first.method());
            minCoverage[a] = first.minCoverage();
            kind[a] = first.parentKind();
            floorOfTree = first.geometricFloor();
            a++;
        }
        floor = floorOfTree;
    }

    public static Aggregator of(CatalogTree tree) {
        return new Aggregator(tree.edges(), tree.rankDecimals());
    }

    public static Aggregator of(Catalog catalog) {
        return of(CatalogTree.of(catalog));
    }

    private void add(String id) {
        index.put(id, ids.size());
        ids.add(id);
    }

    /** The decimals ranks compare scores at ({@link CompetitionRanks}). */
    public int rankDecimals() {
        return rankDecimals;
    }

    /** Number of indicators (nodes 0 … indicators − 1). */
    public int indicators() {
        return indicators;
    }

    public int nodes() {
        return ids.size();
    }

    /** The node of an item id, or −1 if the tree has no such item. */
    public int node(String id) {
        return index.getOrDefault(id, -1);
    }

    public String id(int node) {
        return ids.get(node);
    }

    public int composite() {
        return index.get(Catalog.COMPOSITE);
    }

    /** The catalog's weights, [aggregate][child], a fresh copy the caller may change. */
    public double[][] weights() {
        double[][] copy = new double[weights.length][];
        for (int a = 0; a < weights.length; a++) {
            copy[a] = weights[a].clone();
        }
        return copy;
    }

    /** The child nodes of an aggregate (numbered 0 … in computation order). */
    public int[] children(int aggregate) {
        return children[aggregate].clone();
    }

    /** The node of an aggregate. */
    public int aggregateNode(int aggregate) {
        return indicators + aggregate;
    }

    public int aggregates() {
        return children.length;
    }

    /** Whether every level is an arithmetic mean (so a complete unit's composite is linear in its scores). */
    public boolean allArithmetic() {
        for (boolean g : geometric) {
            if (g) {
                return false;
            }
        }
        return true;
    }

    /**
     * Fills the score and coverage of every aggregate from the indicator scores (an indicator with a score has
     * coverage 1).
     *
     * @param weights [aggregate][child], e.g. {@link #weights()} perturbed or changed
     */
    public void aggregate(double[] score, double[] coverage, double[][] weights) {
        aggregate(score, coverage, weights, false);
    }

    /**
     * Fills the score and coverage of the groups and the composite from the dimensions' scores and coverages
     * (as published), leaving the dimensions as given.
     */
    public void aggregateAboveDimensions(double[] score, double[] coverage, double[][] weights) {
        aggregate(score, coverage, weights, true);
    }

    private void aggregate(double[] score, double[] coverage, double[][] weights, boolean aboveDimensions) {
        for (int a = 0; a < children.length; a++) {
            if (aboveDimensions && "dimension".equals(kind[a])) {
                continue;
            }
            int[] c = children[a];
            double[] w = weights[a];
            double sum = 0;
            double withData = 0;
            double covered = 0;
            double total = 0;
            boolean any = false;
            for (int i = 0; i < c.length; i++) {
                total += w[i];
                double s = score[c[i]];
                if (!Double.isNaN(s)) {
                    any = true;
                    sum += w[i] * (geometric[a] ? Math.log(Math.max(s, floor)) : s);
                    withData += w[i];
                    covered += w[i] * coverage[c[i]];
                }
            }
            int node = indicators + a;
            double mean = withData == 0 ? Double.NaN : sum / withData;
            double value = geometric[a] ? Math.exp(mean) : mean;
            double cover = !any || total == 0 ? Double.NaN : covered / total;
            coverage[node] = any ? cover : Double.NaN;
            score[node] = sufficient(cover, minCoverage[a]) ? value : Double.NaN;
        }
    }

    /** The coverage rule: an aggregate is scored only with at least its level's minimum coverage. */
    public static boolean sufficient(double coverage, double minCoverage) {
        return coverage >= minCoverage - COVERAGE_SLACK;
    }

    /** The least coverage an aggregate needs (its level's minimum). */
    public double minCoverage(int aggregate) {
        return minCoverage[aggregate];
    }

    /** dimension, group or composite. */
    public String kind(int aggregate) {
        return kind[aggregate];
    }

    /**
     * Each node's share of the composite under {@code weights}: the product of the normalised weights on its
     * path (the composite weight of stage 12's rank drivers and the Monte Carlo's linear shortcut).
     */
    public double[] shares(double[][] weights) {
        double[] share = new double[nodes()];
        share[composite()] = 1.0;
        for (int a = children.length - 1; a >= 0; a--) {
            double total = 0;
            for (double x : weights[a]) {
                total += x;
            }
            double parent = share[indicators + a];
            for (int i = 0; i < children[a].length; i++) {
                share[children[a][i]] = total == 0 ? 0 : parent * weights[a][i] / total;
            }
        }
        return share;
    }
}
