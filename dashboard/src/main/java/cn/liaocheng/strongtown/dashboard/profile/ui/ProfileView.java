package cn.liaocheng.strongtown.dashboard.profile.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.chart.EChart;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.profile.DataGap;
import cn.liaocheng.strongtown.dashboard.profile.ItemScore;
import cn.liaocheng.strongtown.dashboard.profile.ProfileHeader;
import cn.liaocheng.strongtown.dashboard.profile.ProfileService;
import cn.liaocheng.strongtown.dashboard.profile.RankPoint;
import cn.liaocheng.strongtown.dashboard.profile.SimilarTown;
import cn.liaocheng.strongtown.dashboard.profile.TownProfile;
import cn.liaocheng.strongtown.dashboard.provenance.ProvenanceService;
import cn.liaocheng.strongtown.dashboard.quality.QualityFlag;
import cn.liaocheng.strongtown.dashboard.quality.QualityService;
import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.ui.LakeReadiness;
import cn.liaocheng.strongtown.dashboard.ui.Links;
import cn.liaocheng.strongtown.dashboard.ui.ProvenanceMark;
import cn.liaocheng.strongtown.dashboard.ui.QualityReasons;
import cn.liaocheng.strongtown.town.UnknownTownException;

/**
 * 乡镇画像: one town in one year — ranks with their interval, six dimensions against the peer median
 * and the city P90, rank history, why the rank changed, strengths and weak spots, similar towns, and
 * every indicator with its trend, flags and provenance. County staff see only their own county's
 * towns; for any other town the view says so instead.
 */
@Route(value = Links.TOWN_PROFILE + "/:" + ProfileView.CODE, layout = MainLayout.class)
@RolesAllowed({Role.Names.LEADER, Role.Names.ANALYST, Role.Names.OFFICE, Role.Names.COUNTY, Role.Names.ADMIN})
public class ProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CODE = "code";
    static final String YEAR = Links.YEAR;
    static final int STANDOUTS = 3;

    private final ProfileService profiles;
    private final ProvenanceService provenance;
    private final QualityService quality;
    private final LakePreparation preparation;
    private String code;
    private Integer requestedYear;
    private String townName;

    public ProfileView(ProfileService profiles, ProvenanceService provenance, QualityService quality,
                       LakePreparation preparation) {
        this.profiles = profiles;
        this.provenance = provenance;
        this.quality = quality;
        this.preparation = preparation;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        code = event.getRouteParameters().get(CODE).orElse("");
        requestedYear = event.getLocation().getQueryParameters().getSingleParameter(YEAR)
                .filter(y -> y.matches("\\d{4}")).map(Integer::valueOf).orElse(null);
        townName = null;
        removeAll();
        LakeReadiness.whenReady(this, event.getUI(), preparation, this::show);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return (townName == null ? "" : townName + " · ") + getTranslation("profile.title") + " · "
                + getTranslation("app.title");
    }

    private void show() {
        try {
            List<Integer> years = profiles.years(code);
            Optional<DataGap> gap = requestedYear != null && !years.contains(requestedYear)
                    ? profiles.dataGap(code, requestedYear) : Optional.empty();
            if (gap.isPresent()) {
                insufficient(gap.get());
                return;
            }
            Optional<TownProfile> profile = years.isEmpty() ? Optional.empty()
                    : profiles.profile(code, years.contains(requestedYear) ? requestedYear : years.get(0));
            profile.ifPresentOrElse(p -> render(p, years), () -> message("profile-not-found", "profile.notFound"));
        } catch (AccessDeniedException denied) {
            message("profile-denied", "profile.denied");
        } catch (UnknownTownException unknown) {
            message("profile-not-found", "profile.notFound");
        }
    }

    /** 数据不足: the coverage rule left the town without a composite; say what is missing. */
    private void insufficient(DataGap gap) {
        add(new H2(getTranslation("profile.title")));
        Locale locale = getLocale();
        Paragraph text = new Paragraph(getTranslation("profile.insufficient", String.valueOf(gap.year()),
                Formats.percent(gap.required() * 100), Formats.percent(gap.coverage() * 100)));
        text.setId("profile-insufficient");
        add(text);
        if (!gap.missing().isEmpty()) {
            add(new Paragraph(getTranslation("profile.insufficient.missing",
                    gap.missing().stream().map(n -> n.in(locale)).collect(Collectors.joining("、")))));
        }
        if (!gap.partial().isEmpty()) {
            add(new Paragraph(getTranslation("profile.insufficient.partial",
                    gap.partial().stream().map(n -> n.in(locale)).collect(Collectors.joining("、")))));
        }
    }

    private void message(String id, String key) {
        add(new H2(getTranslation("profile.title")));
        Paragraph text = new Paragraph(getTranslation(key));
        text.setId(id);
        add(text);
    }

    private void render(TownProfile p, List<Integer> years) {
        ProfileHeader h = p.header();
        townName = h.townName();
        add(titleRow(p, years), subtitle(h), new KeyFigures(p, () -> Optional.of(provenance.ofScores(code))), charts(p),
                new RankDriversPanel(p), standouts(p), similar(p));
        add(new H3(getTranslation("profile.indicators")));
        List<QualityFlag> flags = quality.townFlags(code, p.year());
        add(new IndicatorGrid(p, flags, provenance));
        List<QualityFlag> otherFlags = flags.stream()
                .filter(f -> p.indicators().stream().noneMatch(i -> i.indicatorId().equals(f.itemId()))).toList();
        if (!otherFlags.isEmpty()) {
            Div other = new Div(new Span(getTranslation("profile.otherFlags")));
            other.setId("profile-other-flags");
            UnorderedList list = new UnorderedList();
            otherFlags.forEach(f -> list.add(new ListItem(getTranslation("profile.flagLine",
                    quality.itemName(f.itemId(), getLocale()), getTranslation("quality.flag." + f.flag()),
                    QualityReasons.of(f, getLocale(), (k, a) -> getTranslation(k, a))))));
            other.add(list);
            add(other);
        }
    }

    private Component titleRow(TownProfile p, List<Integer> years) {
        H2 title = new H2(p.header().townName());
        title.setId("profile-title");
        title.getStyle().set("margin", "0");
        Select<Integer> year = new Select<>();
        year.setId("profile-year");
        year.setLabel(getTranslation("profile.year"));
        year.setItems(years);
        year.setItemLabelGenerator(String::valueOf);
        year.setValue(p.year());
        year.setWidth("8em");
        year.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                getUI().ifPresent(ui -> ui.navigate("town/" + code, QueryParameters.of(YEAR, String.valueOf(e.getValue()))));
            }
        });
        ProvenanceMark sources = new ProvenanceMark(getTranslation("profile.sources"),
                () -> Optional.of(provenance.ofScores(code)));
        sources.setId("profile-sources");
        FlexLayout row = wrapping(title, year, sources);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private Component subtitle(ProfileHeader h) {
        Locale locale = getLocale();
        List<String> parts = new ArrayList<>(List.of(h.countyName(), getTranslation("town.type." + h.townType().name()),
                h.cluster() != null ? getTranslation("profile.peer.cluster", String.valueOf(h.cluster()))
                        : getTranslation("profile.peer.type." + h.peerType())));
        if (h.band() != null) {
            parts.add(getTranslation("profile.band", h.band().in(locale)));
        }
        if (h.designatedIn() != null) {
            parts.add(getTranslation("profile.designated", String.valueOf(h.designatedIn())));
        }
        Span subtitle = new Span(String.join(" · ", parts));
        subtitle.setId("profile-subtitle");
        subtitle.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return subtitle;
    }

    private Component charts(TownProfile p) {
        Locale locale = getLocale();
        EChart radar = chart("chart-profile-radar", "360px");
        radar.setOption(ProfileCharts.radar(getTranslation("profile.radar.title"),
                p.dimensions().stream().map(d -> d.name().in(locale)).toList(), p.dimensions(), p.header().townName(),
                getTranslation("profile.radar.peer"), getTranslation("profile.radar.cityP90")));
        EChart history = chart("chart-rank-history", "360px");
        List<RankPoint> points = p.rankHistory();
        history.setOption(ProfileCharts.rankHistory(getTranslation("profile.history.title"),
                points.stream().map(r -> String.valueOf(r.year())).toList(),
                points.stream().map(RankPoint::rank).toList(),
                points.stream().map(RankPoint::rankP5).toList(), points.stream().map(RankPoint::rankP95).toList(),
                points.stream().map(this::pointName).toList(), getTranslation("profile.history.rank"),
                getTranslation("profile.history.interval"), p.header().townsCity()));
        return wrapping(radar, history);
    }

    private String pointName(RankPoint r) {
        return r.rankP5() == null || r.rankP95() == null
                ? getTranslation("profile.history.pointNoInterval", String.valueOf(r.year()), r.rank())
                : getTranslation("profile.history.point", String.valueOf(r.year()), r.rank(),
                        Formats.rankInterval(r.rankP5(), r.rankP95()));
    }

    private Component standouts(TownProfile p) {
        Div strengths = standoutList("profile-strengths", "profile.strengths", p.strengths(STANDOUTS), "profile.standout.above");
        Div weak = standoutList("profile-weak-spots", "profile.weakSpots", p.weakSpots(STANDOUTS), "profile.standout.below");
        return wrapping(strengths, weak);
    }

    private Div standoutList(String id, String titleKey, List<ItemScore> items, String lineKey) {
        UnorderedList list = new UnorderedList();
        if (items.isEmpty()) {
            list.add(new ListItem(getTranslation("profile.standout.none")));
        }
        items.forEach(s -> list.add(new ListItem(getTranslation(lineKey, s.name().in(getLocale()),
                Formats.oneDecimal(s.score()), Formats.oneDecimal(Math.abs(s.gapToPeers()))))));
        Div box = new Div(new H4(getTranslation(titleKey)), list);
        box.setId(id);
        box.getStyle().set("flex", "1 1 320px").set("min-width", "0");
        return box;
    }

    private Component similar(TownProfile p) {
        Div section = new Div(new H3(getTranslation("profile.similar")));
        UnorderedList list = new UnorderedList();
        for (SimilarTown s : p.similar()) {
            ListItem item = new ListItem();
            if (s.mayOpen()) {
                item.add(Links.townProfile(getTranslation("profile.similar.item", s.townName(), s.countyName(),
                        Formats.oneDecimal(s.composite())), s.townCode(), p.year()));
            } else {
                item.add(new Span(getTranslation("profile.similar.itemHidden", s.townName(), s.countyName())));
            }
            list.add(item);
        }
        if (p.similar().isEmpty()) {
            list.add(new ListItem(getTranslation("profile.standout.none")));
        }
        section.add(list);
        section.setId("profile-similar");
        return section;
    }

    static EChart chart(String id, String height) {
        EChart chart = new EChart();
        chart.setId(id);
        chart.setHeight(height);
        chart.getStyle().set("flex", "1 1 320px").set("min-width", "0");
        return chart;
    }

    static FlexLayout wrapping(Component... children) {
        FlexLayout row = new FlexLayout(children);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setWidthFull();
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }
}
