package cn.liaocheng.strongtown.dashboard.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The typical-experience report (典型经验材料) of a designated town and year, written as such materials
 * are: a two-line title, 基本情况 with key figures, sections each with 主要做法 (narrative written by
 * staff) and 取得成效 (figures from the snapshot), the construction plan's completion and a closing
 * 经验启示. Every figure carries its source.
 */
@Component
class TownReportBuilder {

    /** Narrative part keys: the editable main title, each section's practice, the closing lessons. */
    static final String TITLE = "title";
    static final String LESSONS = "lessons";

    /** One section of the report: its dimension and the indicators its 取得成效 quotes. */
    record SectionSpec(String key, String dimension, List<String> indicators) {
        String narrativeKey() {
            return "practice." + key;
        }
    }

    static final List<SectionSpec> SECTIONS = List.of(
            new SectionSpec("market", "strength", List.of("private_entities", "above_scale_firms", "private_tax_revenue")),
            new SectionSpec("innovation", "innovation", List.of("high_tech_firms", "srdi_firms", "rd_spend")),
            new SectionSpec("finance", "finance", List.of("private_loan_balance", "listed_firms", "guarantee_balance")),
            new SectionSpec("services", "services", List.of("request_closure_rate", "sme_service_platforms",
                    "entrepreneur_training")));
    /** Key figures of 基本情况. */
    static final List<String> BASICS = List.of("private_entities", "above_scale_firms", "private_revenue",
            "private_tax_revenue", "rd_spend");
    /** The plan section, written from the tracking results. */
    static final String PLAN = "plan";

    /** Every narrative key of a town report, in document order. */
    static List<String> narrativeKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(TITLE);
        SECTIONS.forEach(s -> keys.add(s.narrativeKey()));
        keys.add("practice." + PLAN);
        keys.add(LESSONS);
        return keys;
    }

    private final ReportData data;
    private final TownRegistry towns;
    private final Translations translations;

    TownReportBuilder(ReportData data, TownRegistry towns, Translations translations) {
        this.data = data;
        this.towns = towns;
        this.translations = translations;
    }

    /** The report, or empty if the town has no composite score in the year. */
    Optional<ReportDocument> build(String townCode, int year, Map<String, String> narratives, Locale locale) {
        Town town = towns.byCode(townCode);
        Optional<ReportData.Composite> found = data.composite(townCode, year);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReportData.Composite composite = found.get();
        ReportWording w = new ReportWording(translations, locale);
        Catalog catalog = data.catalog(year);
        ReportSource scored = data.source("scored", catalog);
        Map<String, ReportData.Value> values = data.values(townCode, year);
        Map<String, Integer> ranks = data.indicatorRanks(townCode, year);
        List<ReportData.DimensionScore> dimensions = data.dimensions(townCode, year, composite);
        Optional<TrackingSummary> tracking = data.tracking(townCode, year);

        List<ReportBlock> blocks = new ArrayList<>();
        String defaultTitle = w.t("report.doc.town.title", town.name());
        blocks.add(new ReportBlock.Title(narratives.getOrDefault(TITLE, defaultTitle).isBlank() ? defaultTitle
                : narratives.getOrDefault(TITLE, defaultTitle),
                w.t("report.doc.town.subtitle", town.countyName(), town.name(), String.valueOf(year))));
        if (data.demo()) {
            blocks.add(new ReportBlock.Note(w.t("report.doc.demo")));
        }

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.basics")));
        String change = composite.rankChange() == null || composite.rankChange() == 0 ? ""
                : w.t(composite.rankChange() > 0 ? "report.doc.rankUp" : "report.doc.rankDown",
                String.valueOf(Math.abs(composite.rankChange())));
        String designated = composite.designatedIn() == null ? ""
                : w.t("report.doc.designatedIn", String.valueOf(composite.designatedIn()));
        blocks.add(new ReportBlock.Figure(w.t("report.doc.town.composite", town.name(), town.countyName(),
                String.valueOf(year), w.score(composite.score()), String.valueOf(composite.rank()),
                String.valueOf(composite.towns()), change, designated), composite.score(), scored));
        for (String id : BASICS) {
            figure(w, catalog, id, values, ranks, data).ifPresent(blocks::add);
        }

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.practices")));
        int n = 0;
        for (SectionSpec spec : SECTIONS) {
            n++;
            blocks.add(new ReportBlock.Heading(2, w.t("report.doc.section.numbered", chineseOrdinal(n, w.locale()),
                    w.t("report.doc.section." + spec.key()))));
            blocks.add(narrative(w, narratives, spec.narrativeKey(), "report.doc.practice"));
            blocks.add(new ReportBlock.Text(w.t("report.doc.results"), null));
            catalog.dimension(spec.dimension()).ifPresent(d -> dimensionFigure(w, d, dimensions, scored).ifPresent(blocks::add));
            for (String id : spec.indicators()) {
                figure(w, catalog, id, values, ranks, data).ifPresent(blocks::add);
            }
        }
        n++;
        blocks.add(new ReportBlock.Heading(2, w.t("report.doc.section.numbered", chineseOrdinal(n, w.locale()),
                w.t("report.doc.section." + PLAN))));
        blocks.add(narrative(w, narratives, "practice." + PLAN, "report.doc.practice"));
        blocks.add(new ReportBlock.Text(w.t("report.doc.results"), null));
        blocks.addAll(planBlocks(w, tracking, data.source("tracking", catalog)));

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.charts")));
        blocks.add(new ReportBlock.Chart(rankHistoryChart(w, data.rankHistory(townCode, year))));
        blocks.add(new ReportBlock.Chart(dimensionChart(w, catalog, dimensions)));
        tracking.ifPresent(t -> blocks.add(new ReportBlock.Chart(planChart(w, t))));

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.lessons")));
        blocks.add(narrative(w, narratives, LESSONS, "report.doc.lessonsPlaceholder"));
        blocks.add(new ReportBlock.Note(w.sourceMark(scored) + (data.demo() ? " " + w.t("report.doc.demo") : "")));
        return Optional.of(new ReportDocument(w.t("report.doc.town.file", town.countyName(), town.name(),
                String.valueOf(year)), blocks));
    }

    private static ReportBlock narrative(ReportWording w, Map<String, String> narratives, String key, String placeholder) {
        String text = narratives.get(key);
        return new ReportBlock.Text(text == null || text.isBlank() ? w.t(placeholder) : text, key);
    }

    /** One indicator as a sentence: value in its unit, 同比 and city rank; empty if the snapshot has no value. */
    static Optional<ReportBlock> figure(ReportWording w, Catalog catalog, String id, Map<String, ReportData.Value> values,
                                        Map<String, Integer> ranks, ReportData data) {
        ReportData.Value v = values.get(id);
        if (v == null || v.now() == null) {
            return Optional.empty();
        }
        var name = catalog.indicator(id).map(Indicator::name)
                .or(() -> catalog.inputs().stream().filter(i -> i.id().equals(id)).map(i -> i.name()).findFirst());
        var unit = catalog.indicator(id).map(Indicator::unit)
                .or(() -> catalog.inputs().stream().filter(i -> i.id().equals(id)).map(i -> i.unit()).findFirst());
        if (name.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        String text = w.t("report.doc.figure", w.name(name.get()), w.value(v.now(), unit.get()))
                + w.yearOnYear(v.now(), v.before()) + w.cityRank(ranks.get(id)) + w.t("report.doc.stop");
        return Optional.of(new ReportBlock.Figure(text, v.now(),
                data.source("declared".equals(v.origin()) ? "declared" : "registry", catalog)));
    }

    private static Optional<ReportBlock> dimensionFigure(ReportWording w, Dimension d,
                                                         List<ReportData.DimensionScore> dimensions, ReportSource source) {
        return dimensions.stream().filter(s -> s.id().equals(d.id()) && s.score() != null).findFirst().map(s -> {
            String peers = s.peerMedian() == null ? "" : w.t(s.score() >= s.peerMedian() ? "report.doc.abovePeers"
                    : "report.doc.belowPeers", w.score(Math.abs(s.score() - s.peerMedian())));
            return new ReportBlock.Figure(w.t("report.doc.dimension", w.name(d.name()), w.score(s.score()))
                    + peers + w.cityRank(s.rank()) + w.t("report.doc.stop"), s.score(), source);
        });
    }

    /** The plan-completion sentences from the tracking record, or the honest statement that none is recorded. */
    static List<ReportBlock> planBlocks(ReportWording w, Optional<TrackingSummary> tracking, ReportSource source) {
        if (tracking.isEmpty()) {
            return List.of(new ReportBlock.Text(w.t("report.doc.noPlan"), null));
        }
        TrackingSummary t = tracking.get();
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(new ReportBlock.Figure(w.t("report.doc.planCompletion", w.score(t.completionScore()), t.grade()),
                t.completionScore(), source));
        List<List<String>> rows = t.targets().stream().map(r -> List.of(r.name(), r.unit(),
                r.target() == null ? "—" : w.count(r.target()), r.actual() == null ? "—" : w.count(r.actual()),
                r.ratio() == null ? "—" : cn.liaocheng.strongtown.dashboard.i18n.Formats.percent(r.ratio() * 100))).toList();
        blocks.add(new ReportBlock.Table(List.of(w.t("report.doc.plan.target"), w.t("report.doc.plan.unit"),
                w.t("report.doc.plan.planned"), w.t("report.doc.plan.actual"), w.t("report.doc.plan.ratio")), rows));
        return blocks;
    }

    static ReportChart rankHistoryChart(ReportWording w, List<ReportData.RankPoint> history) {
        return new ReportChart("rank-history", ReportChart.Kind.LINE, w.t("report.doc.chart.rankHistory"),
                history.stream().map(p -> String.valueOf(p.year())).toList(),
                List.of(new ReportChart.Series(w.t("report.doc.chart.cityRank"),
                        history.stream().map(p -> (double) p.rank()).toList())));
    }

    static ReportChart dimensionChart(ReportWording w, Catalog catalog, List<ReportData.DimensionScore> dimensions) {
        List<String> names = dimensions.stream().map(d -> catalog.dimension(d.id()).map(x -> w.name(x.name())).orElse(d.id()))
                .toList();
        return new ReportChart("dimensions", ReportChart.Kind.BAR, w.t("report.doc.chart.dimensions"), names, List.of(
                new ReportChart.Series(w.t("report.doc.chart.town"), dimensions.stream().map(ReportData.DimensionScore::score).toList()),
                new ReportChart.Series(w.t("report.doc.chart.peerMedian"),
                        dimensions.stream().map(ReportData.DimensionScore::peerMedian).toList())));
    }

    static ReportChart planChart(ReportWording w, TrackingSummary t) {
        return new ReportChart("plan-completion", ReportChart.Kind.BAR, w.t("report.doc.chart.plan"),
                t.targets().stream().map(TrackingSummary.Target::name).toList(),
                List.of(new ReportChart.Series(w.t("report.doc.chart.ratio"),
                        t.targets().stream().map(r -> r.ratio() == null ? null : r.ratio() * 100).toList())));
    }

    /** 一、二、三 … for Chinese, 1, 2, 3 otherwise. */
    static String chineseOrdinal(int n, Locale locale) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        return "zh".equals(locale.getLanguage()) && n <= 10 ? digits[n] : String.valueOf(n);
    }
}
