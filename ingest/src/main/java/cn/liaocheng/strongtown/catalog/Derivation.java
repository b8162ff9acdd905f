package cn.liaocheng.strongtown.catalog;

/**
 * How a value is obtained. Registry values name a {@code measure} computed from the enterprise
 * registry; derived values apply {@code op} ({@code ratio}, {@code yoy_growth}, {@code yoy_decline})
 * to other catalog items; declared values need no derivation.
 */
public record Derivation(String measure, String op, String numerator, String denominator, String of,
                         Double scale) {
}
