package cn.liaocheng.strongtown.peer;

import org.apache.commons.math3.ml.clustering.Clusterable;

/** One town-year of the fit sample in the standardised space of structure variables. */
record StructurePoint(double[] point) implements Clusterable {

    @Override
    public double[] getPoint() {
        return point;
    }
}
