package cn.liaocheng.strongtown.scoring;

import static cn.liaocheng.strongtown.engine.InputTable.Type.DOUBLE;
import static cn.liaocheng.strongtown.engine.InputTable.Type.INT;
import static cn.liaocheng.strongtown.engine.InputTable.Type.STRING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Group;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.engine.InputTable;
import cn.liaocheng.strongtown.engine.InputTable.Column;

/**
 * The catalog's aggregation tree as edges child → parent: indicators → dimensions → groups (if any) →
 * composite. A parent's depth is one more than its deepest child's (indicators are depth 0), so each
 * level can be computed once all levels below it are. {@code rankDecimals}: the precision ranks compare at.
 */
public record CatalogTree(List<Edge> edges, int maxDepth, int rankDecimals) {

    /**
     * @param method the parent's aggregation: arithmetic or geometric
     * @param parentKind dimension, group or composite
     * @param minCoverage the least coverage the parent needs to be scored (its level's, from the catalog)
     * @param geometricFloor the least score a geometric mean takes the logarithm of (the catalog's)
     * @param compositeWeight the child's share in the composite: the product of normalised weights on its path
     *                        ({@link Aggregator#shares})
     */
    public record Edge(String childId, String parentId, double weight, int parentDepth, String method,
                       String parentKind, double minCoverage, double geometricFloor, double compositeWeight) {
    }

    public static CatalogTree of(Catalog catalog) {
        Map<String, String> parentOf = new HashMap<>();
        Map<String, Double> weightOf = new HashMap<>();
        Map<String, String> methodOf = new HashMap<>();
        Map<String, String> kindOf = new HashMap<>();
        methodOf.put(Catalog.COMPOSITE, catalog.levels().get("composite"));
        kindOf.put(Catalog.COMPOSITE, "composite");
        for (Indicator i : catalog.indicators()) {
            parentOf.put(i.id(), i.dimension());
            weightOf.put(i.id(), i.weight());
        }
        for (Dimension d : catalog.dimensions()) {
            parentOf.put(d.id(), Catalog.parentOf(d.parent()));
            weightOf.put(d.id(), d.weight());
            methodOf.put(d.id(), catalog.aggregationOf(d));
            kindOf.put(d.id(), "dimension");
        }
        for (Group g : catalog.groups()) {
            parentOf.put(g.id(), Catalog.parentOf(g.parent()));
            weightOf.put(g.id(), g.weight());
            methodOf.put(g.id(), catalog.aggregationOf(g));
            kindOf.put(g.id(), "group");
        }
        Map<String, Integer> depth = new HashMap<>();
        catalog.indicators().forEach(i -> depth.put(i.id(), 0));
        // Raise each ancestor above its child until nothing changes; the tree is small and acyclic.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, String> e : parentOf.entrySet()) {
                int childDepth = depth.getOrDefault(e.getKey(), 0);
                if (depth.getOrDefault(e.getValue(), 0) < childDepth + 1) {
                    depth.put(e.getValue(), childDepth + 1);
                    changed = true;
                }
            }
        }
        double floor = catalog.geometricFloorValue();
        List<Edge> edges = new ArrayList<>();
        parentOf.forEach((child, parent) -> edges.add(new Edge(child, parent, weightOf.get(child), depth.get(parent),
                methodOf.get(parent), kindOf.get(parent), catalog.ranking().minCoverage(kindOf.get(parent)), floor, 0)));
        Aggregator aggregator = new Aggregator(edges, 0);
        double[] shares = aggregator.shares(aggregator.weights());
        List<Edge> weighted = new ArrayList<>(edges.stream().map(e -> new Edge(e.childId(), e.parentId(), e.weight(),
                e.parentDepth(), e.method(), e.parentKind(), e.minCoverage(), e.geometricFloor(),
                shares[aggregator.node(e.childId())])).toList());
        weighted.sort(Comparator.comparingInt(Edge::parentDepth).thenComparing(Edge::childId));
        return new CatalogTree(List.copyOf(weighted), depth.get(Catalog.COMPOSITE), catalog.ranking().rankDecimals());
    }

    InputTable table() {
        List<Object[]> rows = edges.stream().map(e -> new Object[] {e.childId(), e.parentId(), e.weight(),
                e.parentDepth(), e.method(), e.parentKind(), e.minCoverage(), e.geometricFloor(),
                e.compositeWeight()}).toList();
        return new InputTable("catalog_tree", List.of(new Column("child_id", STRING), new Column("parent_id", STRING),
                new Column("weight", DOUBLE), new Column("parent_depth", INT), new Column("method", STRING),
                new Column("parent_kind", STRING), new Column("min_coverage", DOUBLE),
                new Column("geometric_floor", DOUBLE), new Column("composite_weight", DOUBLE)), rows);
    }
}
