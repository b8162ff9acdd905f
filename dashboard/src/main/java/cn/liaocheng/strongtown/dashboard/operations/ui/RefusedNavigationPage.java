package cn.liaocheng.strongtown.dashboard.operations.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;

import cn.liaocheng.strongtown.dashboard.security.ClientAddress;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.LogText;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The page of a navigation that leads nowhere or is refused ({@link NotFoundView}, {@link AccessDeniedView}): the same
 * short "no such page" either way, so that it does not tell whether a page exists, and one log line saying which it
 * was, with the user and address. (A helper, not a common superclass: Vaadin and Karibu find error views by their own
 * {@code HasErrorParameter} declaration.)
 */
final class RefusedNavigationPage {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    private RefusedNavigationPage() {
    }

    /**
     * Logs the navigation once, shows the page in {@code page} and answers its status: 403 for a refusal, 404 for an
     * unknown route.
     */
    static int answer(Div page, CurrentUser currentUser, BeforeEnterEvent event, boolean refused) {
        LOG.warn("{} user={} address={} path=/{}", refused ? "access refused (view)" : "route not found",
                currentUser.get().map(u -> u.getUsername()).orElse("-"), ClientAddress.current(),
                LogText.safe(event.getLocation().getPath()));
        show(page);
        return refused ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND;
    }

    /** The page's content, the same for an unknown and a refused route. */
    static void show(Div page) {
        page.removeAll();
        page.getStyle().set("padding", "var(--lumo-space-l)");
        Anchor home = new Anchor("", page.getTranslation("ops.home"));
        page.add(new H2(page.getTranslation("ops.notFound.title")), new Paragraph(page.getTranslation("ops.notFound.text")),
                home);
    }
}
