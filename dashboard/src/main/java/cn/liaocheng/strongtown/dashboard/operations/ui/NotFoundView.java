package cn.liaocheng.strongtown.dashboard.operations.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cn.liaocheng.strongtown.dashboard.security.ClientAddress;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.LogText;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown instead of Vaadin's English "Could not navigate" page (which in development mode also lists every route):
 * a short Chinese or English "no such page" that does not tell whether the page exists. Vaadin sends a refused
 * navigation here too (in production mode it does not reveal that the view exists), so the one log line says which
 * it was: a refusal (a view is registered at that path) with the user and address, or an unknown route.
 */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    private final CurrentUser currentUser;

    public NotFoundView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = event.getLocation().getPath();
        boolean registered = isRegistered(path);
        LOG.warn("{} user={} address={} path=/{}", registered ? "access refused (view)" : "route not found",
                AccessDeniedView.user(currentUser), ClientAddress.current(), LogText.safe(path));
        show(this);
        return registered ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND;
    }

    private static boolean isRegistered(String path) {
        try {
            return RouteConfiguration.forApplicationScope().getRoute(path).isPresent();
        } catch (RuntimeException unresolvable) {
            return false;
        }
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
