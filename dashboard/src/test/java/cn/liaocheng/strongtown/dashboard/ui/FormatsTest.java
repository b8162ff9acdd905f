package cn.liaocheng.strongtown.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Translations translations = new Translations();
    private final BiFunction<String, Object[], String> chinese =
            (key, params) -> translations.getTranslation(key, Translations.CHINESE, params);

    @Test
    void amountsInWanYuanBecomeYiYuanFromTenThousandWan() {
        assertThat(Formats.amountWan(8765, Locale.CHINA, chinese)).isEqualTo("8,765 万元");
        assertThat(Formats.amountWan(123_456, Locale.CHINA, chinese)).isEqualTo("12.3 亿元");
        assertThat(Formats.amountWan(10_000, Locale.CHINA, chinese)).isEqualTo("1.0 亿元");
    }

    @Test
    void percentagesHaveOneDecimalAndChangesAnArrow() {
        assertThat(Formats.percent(12.345)).isEqualTo("12.3%");
        assertThat(Formats.changePercent(110.0, 100.0)).isEqualTo("▲10.0%");
        assertThat(Formats.changePercent(95.0, 100.0)).isEqualTo("▼5.0%");
        assertThat(Formats.changePercent(5.0, 0.0)).isNull();
    }

    @Test
    void risesAreRedAndFallsGreen() {
        assertThat(Formats.colour(1)).isEqualTo(Formats.RISE_RED).isEqualTo("#d32f2f");
        assertThat(Formats.colour(-1)).isEqualTo(Formats.FALL_GREEN).isEqualTo("#2e7d32");
        assertThat(Formats.colour(0)).isNull();
    }

    @Test
    void ranksReadAsChinesePhrase() {
        assertThat(translations.getTranslation("rank.city", Translations.CHINESE, 3)).isEqualTo("居全市第3位");
        assertThat(translations.getTranslation("unit.firms", Translations.CHINESE, "1,601")).isEqualTo("1,601 家");
        assertThat(translations.getTranslation("unit.entities", Translations.CHINESE, "23,504")).isEqualTo("23,504 户");
    }
}
