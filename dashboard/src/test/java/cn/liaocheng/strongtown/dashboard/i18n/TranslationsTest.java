package cn.liaocheng.strongtown.dashboard.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final Translations translations = new Translations();

    @Test
    void chineseAndEnglishHaveTheSameKeys() {
        ResourceBundle zh = Translations.bundle(Translations.CHINESE);
        ResourceBundle en = Translations.bundle(Translations.ENGLISH);
        assertThat(zh.keySet()).isNotEmpty().containsExactlyInAnyOrderElementsOf(en.keySet());
        for (String key : zh.keySet()) {
            assertThat(en.getString(key)).as(key).isNotEqualTo(zh.getString(key));
        }
    }

    @Test
    void chineseIsTheDefaultWhateverTheServerLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(translations.getTranslation("league.title", Translations.CHINESE)).isEqualTo("乡镇排行榜");
            assertThat(translations.getTranslation("league.title", Locale.FRENCH)).isEqualTo("乡镇排行榜");
            assertThat(translations.getTranslation("league.title", Locale.UK)).isEqualTo("Town league table");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void fillsParametersAndMarksMissingKeys() {
        assertThat(translations.getTranslation("league.count", Translations.CHINESE, 136)).isEqualTo("共 136 个乡镇（街道）");
        assertThat(translations.getTranslation("no.such.key", Translations.CHINESE)).isEqualTo("!no.such.key!");
    }
}
