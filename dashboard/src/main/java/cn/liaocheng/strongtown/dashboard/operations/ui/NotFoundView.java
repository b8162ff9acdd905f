package cn.liaocheng.strongtown.dashboard.operations.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cn.liaocheng.strongtown.dashboard.security.CurrentUser;

/**
 * Shown instead of Vaadin's English "Could not navigate" page (which in development mode also lists every route):
 * a short Chinese or English "no such page" that does not tell whether the page exists. Vaadin sends a refused
 * navigation here too (in production mode it does not reveal that the view exists), so the one log line says which
 * it was: a refusal (a view is registered at that path) with the user and address, or an unknown route.
 */
@AnonymousAllowed
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    private final CurrentUser currentUser;

    public NotFoundView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return RefusedNavigationPage.answer(this, currentUser, event, isRegistered(event.getLocation().getPath()));
    }

    private static boolean isRegistered(String path) {
        try {
            return RouteConfiguration.forApplicationScope().getRoute(path).isPresent();
        } catch (RuntimeException unresolvable) {
            return false;
        }
    }
}
