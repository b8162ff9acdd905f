package cn.liaocheng.strongtown.dashboard.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import cn.liaocheng.strongtown.catalog.Bilingual;

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

    @Test
    void rawValuesInTheirCatalogUnits() {
        assertThat(Formats.withUnit(85_000, new Bilingual("万元", "10k yuan"), Locale.CHINA, chinese)).isEqualTo("8.5 亿元");
        assertThat(Formats.withUnit(873, new Bilingual("户", "entities"), Locale.CHINA, chinese)).isEqualTo("873 户");
        assertThat(Formats.withUnit(1601, new Bilingual("家", "firms"), Locale.CHINA, chinese)).isEqualTo("1,601 家");
        assertThat(Formats.withUnit(74.56, new Bilingual("%", "%"), Locale.CHINA, chinese)).isEqualTo("74.6%");
        assertThat(Formats.withUnit(0.25, new Bilingual("吨标准煤/万元", "tce per 10k yuan"), Locale.ENGLISH, chinese))
                .isEqualTo("0.25 tce per 10k yuan");
        assertThat(Formats.withUnit(12, new Bilingual("个", "bases"), Locale.CHINA, chinese)).isEqualTo("12 个");
    }

    @Test
    void rankIntervalsCollapseWhenSure() {
        assertThat(Formats.rankInterval(2.6, 7.2)).isEqualTo("3–7");
        assertThat(Formats.rankInterval(1.0, 1.4)).isEqualTo("1");
        assertThat(Formats.rankInterval(null, 3.0)).as("no interval computed").isEmpty();
    }
}
