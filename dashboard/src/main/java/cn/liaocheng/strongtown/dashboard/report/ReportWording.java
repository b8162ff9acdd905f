package cn.liaocheng.strongtown.dashboard.report;

import java.util.Locale;

import cn.liaocheng.strongtown.catalog.Bilingual;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;
import cn.liaocheng.strongtown.dashboard.i18n.Translations;

/** Report wording in one language: translation keys {@code report.doc.*} and the dashboard's number formats. */
final class ReportWording {

    private final Translations translations;
    private final Locale locale;

    ReportWording(Translations translations, Locale locale) {
        this.translations = translations;
        this.locale = locale == null ? Translations.CHINESE : locale;
    }

    Locale locale() {
        return locale;
    }

    String t(String key, Object... params) {
        return translations.getTranslation(key, locale, params);
    }

    String name(Bilingual name) {
        return name.in(locale);
    }

    /** A value in its catalog unit (万元/亿元, 户, 家, %). */
    String value(double value, Bilingual unit) {
        return Formats.withUnit(value, unit, locale, (k, p) -> t(k, p));
    }

    String amountWan(double wanYuan) {
        return Formats.amountWan(wanYuan, locale, (k, p) -> t(k, p));
    }

    String count(double value) {
        return Formats.count(value, locale);
    }

    String score(double value) {
        return Formats.oneDecimal(value);
    }

    /** ", up 3.2 % year on year" / "，同比增长 3.2%"; empty without last year's value. */
    String yearOnYear(Double now, Double before) {
        if (now == null || before == null || before == 0) {
            return "";
        }
        double change = (now - before) / Math.abs(before) * 100;
        return t(change >= 0 ? "report.doc.yoyUp" : "report.doc.yoyDown", Formats.percent(Math.abs(change)));
    }

    /** "，居全市第 5 位"; empty without a rank. */
    String cityRank(Integer rank) {
        return rank == null ? "" : t("report.doc.cityRank", String.valueOf(rank));
    }

    /** The source mark of a figure: snapshot, catalog version and kind of source. */
    String sourceMark(ReportSource source) {
        return t("report.doc.source", source.snapshotId(), source.catalogVersion(),
                t("report.doc.origin." + source.origin()));
    }
}
