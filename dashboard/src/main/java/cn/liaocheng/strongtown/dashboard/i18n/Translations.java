package cn.liaocheng.strongtown.dashboard.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.springframework.stereotype.Component;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Every user-visible string comes from {@code vaadin-i18n/translations*.properties}: the base file
 * is Chinese (the default language), {@code _en} is English. No fallback to the JVM's locale, so a
 * Chinese UI stays Chinese on an English server.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        ResourceBundle bundle = bundle(locale);
        if (!bundle.containsKey(key)) {
            return "!" + key + "!";
        }
        String text = bundle.getString(key);
        return params.length == 0 ? text : new MessageFormat(text, locale).format(params);
    }

    static ResourceBundle bundle(Locale locale) {
        Locale lookup = locale != null && ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : Locale.ROOT;
        try {
            return ResourceBundle.getBundle(BUNDLE, lookup, NO_FALLBACK);
        } catch (MissingResourceException e) {
            return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK);
        }
    }
}
