package cn.liaocheng.strongtown.dashboard.operations;

import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.DisconnectedClientHelper;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.VaadinServiceInitListener;

import cn.liaocheng.strongtown.dashboard.security.AccessRefusals;

/**
 * One log line per request error, with an id the user also sees. Vaadin requests: the session's error handler
 * logs the error under a new id and shows the user a notification naming the id (never the exception text).
 * Other requests: Spring Boot's error page attributes get {@code errorId}, logged the same way once.
 */
@Component
public class RequestErrorLogging extends DefaultErrorAttributes implements VaadinServiceInitListener {

    static final String ERROR_ID = "errorId";
    private static final Logger LOG = LoggerFactory.getLogger("request-error");
    private static final DisconnectedClientHelper DISCONNECTED = new DisconnectedClientHelper("request-error.disconnected");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handleVaadin));
        event.getSource().setSystemMessagesProvider(RequestErrorLogging::systemMessages);
    }

    /**
     * Vaadin's own messages (an internal error, cookies switched off) in the user's language instead of its English
     * defaults; an expired session reloads the page, which then asks for a login.
     */
    static SystemMessages systemMessages(SystemMessagesInfo info) {
        I18NProvider i18n = info.getService().getInstantiator().getI18NProvider();
        Locale locale = info.getLocale() != null ? info.getLocale() : Locale.SIMPLIFIED_CHINESE;
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setInternalErrorCaption(i18n.getTranslation("ops.system.internalError.caption", locale));
        messages.setInternalErrorMessage(i18n.getTranslation("ops.system.internalError.message", locale));
        messages.setCookiesDisabledCaption(i18n.getTranslation("ops.system.cookies.caption", locale));
        messages.setCookiesDisabledMessage(i18n.getTranslation("ops.system.cookies.message", locale));
        return messages;
    }

    void handleVaadin(ErrorEvent event) {
        Throwable error = event.getThrowable();
        if (DISCONNECTED.checkAndLogClientDisconnectedException(error)) {
            // The browser closed the connection before the answer was written (a tab closed or reloaded, a load tool
            // giving up): normal traffic, not an error of ours, and there is no page left to tell. Spring's helper
            // logs it at DEBUG (stack trace at TRACE) under request-error.disconnected.
            return;
        }
        Throwable refusal = AccessRefusals.refusalIn(error);
        if (refusal != null) {
            // A refusal is not an error of ours: one "access refused" line (if its source did not log it already).
            AccessRefusals.reachedErrorHandler(refusal, "ui");
            notify(ui -> ui.getTranslation("ops.denied"));
            return;
        }
        String id = ErrorIds.next();
        LOG.error("request error id={} ui {}: {}", id, error.getClass().getName(), error.getMessage(), error);
        notify(ui -> ui.getTranslation("ops.error", id));
    }

    private static void notify(java.util.function.Function<UI, String> message) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        try {
            ui.access(() -> {
                Notification notification = Notification.show(message.apply(ui), 10_000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        } catch (UIDetachedException gone) {
            // The page was closed meanwhile: nobody to notify. Thrown out of here, it became two more ERROR lines
            // of the servlet container for one error (seen in the dashboard load bench, 30 November).
        }
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object existing = request.getAttribute(ERROR_ID, RequestAttributes.SCOPE_REQUEST);
        String id = existing != null ? existing.toString() : ErrorIds.next();
        if (existing == null) {
            request.setAttribute(ERROR_ID, id, RequestAttributes.SCOPE_REQUEST);
            Throwable error = getError(request);
            // 4xx are the caller's mistakes (a missing file, a refused request): not logged as errors.
            if (error != null || attributes.get("status") instanceof Integer status && status >= 500) {
                LOG.error("request error id={} http {} {}: {}", id, attributes.get("status"), attributes.get("path"),
                        error == null ? attributes.get("error") : error.getMessage(), error);
            }
        }
        attributes.put(ERROR_ID, id);
        return attributes;
    }
}
