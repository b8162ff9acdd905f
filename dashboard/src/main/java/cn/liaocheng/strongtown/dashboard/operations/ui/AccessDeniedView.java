package cn.liaocheng.strongtown.dashboard.operations.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cn.liaocheng.strongtown.dashboard.security.ClientAddress;
import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.security.LogText;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A navigation to a view the user's role may not open (Vaadin's development mode sends it here; production mode
 * sends it to {@link NotFoundView}): logged once with the user and address, and shown like a missing page.
 */
@AnonymousAllowed
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    private static final Logger LOG = LoggerFactory.getLogger("access");

    private final CurrentUser currentUser;

    public AccessDeniedView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        LOG.warn("access refused (view) user={} address={} path=/{}", user(currentUser), ClientAddress.current(),
                LogText.safe(event.getLocation().getPath()));
        NotFoundView.show(this);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    static String user(CurrentUser currentUser) {
        return currentUser.get().map(u -> u.getUsername()).orElse("-");
    }
}
