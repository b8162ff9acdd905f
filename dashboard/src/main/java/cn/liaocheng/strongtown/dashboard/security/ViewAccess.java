package cn.liaocheng.strongtown.dashboard.security;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

/** Whether the current user may open a view, by the view's access annotations (for menus and links). */
@Component
public class ViewAccess {

    private final CurrentUser currentUser;
    private final AccessAnnotationChecker checker = new AccessAnnotationChecker();

    public ViewAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Whether the current user may open the page at {@code route} (false for an address no view has). */
    public boolean mayOpen(String route) {
        return RouteConfiguration.forApplicationScope().getRoute(route).map(this::mayOpen).orElse(false);
    }

    public boolean mayOpen(Class<?> view) {
        return currentUser.get()
                .map(user -> checker.hasAccess(view, SecurityContextHolder.getContext().getAuthentication(),
                        role -> user.role().name().equals(role)))
                .orElseGet(() -> checker.hasAccess(view, null, role -> false));
    }
}
