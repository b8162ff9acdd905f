package cn.liaocheng.strongtown.dashboard.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.dashboard.county.CountyRow;
import cn.liaocheng.strongtown.dashboard.county.CountyService;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * The annual city report: the year in figures, the county league table with the commendation
 * candidates (通报表扬: the best counties and the most improved), every designated town's tracking
 * summary and the method in force, from the catalog.
 */
@Component
class AnnualReportBuilder {

    /** City totals quoted in the year in figures. */
    static final List<String> TOTALS = List.of("private_entities", "above_scale_firms", "srdi_firms", "high_tech_firms",
            "private_revenue", "rd_spend");
    /** Counties commended for their level, and for their improvement. */
    static final int TOP_COUNTIES = 3;
    static final int MOST_IMPROVED = 2;

    private final ReportData data;
    private final CountyService counties;
    private final TownRegistry towns;
    private final Translations translations;

    AnnualReportBuilder(ReportData data, CountyService counties, TownRegistry towns, Translations translations) {
        this.data = data;
        this.counties = counties;
        this.towns = towns;
        this.translations = translations;
    }

    ReportDocument build(int year, Locale locale) {
        ReportWording w = new ReportWording(translations, locale);
        Catalog catalog = data.catalog(year);
        ReportSource scored = data.source("scored", catalog);
        ReportSource registry = data.source("registry", catalog);
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(new ReportBlock.Title(w.t("report.doc.annual.title", String.valueOf(year)),
                w.t("report.doc.annual.subtitle")));
        if (data.demo()) {
            blocks.add(new ReportBlock.Note(w.t("report.doc.demo")));
        }

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.annual.figures")));
        double[][] townsAndMean = data.scoredTownsAndMean(year);
        blocks.add(new ReportBlock.Figure(w.t("report.doc.annual.scored", w.count(townsAndMean[0][0]),
                w.score(townsAndMean[1][0])) + (Double.isNaN(townsAndMean[1][1]) ? ""
                : w.t("report.doc.annual.meanBefore", w.score(townsAndMean[1][1]))) + w.t("report.doc.stop"),
                townsAndMean[1][0], scored));
        for (Map.Entry<String, double[]> total : data.cityTotals(year, TOTALS).entrySet()) {
            double[] pair = total.getValue();
            Optional<Indicator> indicator = catalog.indicator(total.getKey());
            var name = indicator.map(Indicator::name).or(() -> catalog.inputs().stream()
                    .filter(i -> i.id().equals(total.getKey())).map(i -> i.name()).findFirst());
            var unit = indicator.map(Indicator::unit).or(() -> catalog.inputs().stream()
                    .filter(i -> i.id().equals(total.getKey())).map(i -> i.unit()).findFirst());
            if (Double.isNaN(pair[0]) || name.isEmpty() || unit.isEmpty()) {
                continue;
            }
            blocks.add(new ReportBlock.Figure(w.t("report.doc.annual.total", w.name(name.get()), w.value(pair[0], unit.get()))
                    + w.yearOnYear(pair[0], Double.isNaN(pair[1]) ? null : pair[1]) + w.t("report.doc.stop"), pair[0],
                    registry));
        }

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.annual.counties")));
        List<CountyRow> league = counties.league(year);
        blocks.add(new ReportBlock.Table(List.of(w.t("report.doc.annual.col.rank"), w.t("report.doc.annual.col.county"),
                w.t("report.doc.annual.col.towns"), w.t("report.doc.annual.col.mean"), w.t("report.doc.annual.col.change"),
                w.t("report.doc.annual.col.rankChange"), w.t("report.doc.annual.col.designated")),
                league.stream().map(c -> List.of(String.valueOf(c.rank()), c.countyName(), String.valueOf(c.towns()),
                        w.score(c.meanComposite()), c.previousMean() == null ? "—"
                                : signed(c.meanComposite() - c.previousMean()),
                        c.rankChange() == null ? "—" : (c.rankChange() > 0 ? "+" : "") + c.rankChange(),
                        String.valueOf(c.designatedTowns()))).toList()));
        blocks.add(new ReportBlock.Chart(countyChart(w, year, league)));
        blocks.add(new ReportBlock.Heading(2, w.t("report.doc.annual.commendation")));
        List<CountyRow> top = commendedForLevel(league);
        List<CountyRow> improved = commendedForProgress(league);
        blocks.add(new ReportBlock.Figure(w.t("report.doc.annual.top", names(top)), null, scored));
        blocks.add(new ReportBlock.Figure(improved.isEmpty() ? w.t("report.doc.annual.noImproved")
                : w.t("report.doc.annual.improved", improved.stream().map(c -> w.t("report.doc.annual.improvedOne",
                c.countyName(), signed(c.meanComposite() - c.previousMean()))).collect(Collectors.joining(w.t("report.doc.listSep")))),
                null, scored));

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.annual.tracking")));
        List<ReportData.Designated> designated = data.designated(year);
        List<String> trackedNames = new ArrayList<>();
        List<Double> completions = new ArrayList<>();
        if (designated.isEmpty()) {
            blocks.add(new ReportBlock.Text(w.t("report.doc.annual.noDesignated"), null));
        }
        for (ReportData.Designated d : designated) {
            Town town = towns.byCode(d.townCode());
            Optional<TrackingSummary> tracking = data.tracking(d.townCode(), year);
            String ranked = d.score() == null ? w.t("report.doc.annual.unscored")
                    : w.t("report.doc.annual.townScore", w.score(d.score()), String.valueOf(d.rank()));
            String plan = tracking.map(t -> w.t("report.doc.annual.townPlan", w.score(t.completionScore()), t.grade()))
                    .orElse(w.t("report.doc.annual.townNoPlan"));
            blocks.add(new ReportBlock.Figure(w.t("report.doc.annual.town", town.name(), town.countyName(),
                    String.valueOf(d.designatedIn()), ranked, plan), d.score(), scored));
            tracking.ifPresent(t -> {
                trackedNames.add(town.name());
                completions.add(t.completionScore());
            });
        }
        if (!trackedNames.isEmpty()) {
            blocks.add(new ReportBlock.Chart(new ReportChart("plan-completion", ReportChart.Kind.BAR,
                    w.t("report.doc.chart.annualPlan"), trackedNames,
                    List.of(new ReportChart.Series(w.t("report.doc.chart.completion"), completions)))));
        }

        blocks.add(new ReportBlock.Heading(1, w.t("report.doc.annual.method")));
        blocks.add(new ReportBlock.Text(methodSummary(w, catalog), null));
        blocks.add(new ReportBlock.Note(w.sourceMark(scored) + (data.demo() ? " " + w.t("report.doc.demo") : "")));
        return new ReportDocument(w.t("report.doc.annual.file", String.valueOf(year)), blocks);
    }

    /** The best counties by mean composite. */
    static List<CountyRow> commendedForLevel(List<CountyRow> league) {
        return league.stream().sorted(Comparator.comparingInt(CountyRow::rank)).limit(TOP_COUNTIES).toList();
    }

    /** The counties whose mean rose most since last year, other than those already commended for level. */
    static List<CountyRow> commendedForProgress(List<CountyRow> league) {
        Set<String> top = commendedForLevel(league).stream().map(CountyRow::countyCode)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return league.stream().filter(c -> c.previousMean() != null && !top.contains(c.countyCode()))
                .filter(c -> c.meanComposite() > c.previousMean())
                .sorted(Comparator.comparingDouble((CountyRow c) -> c.meanComposite() - c.previousMean()).reversed())
                .limit(MOST_IMPROVED).toList();
    }

    private static ReportChart countyChart(ReportWording w, int year, List<CountyRow> league) {
        return new ReportChart("county-means", ReportChart.Kind.BAR, w.t("report.doc.chart.counties"),
                league.stream().map(CountyRow::countyName).toList(), List.of(
                new ReportChart.Series(String.valueOf(year), league.stream().map(CountyRow::meanComposite).toList()),
                new ReportChart.Series(String.valueOf(year - 1), league.stream().map(CountyRow::previousMean).toList())));
    }

    private static String names(List<CountyRow> rows) {
        return rows.stream().map(CountyRow::countyName).collect(Collectors.joining("、"));
    }

    private static String signed(double change) {
        return (change >= 0 ? "+" : "") + Formats.oneDecimal(change);
    }

    /** The method in force, in a paragraph, from the catalog: dimensions and weights, window, growth share. */
    static String methodSummary(ReportWording w, Catalog catalog) {
        String dims = catalog.dimensions().stream().map((Dimension d) -> w.t("report.doc.annual.dimensionWeight",
                w.name(d.name()), Formats.percent(d.weight() * 100))).collect(Collectors.joining(w.t("report.doc.listSep")));
        double growth = catalog.growth() == null ? 0 : catalog.growth().weight();
        return w.t("report.doc.annual.methodText", w.name(catalog.name()), catalog.version(), dims,
                String.valueOf(catalog.indicators().size()), String.valueOf(catalog.normalisationWindowYears()),
                Formats.percent((1 - growth) * 100), Formats.percent(growth * 100));
    }
}
