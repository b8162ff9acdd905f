package cn.liaocheng.strongtown.dashboard.tracking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.liaocheng.strongtown.catalog.Catalog;
import cn.liaocheng.strongtown.catalog.Indicator;
import cn.liaocheng.strongtown.collection.Finding;
import cn.liaocheng.strongtown.collection.UploadedFile;
import cn.liaocheng.strongtown.collection.ValidationReport;
import cn.liaocheng.strongtown.collection.reading.WorkbookInput;
import cn.liaocheng.strongtown.dashboard.audit.AuditAction;
import cn.liaocheng.strongtown.dashboard.audit.AuditEntry;
import cn.liaocheng.strongtown.dashboard.lake.LakePreparation;
import cn.liaocheng.strongtown.dashboard.lake.MartReader;
import cn.liaocheng.strongtown.dashboard.methodology.PublishedCatalog;
import cn.liaocheng.strongtown.dashboard.security.Access;
import cn.liaocheng.strongtown.dashboard.security.CountyScope;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.StrongTownUser;
import cn.liaocheng.strongtown.synth.Panel;
import cn.liaocheng.strongtown.town.Town;
import cn.liaocheng.strongtown.town.TownRegistry;

/**
 * Tracking of designated towns (强镇跟踪): construction plans and their completion, the designation effect
 * (synthetic control against never-designated towns; event study against matched peers), and cohorts.
 * City-wide roles see every designated town; county staff only their own county's (checked here, not only in
 * the views). Plans are edited by the city office and by the town's county.
 *
 * <p>Public API for other features (stable): {@link #summary(String, int)}.
 */
@Service
@PreAuthorize(Access.LEAGUE_READERS)
public class TrackingService {

    /** Plan editors: the city office and county staff (own county's towns only). */
    public static final String PLAN_EDITORS = "hasAnyRole('OFFICE', 'COUNTY')";
    /** The composite item id. */
    public static final String COMPOSITE = Catalog.COMPOSITE;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Matched peers of the event study: similar towns never designated, padded by nearest pre-period level. */
    static final int MATCHED_PEERS = 8;

    private final MartReader marts;
    private final TownRegistry towns;
    private final PublishedCatalog catalogs;
    private final CountyScope scope;
    private final CurrentUser currentUser;
    private final PlanRepository plans;
    private final TrackingSettings settings;
    private final LakePreparation preparation;
    private final ApplicationEventPublisher events;
    private final I18NProvider i18n;
    private final Clock clock;
    private final Map<String, EffectEstimator> estimators = new ConcurrentHashMap<>();

    public TrackingService(MartReader marts, TownRegistry towns, PublishedCatalog catalogs, CountyScope scope,
                           CurrentUser currentUser, PlanRepository plans, Optional<TrackingSettings> settings,
                           LakePreparation preparation, ApplicationEventPublisher events, I18NProvider i18n) {
        this.marts = marts;
        this.towns = towns;
        this.catalogs = catalogs;
        this.scope = scope;
        this.currentUser = currentUser;
        this.plans = plans;
        this.settings = settings.orElse(TrackingSettings.defaults());
        this.preparation = preparation;
        this.events = events;
        this.i18n = i18n;
        this.clock = Clock.system(ZONE);
    }

    /** Designation years with towns, newest first. */
    public List<Integer> cohortYears() {
        return designations().values().stream().distinct().sorted((a, b) -> b - a).toList();
    }

    /** Items the effect and cohort charts can show: the composite, then dimensions, then indicators. */
    public List<String> items() {
        List<String> items = new ArrayList<>();
        items.add(COMPOSITE);
        Catalog catalog = catalogs.newest();
        catalog.dimensions().forEach(d -> items.add(d.id()));
        catalog.indicators().forEach(i -> items.add(i.id()));
        return items;
    }

    /** The item's display name (zh or en) and unit. */
    public String itemName(String item, Locale locale) {
        if (COMPOSITE.equals(item)) {
            return i18n.getTranslation("tracking.item.composite", locale);
        }
        return catalogs.itemName(item, locale).orElse(item);
    }

    /**
     * A plan row's name with its unit, in the locale: catalog indicators by the catalog's names, free-text
     * targets as they were entered.
     */
    public String targetName(PlanTarget target, Locale locale) {
        Optional<Indicator> named = target.fromCatalog() ? catalogs.newest().indicator(target.indicatorId()) : Optional.empty();
        if (named.isPresent()) {
            var indicator = named.get();
            String unit = indicator.unit() == null ? "" : indicator.unit().in(locale);
            return withUnit(indicator.name().in(locale), unit, locale);
        }
        return withUnit(target.label() == null ? "" : target.label(), target.unit() == null ? "" : target.unit(), locale);
    }

    private String withUnit(String name, String unit, Locale locale) {
        return unit.isEmpty() ? name : i18n.getTranslation("tracking.withUnit", locale, name, unit);
    }

    /** Every designated town the caller may see, newest cohort first, with completion and composite effect. */
    public List<TrackedTown> towns() {
        String county = scope.restrict(null);
        List<TrackedTown> list = new ArrayList<>();
        Map<String, Integer> designated = new LinkedHashMap<>(designations());
        designated.keySet().removeIf(code -> towns.find(code).isEmpty()
                || (county != null && !county.equals(towns.byCode(code).countyCode())));
        Map<String, EffectEstimate> effects = effects(designated);
        for (Map.Entry<String, Integer> d : designated.entrySet()) {
            Town town = towns.byCode(d.getKey());
            list.add(tracked(town, d.getValue(), completion(town.code(), d.getValue()), effects.get(town.code())));
        }
        list.sort((a, b) -> a.designatedIn() != b.designatedIn() ? b.designatedIn() - a.designatedIn()
                : a.townCode().compareTo(b.townCode()));
        return list;
    }

    /** One designated town's page: plan completion, effect on {@code item}, event study; empty if not designated. */
    public Optional<TownTracking> town(String townCode, String item) {
        Town town = visibleTown(townCode);
        Integer year = designations().get(townCode);
        if (year == null) {
            return Optional.empty();
        }
        String shown = item == null || !items().contains(item) ? COMPOSITE : item;
        PlanCompletion completion = completion(townCode, year);
        EffectEstimate composite = effect(COMPOSITE, townCode, year);
        EffectEstimate effect = shown.equals(COMPOSITE) ? composite : effect(shown, townCode, year);
        return Optional.of(new TownTracking(tracked(town, year, completion, composite), completion, effect,
                eventStudy(shown, townCode, year), shown, mayEdit(town)));
    }

    /**
     * The stable summary for reports: completion of {@code year} (score, grade, rows) and the composite's
     * designation effect with its p-value and warnings. Empty if the town is not designated.
     */
    public Optional<TrackingSummary> summary(String townCode, int year) {
        Town town = visibleTown(townCode);
        Integer designatedIn = designations().get(townCode);
        if (designatedIn == null) {
            return Optional.empty();
        }
        PlanCompletion completion = completion(townCode, designatedIn);
        YearCompletion y = completion.years().stream().filter(c -> c.year() == year).findFirst().orElse(null);
        List<TargetProgress> rows = completion.rows().stream().map(r -> new TargetProgress(r.target(), r.label(),
                r.unit(), filter(r.actuals(), year), filter(r.scores(), year))).toList();
        EffectEstimate effect = effect(COMPOSITE, townCode, designatedIn);
        return Optional.of(new TrackingSummary(townCode, town.name(), designatedIn, year, y == null ? null : y.score(),
                y == null ? null : y.grade(), y != null && y.score() != null && y.score() < settings.passMark(), rows,
                effect.estimated() ? effect.averageEffect() : null, effect.pValue(), effect.warnings()));
    }

    /** Each cohort against all other towns: mean and inter-quartile band of the item by year. */
    public List<CohortSeries> cohorts(String item) {
        String shown = item == null || !items().contains(item) ? COMPOSITE : item;
        Panel panel = estimator(shown).panel();
        Map<String, Integer> designated = designations();
        List<Integer> years = Arrays.stream(panel.times()).boxed().toList();
        List<CohortSeries> series = new ArrayList<>();
        for (int cohort : new TreeSet<>(designated.values())) {
            List<String> members = designated.entrySet().stream().filter(e -> e.getValue() == cohort)
                    .map(Map.Entry::getKey).filter(panel::hasUnit).toList();
            List<String> others = panel.units().stream().filter(u -> !Objects.equals(designated.get(u), cohort)).toList();
            List<List<Double>> c = stats(panel, members, years);
            List<List<Double>> o = stats(panel, others, years);
            series.add(new CohortSeries(cohort, members.size(), years, c.get(0), c.get(1), c.get(2), o.get(0), o.get(1),
                    o.get(2)));
        }
        return series;
    }

    /** Whether the caller may edit the town's plan (office; county staff for their own county). */
    public boolean mayEditPlan(String townCode) {
        return mayEdit(visibleTown(townCode));
    }

    /** Saved versions of the town's plan, newest first. */
    public List<PlanVersion> planVersions(String townCode) {
        visibleTown(townCode);
        return plans.versions(townCode);
    }

    /**
     * Saves the rows as the town's next plan version (audited). Rows are checked first; a problem is reported in
     * Chinese (row, column, reason) and nothing is saved.
     */
    @PreAuthorize(PLAN_EDITORS)
    public int savePlan(String townCode, List<PlanTarget> rows) {
        Town town = visibleTown(townCode);
        if (!mayEdit(town)) {
            throw new AccessDeniedException("无权编辑 " + town.name() + " 的建设方案");
        }
        Integer designatedIn = designations().get(townCode);
        if (designatedIn == null) {
            throw new PlanValidationException(List.of(PlanProblem.of(0, null, null, "tracking.problem.notDesignated",
                    town.name())));
        }
        PlanValidation.check(rows, designatedIn, settings.periodYears(), catalogs.newest());
        StrongTownUser user = currentUser.require();
        int version = plans.save(townCode, rows, user.getUsername(), clock.instant());
        events.publishEvent(AuditEntry.of(user.getUsername(), AuditAction.PLAN_SAVED,
                townCode + " " + town.name() + " v" + version + " (" + rows.size() + ")"));
        return version;
    }

    /** Marks the town's yearly report as submitted (audited). */
    @PreAuthorize(PLAN_EDITORS)
    public void submitReport(String townCode, int year) {
        Town town = visibleTown(townCode);
        if (!mayEdit(town)) {
            throw new AccessDeniedException("无权提交 " + town.name() + " 的年度报告");
        }
        StrongTownUser user = currentUser.require();
        plans.submitReport(townCode, year, user.getUsername(), clock.instant());
        events.publishEvent(AuditEntry.of(user.getUsername(), AuditAction.PLAN_REPORT_SUBMITTED,
                townCode + " " + town.name() + " " + year));
    }

    /**
     * The plan workbook of the town to fill in (.xlsx): its current plan (saved, or the demo plan) pre-filled, one
     * column per plan year, a sheet for declared actuals of free-text targets. Office, or the town's county.
     */
    @PreAuthorize(PLAN_EDITORS)
    public byte[] planTemplate(String townCode) {
        Town town = editableTown(townCode);
        int designatedIn = designatedIn(town);
        PlanCompletion current = completion(townCode, designatedIn);
        return PlanWorkbook.write(townCode, town.name(), town.countyName(), designatedIn, settings.periodYears(), catalogs.newest(),
                current.hasPlan() ? current.plan().targets() : List.of());
    }

    /** The template's file name, e.g. {@code 建设方案-郭屯镇-371522102000.xlsx}. */
    @PreAuthorize(PLAN_EDITORS)
    public String planTemplateName(String townCode) {
        Town town = editableTown(townCode);
        return "建设方案-" + town.name() + "-" + town.code() + ".xlsx";
    }

    /**
     * Imports a filled plan workbook as the town's next plan version. The file is checked by content and size as
     * the yearly upload is, then every sheet, row and cell; any error → nothing is saved and the report (in the
     * locale) says where and why. An accepted workbook is kept by its SHA-256 with the version, and audited.
     */
    @PreAuthorize(PLAN_EDITORS)
    public PlanImport importPlan(String townCode, String fileName, byte[] content, Locale locale) {
        Town town = editableTown(townCode);
        int designatedIn = designatedIn(town);
        UploadedFile file = UploadedFile.of(fileName, content);
        String where = i18n.getTranslation("tracking.import.file", locale);
        Optional<String> rejected = WorkbookInput.rejection(file);
        if (rejected.isPresent()) {
            return PlanImport.rejected(new ValidationReport(file.originalName(), file.sha256(), List.of(Finding.error(
                    where, null, null, null, i18n.getTranslation("tracking.import.rejected", locale, rejected.get())))));
        }
        WorkbookInput.Opened opened = WorkbookInput.open(file.content());
        if (opened.workbook() == null) {
            return PlanImport.rejected(new ValidationReport(file.originalName(), file.sha256(), List.of(Finding.error(
                    where, null, null, null, i18n.getTranslation("tracking.import.rejected", locale, opened.problem())))));
        }
        PlanWorkbook.Read read;
        try (var wb = opened.workbook()) {
            read = PlanWorkbook.read(wb, townCode, designatedIn, settings.periodYears(), catalogs.newest(), i18n, locale);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ValidationReport report = new ValidationReport(file.originalName(), file.sha256(), read.findings());
        if (read.hasErrors()) {
            return PlanImport.rejected(report);
        }
        StrongTownUser user = currentUser.require();
        int version = plans.save(townCode, read.rows(), user.getUsername(), clock.instant(),
                new PlanRepository.Source(file.sha256(), file.originalName(), file.content()));
        events.publishEvent(AuditEntry.of(user.getUsername(), AuditAction.PLAN_SAVED, townCode + " " + town.name() + " v"
                + version + " (" + read.rows().size() + ") xlsx sha256 " + file.sha256()));
        return new PlanImport(report, version);
    }

    /**
     * Designated towns behind plan (newest grade 不合格) or with an overdue yearly report, for the overview's flag;
     * county staff get only their own county's. Cheap: no effect is estimated, and the city's list is computed once
     * per snapshot, plan write and day ({@link #cityPlanAlerts}), then narrowed to the caller's county.
     */
    public List<PlanAlert> planAlerts() {
        String county = scope.restrict(null);
        List<PlanAlert> city = cityPlanAlerts();
        if (county == null) {
            return city;
        }
        return city.stream().filter(a -> towns.find(a.townCode()).map(t -> county.equals(t.countyCode())).orElse(false))
                .toList();
    }

    /** What the city's plan alerts depend on: the snapshot, the plans and reports written, today and the demo flag. */
    private record AlertsKey(String snapshot, long planWrites, LocalDate today, boolean demo) {
    }

    private record CachedAlerts(AlertsKey key, List<PlanAlert> alerts) {
    }

    private volatile CachedAlerts alertCache;

    /**
     * Every designated town's alert, kept until the snapshot, a plan or report, the day or the demo flag changes: the
     * overview asks on every open and year change, and computing it reads each town's newest plan in its own
     * workflow-database transaction (the soak's slowest page, R3). One thread computes; the others wait for it.
     */
    private List<PlanAlert> cityPlanAlerts() {
        // the write count is read first: a plan saved while computing raises it, so the next call recomputes
        AlertsKey key = new AlertsKey(marts.currentSnapshot().orElse(""), plans.writeCount(), LocalDate.now(clock),
                preparation.demo());
        CachedAlerts cached = alertCache;
        if (cached != null && cached.key().equals(key)) {
            return cached.alerts();
        }
        synchronized (this) {
            cached = alertCache;
            if (cached != null && cached.key().equals(key)) {
                return cached.alerts();
            }
            List<PlanAlert> alerts = computePlanAlerts();
            alertCache = new CachedAlerts(key, alerts);
            return alerts;
        }
    }

    private List<PlanAlert> computePlanAlerts() {
        List<PlanAlert> alerts = new ArrayList<>();
        // read once, not once per town: the overview asks on every open and year change (soak R3)
        Map<String, Map<Integer, java.time.Instant>> reports = plans.reports();
        Map<String, ConstructionPlan> saved = plans.latestOfAll();
        for (Map.Entry<String, Integer> d : designations().entrySet()) {
            Optional<Town> found = towns.find(d.getKey());
            if (found.isEmpty()) {
                continue;
            }
            Town town = found.get();
            PlanCompletion c = completion(town.code(), d.getValue(), reports, Optional.ofNullable(saved.get(town.code())));
            List<Integer> overdue = c.years().stream().filter(YearCompletion::overdue).map(YearCompletion::year).toList();
            if (c.behindPlan() || !overdue.isEmpty()) {
                alerts.add(new PlanAlert(town.code(), town.name(), town.countyName(), d.getValue(), c.latestScore(),
                        c.latestGrade(), c.behindPlan(), overdue, c.hasPlan() && c.plan().demo()));
            }
        }
        alerts.sort(java.util.Comparator.comparing(PlanAlert::townCode));
        return List.copyOf(alerts);
    }

    /** Catalog indicators a plan row may name: id → name (zh) and unit (zh). */
    public Map<String, String> planIndicators(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Indicator i : catalogs.newest().indicators()) {
            names.put(i.id(), withUnit(i.name().in(locale), i.unit() == null ? "" : i.unit().in(locale), locale));
        }
        return names;
    }

    /** The number of designated towns and the seconds taken to estimate every composite effect with placebos. */
    public double[] estimateAll() {
        long start = System.nanoTime();
        Map<String, Integer> designated = designations();
        effects(designated);
        return new double[] {designated.size(), (System.nanoTime() - start) / 1e9,
            estimator(COMPOSITE).placeboFits()};
    }

    // ---------------------------------------------------------------------------------------------------------

    private Town visibleTown(String townCode) {
        Town town = towns.byCode(townCode);
        scope.restrict(town.countyCode());
        return town;
    }

    private Town editableTown(String townCode) {
        Town town = visibleTown(townCode);
        if (!mayEdit(town)) {
            throw new AccessDeniedException("no plan editing for " + townCode);
        }
        return town;
    }

    private int designatedIn(Town town) {
        Integer designatedIn = designations().get(town.code());
        if (designatedIn == null) {
            throw new PlanValidationException(List.of(PlanProblem.of(0, null, null, "tracking.problem.notDesignated",
                    town.name())));
        }
        return designatedIn;
    }

    private boolean mayEdit(Town town) {
        return currentUser.get().map(u -> switch (u.role()) {
            case OFFICE -> true;
            case COUNTY -> Objects.equals(u.countyCode(), town.countyCode());
            default -> false;
        }).orElse(false);
    }

    private TrackedTown tracked(Town town, int year, PlanCompletion completion, EffectEstimate effect) {
        boolean overdue = completion.years().stream().anyMatch(YearCompletion::overdue);
        return new TrackedTown(town.code(), town.name(), town.countyCode(), town.countyName(), year,
                latestComposite(town.code()), completion.latestScore(), completion.latestGrade(),
                completion.behindPlan(), overdue, effect.estimated() ? effect.averageEffect() : null, effect.pValue(),
                effect.confident());
    }

    private Double latestComposite(String townCode) {
        Panel panel = estimator(COMPOSITE).panel();
        int[] times = panel.times();
        for (int i = times.length - 1; i >= 0; i--) {
            double v = panel.value(townCode, EffectEstimator.OUTCOME, times[i]);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        return null;
    }

    PlanCompletion completion(String townCode, int designatedIn) {
        return completion(townCode, designatedIn, plans.reports());
    }

    private PlanCompletion completion(String townCode, int designatedIn, Map<String, Map<Integer, java.time.Instant>> reports) {
        return completion(townCode, designatedIn, reports, plans.latest(townCode));
    }

    private PlanCompletion completion(String townCode, int designatedIn, Map<String, Map<Integer, java.time.Instant>> reports,
                                      Optional<ConstructionPlan> saved) {
        int lastYear = marts.scoredYears().stream().findFirst().orElse(designatedIn);
        java.util.function.BiFunction<String, Integer, Double> actuals = indicatorValues(townCode);
        ConstructionPlan plan = saved.orElseGet(() -> preparation.demo()
                ? DemoPlans.plan(townCode, designatedIn, settings.periodYears(), lastYear, actuals)
                : null);
        if (plan == null) {
            return PlanCompletion.none();
        }
        Map<String, String[]> labels = new HashMap<>();
        for (Indicator i : catalogs.newest().indicators()) {
            labels.put(i.id(), new String[] {i.name().zh(), i.unit() == null ? "" : i.unit().zh()});
        }
        return CompletionCalculator.of(plan, designatedIn, settings, actuals,
                reports.getOrDefault(townCode, Map.of()), LocalDate.now(clock), lastYear, labels);
    }

    /** (indicator, year) → the town's value in the snapshot, NaN where absent. */
    private java.util.function.BiFunction<String, Integer, Double> indicatorValues(String townCode) {
        Map<String, Double> values = new HashMap<>();
        marts.cachedQuery("SELECT indicator_id, year, value FROM {indicator_values} WHERE town_code = ? "
                + "AND value IS NOT NULL", rs -> new Object[] {rs.getString(1) + "|" + rs.getInt(2), rs.getDouble(3)},
                townCode).forEach(r -> values.put((String) r[0], (Double) r[1]));
        return (indicator, year) -> values.getOrDefault(indicator + "|" + year, Double.NaN);
    }

    /** The composite's effect for many towns, estimated in parallel (towns of a cohort share their placebos). */
    private Map<String, EffectEstimate> effects(Map<String, Integer> designated) {
        Map<String, String> names = new HashMap<>();
        towns.towns().forEach(t -> names.put(t.code(), t.name()));
        return estimator(COMPOSITE).estimateAll(COMPOSITE, designated, town -> donors(estimator(COMPOSITE), town), names);
    }

    private EffectEstimate effect(String item, String townCode, int designatedIn) {
        EffectEstimator estimator = estimator(item);
        Map<String, String> names = new HashMap<>();
        towns.towns().forEach(t -> names.put(t.code(), t.name()));
        return estimator.estimate(item, townCode, designatedIn, donors(estimator, townCode), names);
    }

    /** Never-designated towns of the panel; with {@code peer-donors-only}, only those of the town's cluster. */
    private List<String> donors(EffectEstimator estimator, String townCode) {
        Set<String> designated = designations().keySet();
        List<String> donors = estimator.panel().units().stream().filter(u -> !designated.contains(u)).toList();
        if (settings.donorsFromPeers()) {
            Map<String, Integer> clusters = clusters();
            Integer cluster = clusters.get(townCode);
            donors = donors.stream().filter(d -> cluster != null && cluster.equals(clusters.get(d))).toList();
        }
        return donors;
    }

    private EventStudy eventStudy(String item, String townCode, int designatedIn) {
        Set<String> designated = designations().keySet();
        List<String> peers = marts.cachedQuery("""
                SELECT similar_town_code FROM {similar_towns}
                WHERE town_code = ? AND year = (SELECT MAX(year) FROM {similar_towns}) ORDER BY similarity_rank""",
                rs -> rs.getString(1), townCode).stream().filter(p -> !designated.contains(p))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        Panel panel = estimator(item).panel();
        if (peers.size() < MATCHED_PEERS) {
            // Similar towns of a strong town are often strong towns themselves: pad with the never-designated towns
            // closest to it on the item's mean over the years up to designation (nearest-neighbour matching).
            double own = preMean(panel, townCode, designatedIn);
            List<String> nearest = panel.units().stream().filter(u -> !designated.contains(u) && !peers.contains(u))
                    .filter(u -> !Double.isNaN(preMean(panel, u, designatedIn)))
                    .sorted(java.util.Comparator.comparingDouble(u -> Math.abs(preMean(panel, u, designatedIn) - own)))
                    .limit(MATCHED_PEERS - peers.size()).toList();
            peers.addAll(nearest);
        }
        Map<String, Map<Integer, Double>> series = new HashMap<>();
        for (String unit : concat(townCode, peers)) {
            Map<Integer, Double> values = new TreeMap<>();
            for (int t : panel.times()) {
                double v = panel.value(unit, EffectEstimator.OUTCOME, t);
                if (!Double.isNaN(v)) {
                    values.put(t, v);
                }
            }
            series.put(unit, values);
        }
        List<String> names = peers.stream().map(p -> towns.find(p).map(Town::name).orElse(p)).toList();
        return EventStudy.of(townCode, designatedIn, peers, series, names);
    }

    private static double preMean(Panel panel, String unit, int designatedIn) {
        return Arrays.stream(panel.times()).filter(t -> t <= designatedIn)
                .mapToDouble(t -> panel.value(unit, EffectEstimator.OUTCOME, t)).filter(v -> !Double.isNaN(v))
                .average().orElse(Double.NaN);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private EffectEstimator estimator(String item) {
        String snapshot = marts.currentSnapshot().orElseThrow(() -> new IllegalStateException("no published snapshot"));
        estimators.keySet().removeIf(k -> !k.startsWith(snapshot + "|"));
        return estimators.computeIfAbsent(snapshot + "|" + item, k -> new EffectEstimator(panel(item),
                settings.covariates(), settings.searchBudget()));
    }

    private Panel panel(String item) {
        Panel.Builder builder = new Panel.Builder();
        itemValues(item).forEach(r -> builder.put(r.town(), r.year(), EffectEstimator.OUTCOME, r.value()));
        for (String covariate : settings.covariates()) {
            itemValues(covariate).forEach(r -> builder.put(r.town(), r.year(), covariate, r.value()));
        }
        return builder.build();
    }

    private record Value(String town, int year, double value) {
    }

    private List<Value> itemValues(String item) {
        if (COMPOSITE.equals(item)) {
            return marts.cachedQuery("SELECT town_code, year, score FROM {scores} WHERE item_type = 'composite' "
                    + "AND score IS NOT NULL ORDER BY town_code, year",
                    rs -> new Value(rs.getString(1), rs.getInt(2), rs.getDouble(3)));
        }
        if (catalogs.newest().dimension(item).isPresent()) {
            return marts.cachedQuery("SELECT town_code, year, score FROM {scores} WHERE item_type = 'dimension' "
                    + "AND item_id = ? AND score IS NOT NULL ORDER BY town_code, year",
                    rs -> new Value(rs.getString(1), rs.getInt(2), rs.getDouble(3)), item);
        }
        return marts.cachedQuery("SELECT town_code, year, value FROM {indicator_values} WHERE indicator_id = ? "
                + "AND value IS NOT NULL ORDER BY town_code, year",
                rs -> new Value(rs.getString(1), rs.getInt(2), rs.getDouble(3)), item);
    }

    private Map<String, Integer> designations() {
        Map<String, Integer> map = new LinkedHashMap<>();
        marts.cachedQuery("SELECT town_code, MIN(year) FROM {designations} GROUP BY town_code ORDER BY town_code",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)}).forEach(r -> map.put((String) r[0], (Integer) r[1]));
        return map;
    }

    private Map<String, Integer> clusters() {
        Map<String, Integer> map = new HashMap<>();
        marts.cachedQuery("SELECT town_code, cluster FROM {peer_groups} WHERE year = (SELECT MAX(year) FROM {peer_groups})",
                rs -> new Object[] {rs.getString(1), rs.getInt(2)}).forEach(r -> map.put((String) r[0], (Integer) r[1]));
        return map;
    }

    private static List<List<Double>> stats(Panel panel, List<String> units, List<Integer> years) {
        List<Double> mean = new ArrayList<>();
        List<Double> p25 = new ArrayList<>();
        List<Double> p75 = new ArrayList<>();
        for (int year : years) {
            double[] values = units.stream().mapToDouble(u -> panel.value(u, EffectEstimator.OUTCOME, year))
                    .filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (values.length == 0) {
                mean.add(null);
                p25.add(null);
                p75.add(null);
                continue;
            }
            mean.add(Arrays.stream(values).average().orElseThrow());
            p25.add(quantile(values, 0.25));
            p75.add(quantile(values, 0.75));
        }
        return List.of(mean, p25, p75);
    }

    /** Linear interpolation between order statistics (R type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static <V> Map<Integer, V> filter(Map<Integer, V> map, int year) {
        return map.containsKey(year) ? Map.of(year, map.get(year)) : Map.of();
    }

}
