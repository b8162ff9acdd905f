package cn.liaocheng.strongtown.dashboard.i18n;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

/** Chinese unless the user picked English in this session; the choice survives page reloads. */
@Component
public class LocaleSupport implements VaadinServiceInitListener {

    private static final String ATTRIBUTE = "strongtown.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(chosen(e.getUI().getSession())));
    }

    static Locale chosen(VaadinSession session) {
        Object locale = session == null ? null : session.getAttribute(ATTRIBUTE);
        return locale instanceof Locale l ? l : Translations.CHINESE;
    }

    /** Switches between Chinese and English for this session. */
    public static void toggle(UI ui) {
        Locale next = Translations.ENGLISH.getLanguage().equals(ui.getLocale().getLanguage())
                ? Translations.CHINESE : Translations.ENGLISH;
        ui.getSession().setAttribute(ATTRIBUTE, next);
        ui.setLocale(next);
        ui.getPage().reload();
    }
}
