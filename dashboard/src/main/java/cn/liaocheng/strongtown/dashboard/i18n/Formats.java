package cn.liaocheng.strongtown.dashboard.i18n;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.BiFunction;

import cn.liaocheng.strongtown.catalog.Bilingual;

/**
 * Numbers as Chinese readers expect them (DESIGN §5): amounts in 万元 or, from 10,000 万元 on, 亿元,
 * with thousands separators; firms in 家, market entities in 户; percentages with one decimal; rises
 * red and falls green. Unit words come from the translation files through {@code translate}.
 */
public final class Formats {

    /** Rises are red in China. */
    public static final String RISE_RED = "#d32f2f";
    /** Falls are green in China. */
    public static final String FALL_GREEN = "#2e7d32";

    private Formats() {
    }

    /** An amount given in 万元: "8,765 万元" or, from 1 亿元 on, "1.2 亿元". */
    public static String amountWan(double wanYuan, Locale locale, BiFunction<String, Object[], String> translate) {
        if (Math.abs(wanYuan) >= 10_000) {
            return translate.apply("unit.yiYuan", new Object[] {decimals(wanYuan / 10_000, 1, locale)});
        }
        return translate.apply("unit.wanYuan", new Object[] {decimals(wanYuan, 0, locale)});
    }

    /**
     * A raw value in its catalog unit: amounts in 万元 or 亿元, market entities in 户, firms in 家,
     * percentages with one decimal; other units after the number, whole numbers without decimals.
     */
    public static String withUnit(double value, Bilingual unit, Locale locale,
                                  BiFunction<String, Object[], String> translate) {
        return switch (unit.zh()) {
            case "万元" -> amountWan(value, locale, translate);
            case "户" -> translate.apply("unit.entities", new Object[] {count(value, locale)});
            case "家" -> translate.apply("unit.firms", new Object[] {count(value, locale)});
            case "%" -> percent(value);
            default -> decimals(value, value == Math.rint(value) ? 0 : 2, locale) + " " + unit.in(locale);
        };
    }

    /** A count with thousands separators. */
    public static String count(double value, Locale locale) {
        return decimals(value, 0, locale);
    }

    public static String decimals(double value, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale == null ? Locale.ROOT : locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** A percentage with one decimal, e.g. "12.3%". */
    public static String percent(double percent) {
        return String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** A signed change in percent with arrow: "▲3.2%" or "▼1.0%"; null if there is no base. */
    public static String changePercent(Double now, Double before) {
        if (now == null || before == null || before == 0) {
            return null;
        }
        double change = (now - before) / Math.abs(before) * 100;
        return (change >= 0 ? "▲" : "▼") + percent(Math.abs(change));
    }

    /** Red for a rise, green for a fall, null for none. */
    public static String colour(double change) {
        return change > 0 ? RISE_RED : change < 0 ? FALL_GREEN : null;
    }

    /** One decimal, as scores are shown. */
    public static String oneDecimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A rank's P5–P95 interval, e.g. "3–7"; a single number when the rank is sure; empty without one. */
    public static String rankInterval(Double p5, Double p95) {
        if (p5 == null || p95 == null) {
            return "";
        }
        long low = Math.round(p5);
        long high = Math.round(p95);
        return low == high ? String.valueOf(low) : low + "–" + high;
    }
}
