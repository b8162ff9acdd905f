package cn.liaocheng.strongtown.dashboard.profile.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.profile.ProfileHeader;
import cn.liaocheng.strongtown.dashboard.profile.TownProfile;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;

/**
 * "Why the rank changed": the composite's and the rank's change in words with the largest dimension
 * contributions (mart {@code rank_drivers}), and a bar per dimension, gains red and losses green.
 */
class RankDriversPanel extends Div {

    /** How many drivers the text names. */
    static final int REASONS = 3;

    RankDriversPanel(TownProfile p) {
        add(new H3(getTranslation("profile.drivers.title")));
        setWidthFull();
        Paragraph text = new Paragraph(driversText(p));
        text.setId("profile-drivers-text");
        add(text);
        if (!p.drivers().isEmpty()) {
            EChart chart = ProfileView.chart("chart-rank-drivers", (80 + 32 * p.drivers().size()) + "px");
            chart.setOption(ProfileCharts.drivers(getTranslation("profile.drivers.chart"),
                    p.drivers().stream().map(d -> d.name().in(getLocale())).toList(), p.drivers()));
            add(chart);
        }
    }

    /** "Why the rank changed" in words: the composite's and the rank's change, then the three largest drivers. */
    String driversText(TownProfile p) {
        ProfileHeader h = p.header();
        if (p.drivers().isEmpty() || h.scoreChange() == null) {
            return getTranslation("profile.drivers.none");
        }
        String summary = getTranslation("profile.drivers.summary", String.valueOf(p.year()),
                move(h.scoreChange(), 1, "profile.change"), rankMove(h.rankChange()));
        List<String> reasons = p.drivers().stream().limit(REASONS)
                .map(d -> getTranslation("profile.drivers.item", d.name().in(getLocale()),
                        move(d.scoreChange(), 1, "profile.change"), move(d.contribution(), 2, "profile.change")))
                .toList();
        return summary + getTranslation("profile.drivers.reasons",
                String.join(getTranslation("profile.drivers.separator"), reasons));
    }

    /** "上升 1.2 分" / "下降 0.35 分" / "持平", as rounded to {@code digits}. */
    private String move(double change, int digits, String prefix) {
        double scale = Math.pow(10, digits);
        double rounded = Math.round(change * scale) / scale;
        String amount = Formats.decimals(Math.abs(rounded), digits, getLocale());
        return rounded > 0 ? getTranslation(prefix + ".up", amount)
                : rounded < 0 ? getTranslation(prefix + ".down", amount) : getTranslation(prefix + ".same");
    }

    private String rankMove(Integer change) {
        return change == null || change == 0 ? getTranslation("profile.rankMove.same")
                : getTranslation(change > 0 ? "profile.rankMove.up" : "profile.rankMove.down", Math.abs(change));
    }
}
