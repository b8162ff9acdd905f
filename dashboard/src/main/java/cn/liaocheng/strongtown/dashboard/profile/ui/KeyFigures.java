package cn.liaocheng.strongtown.dashboard.profile.ui;

import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

import cn.liaocheng.strongtown.dashboard.ui.RankChange;
import cn.liaocheng.strongtown.dashboard.profile.ProfileHeader;
import cn.liaocheng.strongtown.dashboard.profile.TownProfile;
import cn.liaocheng.strongtown.dashboard.provenance.Provenance;
import cn.liaocheng.strongtown.dashboard.ui.ProvenanceMark;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;

/**
 * The profile's key figures as wrapping cards: composite score (with provenance), city rank with its
 * P5–P95 interval ("居全市第X位"), county and peer rank, and the rank change (rises red, falls green).
 */
class KeyFigures extends FlexLayout {

    KeyFigures(TownProfile p, Supplier<Optional<Provenance>> scoreProvenance) {
        ProfileHeader h = p.header();
        ProvenanceMark composite = new ProvenanceMark(Formats.oneDecimal(h.composite()), scoreProvenance);
        composite.setId("profile-composite");
        composite.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Div city = figure(getTranslation("profile.rank.city", h.rankCity(), h.townsCity()));
        city.setId("profile-rank-city");
        if (h.rankP5() != null && h.rankP95() != null) {
            Span interval = new Span(getTranslation("profile.rank.interval", Formats.rankInterval(h.rankP5(), h.rankP95())));
            interval.setId("profile-rank-interval");
            interval.getStyle().set("font-size", "var(--lumo-font-size-s)");
            city.add(new Div(interval));
        }
        add(card(getTranslation("profile.composite"), composite), city,
                figure(getTranslation("profile.rank.county", h.rankCounty(), h.townsCounty())),
                figure(getTranslation("profile.rank.peer", h.rankPeer(), h.townsPeer())),
                card(getTranslation("profile.rank.change"), RankChange.of(h.rankChange())));
        setId("profile-key-figures");
        setFlexWrap(FlexWrap.WRAP);
        setWidthFull();
        getStyle().set("gap", "var(--lumo-space-m)");
    }

    private static Div card(String label, Component value) {
        Span caption = new Span(label);
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return box(caption, new Div(value));
    }

    /** A card that is one sentence, e.g. "居全市第 3 位（共 136 个）". */
    private static Div figure(String text) {
        Span value = new Span(text);
        value.getStyle().set("font-weight", "600");
        Div card = box(value);
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("justify-content", "center");
        return card;
    }

    private static Div box(Component... content) {
        Div card = new Div(content);
        card.addClassName("profile-card");
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        return card;
    }
}
