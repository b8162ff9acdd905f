package cn.liaocheng.strongtown.peer;

import org.apache.commons.math3.ml.clustering.Clusterable;

/** One town-year in the standardised space of structure variables. */
record StructurePoint(String townCode, int year, double[] point) implements Clusterable {

    @Override
    public double[] getPoint() {
        return point;
    }

    double distanceTo(StructurePoint other) {
        double sum = 0;
        for (int i = 0; i < point.length; i++) {
            double d = point[i] - other.point[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
