package cn.liaocheng.strongtown.collection.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.liaocheng.strongtown.collection.reading.NumberText;

/**
 * The documented schema of a registry extract (README, "Registry extract schema"): column names,
 * which are required, and how each value is read. A value that does not fit is an error naming why.
 */
final class ExtractColumns {

    static final String CREDIT_CODE = "credit_code";
    static final List<String> REQUIRED = List.of(CREDIT_CODE, "private", "registered_on");
    /** Columns of the lake table in order (without year, which is the partition). */
    static final List<String> LAKE = List.of("town_code", "enterprise_id", "private", "registered_on",
            "deregistered_on", "industry", "size_class", "above_scale", "srdi_level", "gazelle", "unicorn",
            "single_champion", "high_tech", "tech_sme", "listed", "revenue", "rd_spend", "loans", "energy_tce");
    static final List<String> FLAGS = List.of("above_scale", "gazelle", "single_champion", "high_tech", "tech_sme");
    static final List<String> AMOUNTS = List.of("revenue", "rd_spend", "loans", "energy_tce");
    static final Set<String> INDUSTRIES = Set.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
            "O", "P", "Q", "R", "S", "T");
    static final Set<String> SIZES = Set.of("micro", "small", "medium", "large");
    static final Set<String> SRDI = Set.of("provincial", "national_little_giant");
    static final Set<String> UNICORN = Set.of("potential", "unicorn");
    static final Set<String> LISTED = Set.of("main_board", "neeq", "regional");
    /** Every column an extract may have. */
    static final Set<String> KNOWN = Set.of("year", CREDIT_CODE, "town_code", "town_name", "county", "private",
            "registered_on", "deregistered_on", "industry", "size_class", "above_scale", "srdi_level", "gazelle",
            "unicorn", "single_champion", "high_tech", "tech_sme", "listed", "revenue", "rd_spend", "loans", "energy_tce");

    private ExtractColumns() {
    }

    /** A parsed value or the reason it is wrong. */
    record Value<T>(T value, String problem) {

        static <T> Value<T> of(T value) {
            return new Value<>(value, null);
        }

        static <T> Value<T> bad(String problem) {
            return new Value<>(null, problem);
        }
    }

    static Value<Boolean> flag(String raw) {
        String s = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "", "false", "0", "否", "n", "no" -> Value.of(false);
            case "true", "1", "是", "y", "yes" -> Value.of(true);
            default -> Value.bad("应为 true/false、1/0 或 是/否");
        };
    }

    static Value<LocalDate> date(String raw, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return required ? Value.bad("必填日期为空") : Value.of(null);
        }
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            try {
                // fast path for ISO dates, the common case in large extracts
                return Value.of(LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10),
                        Integer.parseInt(s, 8, 10, 10)));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Value.bad("日期格式错误或日期不存在（应为 yyyy-MM-dd、yyyy/MM/dd 或 yyyyMMdd）");
            }
        }
        String iso = s.length() == 8 && s.chars().allMatch(Character::isDigit)
                ? s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6) : s.replace('/', '-');
        try {
            return Value.of(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return Value.bad("日期格式应为 yyyy-MM-dd、yyyy/MM/dd 或 yyyyMMdd");
        }
    }

    /** A code from a fixed list; blank is allowed where {@code optional}. */
    static Value<String> code(String raw, Set<String> allowed, boolean optional) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return optional ? Value.of(null) : Value.bad("必填项为空");
        }
        return allowed.contains(s) ? Value.of(s) : Value.bad("应为 " + String.join("、", allowed.stream().sorted().toList()) + " 之一");
    }

    /** A non-negative amount in 万元 (tce for energy); blank means unknown. */
    static Value<Double> amount(String raw) {
        NumberText.Result r = NumberText.parse(raw);
        if (r.blank()) {
            return Value.of(null);
        }
        if (!r.ok() || r.percent()) {
            return Value.bad(r.ok() ? "不能填写百分数" : r.problem());
        }
        return r.value() < 0 ? Value.bad("不能为负数") : Value.of(r.value());
    }
}
