package cn.liaocheng.strongtown.dashboard.selection.ui;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.liaocheng.strongtown.dashboard.selection.Download;
import cn.liaocheng.strongtown.dashboard.selection.SelectionException;
import cn.liaocheng.strongtown.dashboard.selection.SelectionSupportView;

/** Small helpers the selection views share: running an action with a translated outcome, reason dialogs, downloads. */
final class SelectionUi {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SelectionSupportView.ZONE);

    private SelectionUi() {
    }

    /** The refusal's message in the user's language; arguments that are translation keys are translated too. */
    static String message(Component c, RuntimeException e) {
        if (e instanceof SelectionException s) {
            Object[] args = s.arguments().stream().map(a -> a instanceof String k && k.startsWith("selection.")
                    ? c.getTranslation(k) : a).toArray();
            return c.getTranslation(s.messageKey(), args);
        }
        if (e instanceof AccessDeniedException) {
            return c.getTranslation("selection.error.denied");
        }
        return c.getTranslation("selection.error.failed");
    }

    /** Runs an action; a refusal is shown as an error notification and changes nothing. */
    static boolean run(Component c, Runnable action, String successKey) {
        try {
            action.run();
            if (successKey != null) {
                Notification.show(c.getTranslation(successKey), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            return true;
        } catch (SelectionException | AccessDeniedException | IllegalStateException e) {
            Notification n = Notification.show(message(c, e), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("selection-error");
            return false;
        }
    }

    /** Asks for a written reason, then runs the action with it. */
    static void askReason(Component c, String titleKey, Consumer<String> action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(c.getTranslation(titleKey));
        TextArea reason = new TextArea(c.getTranslation("selection.reason"));
        reason.setId("reason-text");
        reason.setWidth("420px");
        reason.setRequired(true);
        Button ok = new Button(c.getTranslation("selection.confirm"), e -> {
            action.accept(reason.getValue());
            dialog.close();
        });
        ok.setId("reason-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(reason);
        dialog.getFooter().add(new Button(c.getTranslation("selection.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    static Anchor download(Component c, String labelKey, Supplier<Download> file) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            Download d = file.get();
            return new DownloadResponse(new ByteArrayInputStream(d.content()), d.fileName(), d.contentType(),
                    d.content().length);
        }), c.getTranslation(labelKey));
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    static String score(Double value) {
        return value == null ? "—" : String.format("%.2f", value);
    }
}
