package cn.liaocheng.strongtown.dashboard.ui;

import com.vaadin.flow.component.html.Span;

import cn.liaocheng.strongtown.dashboard.i18n.Formats;

/** A rank change as Chinese dashboards show it: rises ▲ in red, falls ▼ in green. */
public final class RankChange {

    static final String RISE_RED = Formats.RISE_RED;
    static final String FALL_GREEN = Formats.FALL_GREEN;

    private RankChange() {
    }

    public static Span of(Integer change) {
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
