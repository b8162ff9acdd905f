package cn.liaocheng.strongtown.catalog;

import java.util.Locale;

/** A text in Chinese and English. */
public record Bilingual(String zh, String en) {

    /** The English text for English locales, the Chinese text otherwise. */
    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null ? en : zh;
    }
}
