package cn.liaocheng.strongtown.dashboard.operations.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cn.liaocheng.strongtown.dashboard.security.CurrentUser;

/**
 * A navigation to a view the user's role may not open (Vaadin's development mode sends it here; production mode
 * sends it to {@link NotFoundView}): logged once with the user and address, and shown like a missing page.
 */
@AnonymousAllowed
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    private final CurrentUser currentUser;

    public AccessDeniedView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return RefusedNavigationPage.answer(this, currentUser, event, true);
    }
}
