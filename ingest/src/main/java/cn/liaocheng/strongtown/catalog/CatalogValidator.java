package cn.liaocheng.strongtown.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks a parsed catalog and lists every problem, so a catalog author fixes them in one pass. */
final class CatalogValidator {

    static final Set<String> AGGREGATIONS = Set.of("arithmetic", "geometric");
    static final Set<String> NORMALISATIONS = Set.of("minmax", "zscore", "goalposts", "benchmark", "percentile",
            "efficacy", "target_ratio");
    static final Set<String> TRANSFORMS = Set.of("none", "log", "log1p", "per_10k_residents");
    static final String POPULATION = "resident_population";
    static final Set<String> DIRECTIONS = Set.of("higher", "lower");
    static final Set<String> SOURCES = Set.of("registry", "declared", "derived");
    static final Set<String> OPS = Set.of("ratio", "yoy_growth", "yoy_decline");
    static final Set<String> GROWTH_MEASURES = Set.of("cagr");
    private static final double TOLERANCE = 1e-6;

    private final List<String> problems = new ArrayList<>();

    static List<String> validate(Catalog catalog) {
        CatalogValidator validator = new CatalogValidator();
        validator.check(catalog);
        return validator.problems;
    }

    private void check(Catalog c) {
        require(c.id() != null && !c.id().isBlank(), "缺少 id");
        require(c.version() != null && !c.version().isBlank(), "缺少 version（版本号）");
        require(c.appliesFromYear() > 0, "缺少 applies_from_year（自哪一年起适用）");
        require(c.normalisationWindowYears() >= 1, "normalisation_window_years 应不小于 1");
        for (String level : List.of("composite", "dimension")) {
            String method = c.levels().get(level);
            require(known(AGGREGATIONS, method),
                    "levels." + level + " 的聚合方法“" + method + "”未知（应为 " + AGGREGATIONS + "）");
        }
        if (c.growth() != null) {
            require(c.growth().weight() >= 0 && c.growth().weight() <= 1, "growth.weight 应在 0 到 1 之间");
            require(known(GROWTH_MEASURES, c.growth().measure()),
                    "growth.measure“" + c.growth().measure() + "”未知（应为 cagr）");
            require(c.growth().years() >= 1, "growth.years 应不小于 1");
        }
        require(c.peers().clusters() >= 1 && c.peers().similar() >= 1, "peers.clusters 与 peers.similar 应不小于 1");
        checkDuplicates(c);
        checkDimensions(c);
        checkRanking(c.ranking());
        checkGeometricFloor(c);
        Set<String> dimensionIds = c.dimensions().stream().map(Dimension::id).collect(Collectors.toSet());
        Set<String> operands = new HashSet<>();
        c.inputs().forEach(i -> operands.add(i.id()));
        c.indicators().stream().filter(i -> !"derived".equals(i.source())).forEach(i -> operands.add(i.id()));
        for (Indicator i : c.indicators()) {
            checkIndicator(c, i, dimensionIds, operands);
        }
        for (Input input : c.inputs()) {
            String where = "输入项“" + input.id() + "”";
            require(!"derived".equals(input.source()), where + "不能为 derived（派生项请作为指标）");
            checkSource(where, input.source(), input.derivation(), operands);
            checkRange(where, input.validRange());
            checkCrosscheck(where, input.source(), input.crosscheck());
        }
    }

    private void checkDuplicates(Catalog c) {
        List<String> ids = new ArrayList<>();
        c.groups().forEach(g -> ids.add(g.id()));
        c.dimensions().forEach(d -> ids.add(d.id()));
        c.indicators().forEach(i -> ids.add(i.id()));
        c.inputs().forEach(i -> ids.add(i.id()));
        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        counts.forEach((id, n) -> require(n == 1, "编号“" + id + "”重复出现 " + n + " 次"));
    }

    /** Weights of the children of every aggregate sum to 1; groups form a tree under the composite. */
    private void checkDimensions(Catalog c) {
        require(!c.dimensions().isEmpty(), "至少需要一个维度");
        Set<String> groupIds = c.groups().stream().map(Group::id).collect(Collectors.toSet());
        Map<String, Double> childWeights = new TreeMap<>();
        for (Group g : c.groups()) {
            String parent = Catalog.parentOf(g.parent());
            require(parent.equals(Catalog.COMPOSITE) || groupIds.contains(parent),
                    "分组“" + g.id() + "”的上级“" + parent + "”不存在");
            require(g.aggregation() == null || known(AGGREGATIONS, g.aggregation()),
                    "分组“" + g.id() + "”的聚合方法“" + g.aggregation() + "”未知（应为 " + AGGREGATIONS + "）");
            require(g.weight() >= 0, "分组“" + g.id() + "”的权重不能为负");
            childWeights.merge(parent, g.weight(), Double::sum);
            require(!reachesItself(c, g), "分组“" + g.id() + "”的上级关系成环");
        }
        for (Dimension d : c.dimensions()) {
            String parent = Catalog.parentOf(d.parent());
            require(parent.equals(Catalog.COMPOSITE) || groupIds.contains(parent),
                    "维度“" + d.id() + "”的上级“" + parent + "”不存在");
            childWeights.merge(parent, d.weight(), Double::sum);
            require(d.weight() >= 0, "维度“" + d.id() + "”的权重不能为负");
            require(d.aggregation() == null || known(AGGREGATIONS, d.aggregation()),
                    "维度“" + d.id() + "”的聚合方法“" + d.aggregation() + "”未知（应为 " + AGGREGATIONS + "）");
            List<Indicator> members = c.indicatorsOf(d.id());
            require(!members.isEmpty(), "维度“" + d.id() + "”下没有指标");
            double within = members.stream().mapToDouble(Indicator::weight).sum();
            require(members.isEmpty() || Math.abs(within - 1) < TOLERANCE,
                    "维度“" + d.id() + "”内指标权重之和为 " + round(within) + "，应为 1");
        }
        childWeights.forEach((parent, sum) -> require(Math.abs(sum - 1) < TOLERANCE,
                (parent.equals(Catalog.COMPOSITE) ? "各维度" : "分组“" + parent + "”下各项") + "权重之和为 " + round(sum) + "，应为 1"));
        for (Band b : c.bands()) {
            require(b.id() != null && b.name() != null, "等级（bands）需要 id 与名称");
        }
    }

    private void checkRanking(Ranking r) {
        require(r.rankDecimals() >= 0 && r.rankDecimals() <= 6, "ranking.decimals（排名精度）应为 0 到 6 之间的整数");
        r.minCoverage().forEach((level, min) -> {
            require(Ranking.LEVELS.contains(level),
                    "ranking.min_coverage 的层级“" + level + "”未知（应为 " + new TreeSet<>(Ranking.LEVELS) + "）");
            require(min != null && min >= 0 && min <= 1,
                    "ranking.min_coverage." + level + "（最低数据覆盖率）应在 0 到 1 之间");
        });
    }

    /**
     * A geometric mean needs a positive floor below the scores' upper end: either geometric_floor, or one
     * output range shared by all indicators from which the floor is derived (1 % of the range).
     */
    private void checkGeometricFloor(Catalog c) {
        if (!c.usesGeometricMean() || c.indicators().isEmpty()) {
            return;
        }
        Set<List<Double>> ranges = new LinkedHashSet<>();
        c.indicators().forEach(i -> ranges.add(Catalog.outputOf(i)));
        double lowestTop = ranges.stream().mapToDouble(r -> r.get(1)).min().orElse(100.0);
        if (c.geometricFloor() != null) {
            require(c.geometricFloor() > 0 && c.geometricFloor() < lowestTop,
                    "geometric_floor（几何平均下限）应大于 0 且小于各指标 output 的上限（" + round(lowestTop) + "）");
            return;
        }
        require(ranges.size() == 1, "几何平均需要统一的得分范围：各指标的 normalise.output 不同（" + ranges
                + "），请统一 output 或设置 geometric_floor（几何平均下限）");
        require(lowestTop > 0, "几何平均无法计算：normalise.output 的上限（" + round(lowestTop)
                + "）应大于 0，或设置 geometric_floor（几何平均下限）");
    }

    private static boolean reachesItself(Catalog c, Group start) {
        String parent = Catalog.parentOf(start.parent());
        for (int steps = 0; steps <= c.groups().size(); steps++) {
            if (parent.equals(start.id())) {
                return true;
            }
            String current = parent;
            parent = c.groups().stream().filter(g -> g.id().equals(current)).map(g -> Catalog.parentOf(g.parent()))
                    .findFirst().orElse(Catalog.COMPOSITE);
            if (parent.equals(Catalog.COMPOSITE)) {
                return false;
            }
        }
        return true;
    }

    private void checkIndicator(Catalog c, Indicator i, Set<String> dimensionIds, Set<String> operands) {
        String where = "指标“" + i.id() + "”";
        require(dimensionIds.contains(i.dimension()), where + "所属维度“" + i.dimension() + "”不存在");
        require(i.name() != null && i.name().zh() != null && i.name().en() != null, where + "缺少中文或英文名称");
        require(i.unit() != null && i.unit().zh() != null, where + "缺少单位");
        require(known(DIRECTIONS, i.direction()), where + "的方向“" + i.direction() + "”未知（应为 higher 或 lower）");
        require(i.weight() >= 0, where + "的权重不能为负");
        require(known(TRANSFORMS, i.transform()), where + "的变换“" + i.transform() + "”未知（应为 " + TRANSFORMS + "）");
        require(!i.growth() || c.growth() != null, where + "计入增长，但目录未设置 growth");
        checkSource(where, i.source(), i.derivation(), operands);
        checkRange(where, i.validRange());
        require(!"per_10k_residents".equals(i.transform()) || c.inputs().stream().anyMatch(in -> POPULATION.equals(in.id())),
                where + "按每万人换算，但目录中没有输入项“" + POPULATION + "”");
        checkWinsorisation(where, i.winsorise());
        checkNormalisation(where, i.normalise());
        checkCrosscheck(where, i.source(), i.crosscheck());
    }

    private void checkWinsorisation(String where, Winsorisation w) {
        if (w == null) {
            return;
        }
        boolean quantiles = w.lower() != null && w.upper() != null && w.lower() >= 0 && w.lower() < w.upper() && w.upper() <= 1;
        boolean sd = w.sd() != null && w.sd() > 0 && w.lower() == null && w.upper() == null;
        require(quantiles || sd, where + "的 winsorise 应为 {lower, upper}（0 ≤ lower < upper ≤ 1）或 {sd: k}（k > 0）");
    }

    private void checkNormalisation(String where, Normalisation n) {
        if (n == null || !known(NORMALISATIONS, n.method())) {
            problems.add(where + "的归一化方法“" + (n == null ? null : n.method()) + "”未知（支持：" + NORMALISATIONS + "）");
            return;
        }
        switch (n.method()) {
            case "goalposts" -> require(n.min() != null && n.max() != null && n.min() < n.max(),
                    where + "的 goalposts 需要 min < max");
            case "benchmark" -> require(n.ref() == null || n.ref().equals("best") || n.ref().matches("p([1-9]|[1-9][0-9])"),
                    where + "的 benchmark.ref 应为 best 或 p1…p99");
            case "efficacy" -> require(n.allowed() != null && n.satisfactory() != null && !n.allowed().equals(n.satisfactory()),
                    where + "的功效系数法需要不同的 allowed（不允许值）与 satisfactory（满意值）");
            case "target_ratio" -> require(n.target() != null && n.target() > 0
                            && (n.ceiling() == null || n.ceiling() > 0) && (n.floor() == null || n.floor() >= 0)
                            && (n.ceiling() == null || n.floor() == null || n.floor() < n.ceiling()),
                    where + "的 target_ratio 需要 target > 0，且 floor < ceiling");
            default -> { }
        }
        require(n.output() == null || (n.output().size() == 2 && n.output().get(0) < n.output().get(1)),
                where + "的 output 应为 [下限, 上限]");
    }

    private void checkCrosscheck(String where, String source, Crosscheck x) {
        if (x != null) {
            require("declared".equals(source), where + "只有申报项才能与登记库核对（crosscheck）");
            require(known(RegistryMeasures.NAMES, x.measure()) && x.tolerance() > 0,
                    where + "的 crosscheck 需要已知的登记库口径与正的容差");
        }
    }

    private void checkSource(String where, String source, Derivation d, Set<String> operands) {
        if (!known(SOURCES, source)) {
            problems.add(where + "的来源“" + source + "”未知（应为 " + SOURCES + "）");
            return;
        }
        if ("registry".equals(source)) {
            require(d != null && known(RegistryMeasures.NAMES, d.measure()),
                    where + "来自登记库，但计算口径“" + (d == null ? null : d.measure()) + "”未知（可选：" + RegistryMeasures.NAMES + "）");
        } else if ("derived".equals(source)) {
            if (d == null || !known(OPS, d.op())) {
                problems.add(where + "为派生指标，但运算“" + (d == null ? null : d.op()) + "”未知（应为 " + OPS + "）");
                return;
            }
            List<String> needed = "ratio".equals(d.op()) ? List.of(nz(d.numerator()), nz(d.denominator())) : List.of(nz(d.of()));
            for (String operand : needed) {
                require(operands.contains(operand), where + "引用的“" + operand + "”不是非派生指标或输入项");
            }
        }
    }

    private void checkRange(String where, List<Double> range) {
        require(range != null && range.size() == 2 && range.get(0) != null && range.get(1) != null
                && range.get(0) <= range.get(1), where + "的 valid_range 应为 [最小值, 最大值]");
    }

    private void require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    /** Set.of(...).contains(null) throws; a missing value is simply not known. */
    private static boolean known(Set<String> names, String value) {
        return value != null && names.contains(value);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String round(double v) {
        return String.format("%.4f", v);
    }
}
