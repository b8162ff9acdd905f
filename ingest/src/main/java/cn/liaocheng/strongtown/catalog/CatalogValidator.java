package cn.liaocheng.strongtown.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks a parsed catalog and lists every problem, so a catalog author fixes them in one pass. */
final class CatalogValidator {

    static final Set<String> AGGREGATIONS = Set.of("arithmetic", "geometric");
    static final Set<String> NORMALISATIONS = Set.of("minmax", "goalposts");
    static final Set<String> TRANSFORMS = Set.of("none", "log", "log1p");
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
        checkDuplicates(c);
        checkDimensions(c);
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
        }
    }

    private void checkDuplicates(Catalog c) {
        List<String> ids = new ArrayList<>();
        c.dimensions().forEach(d -> ids.add(d.id()));
        c.indicators().forEach(i -> ids.add(i.id()));
        c.inputs().forEach(i -> ids.add(i.id()));
        Map<String, Long> counts = ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        counts.forEach((id, n) -> require(n == 1, "编号“" + id + "”重复出现 " + n + " 次"));
    }

    private void checkDimensions(Catalog c) {
        require(!c.dimensions().isEmpty(), "至少需要一个维度");
        double sum = c.dimensions().stream().mapToDouble(Dimension::weight).sum();
        require(Math.abs(sum - 1) < TOLERANCE, "各维度权重之和为 " + round(sum) + "，应为 1");
        for (Dimension d : c.dimensions()) {
            require(d.weight() >= 0, "维度“" + d.id() + "”的权重不能为负");
            require(d.aggregation() == null || known(AGGREGATIONS, d.aggregation()),
                    "维度“" + d.id() + "”的聚合方法“" + d.aggregation() + "”未知（应为 " + AGGREGATIONS + "）");
            List<Indicator> members = c.indicatorsOf(d.id());
            require(!members.isEmpty(), "维度“" + d.id() + "”下没有指标");
            double within = members.stream().mapToDouble(Indicator::weight).sum();
            require(members.isEmpty() || Math.abs(within - 1) < TOLERANCE,
                    "维度“" + d.id() + "”内指标权重之和为 " + round(within) + "，应为 1");
        }
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
        Normalisation n = i.normalise();
        if (n == null || !known(NORMALISATIONS, n.method())) {
            problems.add(where + "的归一化方法“" + (n == null ? null : n.method()) + "”未知或尚未支持（支持：" + NORMALISATIONS + "）");
        } else if ("goalposts".equals(n.method())) {
            require(n.min() != null && n.max() != null && n.min() < n.max(), where + "的 goalposts 需要 min < max");
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
