package cn.liaocheng.strongtown.dashboard.league.ui;

import com.vaadin.flow.component.html.Span;

/** A rank change as Chinese dashboards show it: rises ▲ in red, falls ▼ in green. */
final class RankChange {

    static final String RISE_RED = "#d32f2f";
    static final String FALL_GREEN = "#2e7d32";

    private RankChange() {
    }

    static Span of(Integer change) {
        Span span = new Span();
        if (change == null || change == 0) {
            span.setText("—");
            span.getStyle().set("color", "var(--lumo-secondary-text-color)");
        } else if (change > 0) {
            span.setText("▲" + change);
            span.getStyle().set("color", RISE_RED);
        } else {
            span.setText("▼" + (-change));
            span.getStyle().set("color", FALL_GREEN);
        }
        span.addClassName("rank-change");
        return span;
    }
}
