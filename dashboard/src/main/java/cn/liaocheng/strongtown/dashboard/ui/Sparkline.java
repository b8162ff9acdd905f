package cn.liaocheng.strongtown.dashboard.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.vaadin.flow.component.Svg;

import cn.liaocheng.strongtown.dashboard.i18n.Formats;

/**
 * A tiny inline line of a series (e.g. in a grid cell), drawn as one SVG polyline: dozens of rows
 * would be too heavy as ECharts instances. Rising series are red, falling ones green (DESIGN §5).
 */
public final class Sparkline {

    static final int WIDTH = 96;
    static final int HEIGHT = 24;
    private static final double PAD = 2;

    private Sparkline() {
    }

    /** The line of {@code values} (nulls are gaps the line skips); empty with fewer than two values. */
    public static Svg of(List<Double> values) {
        Svg svg = new Svg(svg(values));
        svg.addClassName("sparkline");
        return svg;
    }

    static String svg(List<Double> values) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                points.add(new double[] {i, values.get(i)});
            }
        }
        StringBuilder polyline = new StringBuilder();
        String colour = "none";
        if (points.size() >= 2) {
            double min = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
            double max = points.stream().mapToDouble(p -> p[1]).max().orElse(0);
            double span = max > min ? max - min : 1;
            double step = (WIDTH - 2 * PAD) / Math.max(1, values.size() - 1);
            for (double[] p : points) {
                double x = PAD + p[0] * step;
                double y = max > min ? HEIGHT - PAD - (p[1] - min) / span * (HEIGHT - 2 * PAD) : HEIGHT / 2.0;
                polyline.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            double change = points.get(points.size() - 1)[1] - points.get(0)[1];
            colour = Objects.requireNonNullElse(Formats.colour(change), "#757575");
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"><polyline fill=\"none\" stroke=\"" + colour
                + "\" stroke-width=\"1.5\" points=\"" + polyline.toString().strip() + "\"/></svg>";
    }
}
