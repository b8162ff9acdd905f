package cn.liaocheng.strongtown.dashboard.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Difference-in-differences event study of one town against its matched peers: for each year relative to
 * designation (0 = designation year, the reference), the town's change since the reference year minus the
 * peers' mean change. One treated town has no variance of its own to estimate from, so the 95 % interval is the
 * prediction interval of a single unit drawn like the peers: each peer's own "effect" against the other peers
 * gives the spread s, and the interval is ± t(0.975, n−1) · s · √(1 + 1/n).
 */
public record EventStudy(List<Point> points, List<String> peerNames) {

    public record Point(int relativeYear, int year, double estimate, double low, double high) {
    }

    /** @param series town code → year → value; the treated town must be present */
    static EventStudy of(String town, int designationYear, List<String> peers, Map<String, Map<Integer, Double>> series,
                         List<String> peerNames) {
        Map<Integer, Double> own = series.getOrDefault(town, Map.of());
        Double ownReference = own.get(designationYear);
        List<String> usable = peers.stream().filter(p -> series.containsKey(p)
                && series.get(p).get(designationYear) != null).toList();
        List<Point> points = new ArrayList<>();
        if (ownReference == null || usable.size() < 2) {
            return new EventStudy(points, peerNames);
        }
        for (int year : new java.util.TreeSet<>(own.keySet())) {
            List<Double> changes = new ArrayList<>();
            for (String p : usable) {
                Double v = series.get(p).get(year);
                if (v != null) {
                    changes.add(v - series.get(p).get(designationYear));
                }
            }
            int n = changes.size();
            if (n < 2) {
                continue;
            }
            double mean = changes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double estimate = (own.get(year) - ownReference) - mean;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double others = (mean * n - changes.get(i)) / (n - 1);
                double placebo = changes.get(i) - others;
                ss += placebo * placebo;
            }
            double s = Math.sqrt(ss / (n - 1));
            double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * s * Math.sqrt(1 + 1.0 / n);
            points.add(new Point(year - designationYear, year, estimate, estimate - half, estimate + half));
        }
        return new EventStudy(points, peerNames);
    }
}
