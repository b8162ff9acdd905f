package cn.liaocheng.strongtown.dashboard.ui;

import java.util.Locale;
import java.util.function.BiFunction;

import cn.liaocheng.strongtown.dashboard.quality.QualityFlag;
import cn.liaocheng.strongtown.dashboard.i18n.Formats;

/** A data-quality flag's reason in words, with the numbers stage 10 stored (shared by every view showing flags). */
public final class QualityReasons {

    private QualityReasons() {
    }

    /** The reason in {@code locale}; {@code translate} is the view's {@code getTranslation}. */
    public static String of(QualityFlag f, Locale locale, BiFunction<String, Object[], String> translate) {
        return switch (f.flag()) {
            case "out_of_range" -> translate.apply("quality.reason.out_of_range", new Object[] {
                    number(f.value(), locale), number(f.referenceLo(), locale), number(f.referenceHi(), locale)});
            case "jump" -> translate.apply("quality.reason.jump", new Object[] {number(f.referenceLo(), locale),
                    number(f.value(), locale), Formats.oneDecimal(f.z()), Formats.oneDecimal(f.zOwn())});
            case "disagreement" -> translate.apply("quality.reason.disagreement",
                    new Object[] {number(f.value(), locale), number(f.referenceLo(), locale)});
            default -> translate.apply("quality.reason.missing", new Object[0]);
        };
    }

    private static String number(Double v, Locale locale) {
        return v == null ? "—" : Formats.decimals(v, 2, locale);
    }
}
