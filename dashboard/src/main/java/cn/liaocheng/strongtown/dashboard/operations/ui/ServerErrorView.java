package cn.liaocheng.strongtown.dashboard.operations.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cn.liaocheng.strongtown.dashboard.operations.ErrorIds;
import cn.liaocheng.strongtown.dashboard.security.AccessRefusals;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown instead of Vaadin's English "internal error" page when opening a view fails: logs the error once under
 * a new id and shows the user that id (never the exception text).
 */
@AnonymousAllowed
public class ServerErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger("request-error");

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception error = parameter.getCaughtException();
        Throwable refusal = AccessRefusals.refusalIn(error);
        if (refusal != null) {
            AccessRefusals.reachedErrorHandler(refusal, "view /" + event.getLocation().getPath());
            RefusedNavigationPage.show(this);
            return HttpServletResponse.SC_FORBIDDEN;
        }
        String id = ErrorIds.next();
        LOG.error("request error id={} view {}: {}", id, event.getLocation().getPath(), error.getMessage(), error);
        removeAll();
        add(new H2(getTranslation("ops.errorTitle")), new Paragraph(getTranslation("ops.error", id)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
