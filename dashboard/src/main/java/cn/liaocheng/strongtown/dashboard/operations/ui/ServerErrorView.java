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
        String id = ErrorIds.next();
        Exception error = parameter.getCaughtException();
        LOG.error("request error id={} view {}: {}", id, event.getLocation().getPath(), error.getMessage(), error);
        removeAll();
        add(new H2(getTranslation("ops.errorTitle")), new Paragraph(getTranslation("ops.error", id)));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
