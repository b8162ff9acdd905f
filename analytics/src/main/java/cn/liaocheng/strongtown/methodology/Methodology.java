package cn.liaocheng.strongtown.methodology;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import cn.liaocheng.strongtown.catalog.Band;
import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Crosscheck;
import cn.liaocheng.strongtown.catalog.Dimension;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.catalog.Normalisation;
import cn.liaocheng.strongtown.uncertainty.RankIntervals;

/**
 * Writes the methodology from the catalog in force, so that the text always states the weights,
 * windows and methods actually used. Chinese by default, English for English locales; the wording
 * lives in {@code methodology.properties} and {@code methodology_en.properties}.
 */
public final class Methodology {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle text;
    private final Locale locale;

    private Methodology(Locale locale) {
        this.locale = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        this.text = ResourceBundle.getBundle("cn.liaocheng.strongtown.methodology.methodology", this.locale, NO_FALLBACK);
    }

    public static MethodologyDocument of(Catalog catalog, Locale locale) {
        return new Methodology(locale).write(catalog);
    }

    /** A message; pass years as text, or MessageFormat groups them ("2,016"). */
    private String t(String key, Object... args) {
        return args.length == 0 ? text.getString(key) : new MessageFormat(text.getString(key), locale).format(args);
    }

    private MethodologyDocument write(Catalog c) {
        List<MethodologyDocument.Section> sections = new ArrayList<>();
        sections.add(section("overview", List.of(t("overview.p1", c.name().in(locale), c.version(), String.valueOf(c.appliesFromYear()),
                c.dimensions().size(), c.indicators().size()), t("overview.p2")), List.of()));
        sections.add(section("sources", List.of(t("sources.p1", count(c, "registry"), count(c, "declared"), count(c, "derived")),
                t("sources.p2")), List.of()));
        sections.add(section("indicators", List.of(t("indicators.p1")), indicatorTable(c)));
        sections.add(section("normalisation", normalisationParagraphs(c), List.of()));
        sections.add(section("growth", List.of(c.growth() == null ? t("growth.none")
                : t("growth.p1", percent(1 - c.growth().weight()), percent(c.growth().weight()), c.growth().years())), List.of()));
        sections.add(section("aggregation", List.of(t("aggregation.p1", method(c.levels().get("dimension")),
                method(c.levels().get("composite"))), dimensionWeights(c), t("aggregation.missing"), coverage(c), floor(c)),
                List.of()));
        sections.add(section("ranks", List.of(t("ranks.p1"), t("ranks.precision", c.ranking().rankDecimals()),
                t("ranks.peers", c.peers().clusters(), c.peers().similar()),
                t("ranks.bands", bands(c)), t("ranks.progress")), List.of()));
        sections.add(section("intervals", List.of(t("intervals.p1", RankIntervals.DEFAULT_DRAWS,
                percent(RankIntervals.DEFAULT_WEIGHT_NOISE))), List.of()));
        sections.add(section("quality", List.of(t("quality.p1", c.quality().jumpZ()), crosschecks(c)), List.of()));
        sections.add(section("counties", List.of(t("counties.p1")), List.of()));
        return new MethodologyDocument(t("title", c.name().in(locale)), sections);
    }

    private MethodologyDocument.Section section(String key, List<String> paragraphs, List<List<String>> table) {
        return new MethodologyDocument.Section(t(key + ".heading"), paragraphs.stream().filter(p -> !p.isBlank()).toList(),
                table);
    }

    private static long count(Catalog c, String source) {
        return c.indicators().stream().filter(i -> source.equals(i.source())).count();
    }

    private List<List<String>> indicatorTable(Catalog c) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(t("col.dimension"), t("col.indicator"), t("col.unit"), t("col.source"), t("col.direction"),
                t("col.weight"), t("col.method")));
        for (Dimension d : c.dimensions()) {
            for (Indicator i : c.indicatorsOf(d.id())) {
                rows.add(List.of(d.name().in(locale) + " (" + percent(d.weight()) + ")", i.name().in(locale),
                        i.unit().in(locale), t("source." + i.source()), t("direction." + i.direction()),
                        percent(i.weight()), describe(i)));
            }
        }
        return rows;
    }

    /** E.g. "ln(1+x) · min–max · 70/30 level and growth". */
    private String describe(Indicator i) {
        List<String> parts = new ArrayList<>();
        if (!"none".equals(i.transform())) {
            parts.add(t("transform." + i.transform()));
        }
        if (i.winsorise() != null) {
            parts.add(i.winsorise().sd() != null ? t("winsorise.sd", i.winsorise().sd())
                    : t("winsorise.q", percent(i.winsorise().lower()), percent(i.winsorise().upper())));
        }
        Normalisation n = i.normalise();
        parts.add(t("method." + n.method(), n.min(), n.max(), n.ref(), n.allowed(), n.satisfactory(), n.target(),
                n.ceiling(), n.floor()));
        if (i.growth()) {
            parts.add(t("growth.short"));
        }
        return String.join(" · ", parts);
    }

    private List<String> normalisationParagraphs(Catalog c) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(t("normalisation.p1", c.normalisationWindowYears()));
        c.indicators().stream().map(i -> i.normalise().method()).distinct().sorted()
                .forEach(m -> paragraphs.add(t("normalisation." + m)));
        paragraphs.add(t("normalisation.direction"));
        return paragraphs;
    }

    private String dimensionWeights(Catalog c) {
        return t("aggregation.weights", c.dimensions().stream()
                .map(d -> d.name().in(locale) + " " + percent(d.weight())).collect(Collectors.joining(locale == Locale.ENGLISH ? ", " : "、")));
    }

    private String coverage(Catalog c) {
        return t("aggregation.coverage", percent(c.ranking().minCoverage("composite")),
                percent(c.ranking().minCoverage("group")), percent(c.ranking().minCoverage("dimension")));
    }

    /** The geometric floor, only where a geometric mean is used (else an empty paragraph is left out). */
    private String floor(Catalog c) {
        return c.usesGeometricMean() ? t("aggregation.floor", String.valueOf(c.geometricFloorValue())) : "";
    }

    private String bands(Catalog c) {
        return c.bands().stream().map((Band b) -> b.name().in(locale) + " ≥ " + b.min())
                .collect(Collectors.joining(locale == Locale.ENGLISH ? "; " : "；"));
    }

    private String crosschecks(Catalog c) {
        List<String> checks = new ArrayList<>();
        c.indicators().stream().filter(i -> i.crosscheck() != null)
                .forEach(i -> checks.add(check(i.name().in(locale), i.crosscheck())));
        c.inputs().stream().filter(i -> i.crosscheck() != null)
                .forEach(i -> checks.add(check(i.name().in(locale), i.crosscheck())));
        return checks.isEmpty() ? t("quality.nocrosscheck") : t("quality.crosscheck", String.join("; ", checks));
    }

    private String check(String name, Crosscheck x) {
        return name + " ↔ " + x.measure() + " (±" + percent(x.tolerance()) + ")";
    }

    private String method(String method) {
        return t("aggregation." + method);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
