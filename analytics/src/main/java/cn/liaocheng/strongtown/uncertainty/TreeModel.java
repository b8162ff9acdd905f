package cn.liaocheng.strongtown.uncertainty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.scoring.CatalogTree;

/** The aggregation tree in arrays: indicators first, then aggregates in the order they can be computed. */
final class TreeModel {

    final Map<String, Integer> indicatorIndex = new LinkedHashMap<>();
    /** For each aggregate (in computation order): child node indices, weights and method. */
    final List<int[]> children = new ArrayList<>();
    final List<double[]> weights = new ArrayList<>();
    final List<Boolean> geometric = new ArrayList<>();
    final int composite;
    final int[][] childArrays;
    final double[][] weightArrays;
    final boolean[] geometricArray;

    TreeModel(CatalogTree tree) {
        Map<String, Integer> node = new HashMap<>();
        for (CatalogTree.Edge e : tree.edges()) {
            if (e.parentDepth() == 1 && !indicatorIndex.containsKey(e.childId()) && !isAggregate(tree, e.childId())) {
                indicatorIndex.put(e.childId(), indicatorIndex.size());
            }
        }
        node.putAll(indicatorIndex);
        Map<String, List<CatalogTree.Edge>> byParent = new LinkedHashMap<>();
        tree.edges().forEach(e -> byParent.computeIfAbsent(e.parentId(), k -> new ArrayList<>()).add(e));
        // edges are sorted by parent depth, so parents appear in an order in which they can be computed
        for (Map.Entry<String, List<CatalogTree.Edge>> p : byParent.entrySet()) {
            List<CatalogTree.Edge> edges = p.getValue();
            int[] c = new int[edges.size()];
            double[] w = new double[edges.size()];
            for (int i = 0; i < edges.size(); i++) {
                c[i] = node.get(edges.get(i).childId());
                w[i] = edges.get(i).weight();
            }
            node.put(p.getKey(), indicatorIndex.size() + children.size());
            children.add(c);
            weights.add(w);
            geometric.add("geometric".equals(edges.get(0).method()));
        }
        composite = node.get(Catalog.COMPOSITE);
        childArrays = children.toArray(int[][]::new);
        weightArrays = weights.toArray(double[][]::new);
        geometricArray = new boolean[geometric.size()];
        for (int i = 0; i < geometricArray.length; i++) {
            geometricArray[i] = geometric.get(i);
        }
    }

    private static boolean isAggregate(CatalogTree tree, String id) {
        return tree.edges().stream().anyMatch(e -> e.parentId().equals(id));
    }

    boolean allArithmetic() {
        for (boolean g : geometricArray) {
            if (g) {
                return false;
            }
        }
        return true;
    }

    int indicators() {
        return indicatorIndex.size();
    }

    int nodes() {
        return indicatorIndex.size() + children.size();
    }
}
