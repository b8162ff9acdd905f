package cn.liaocheng.strongtown.dashboard.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import cn.liaocheng.strongtown.dashboard.security.CurrentUser;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.user.UserService;
import cn.liaocheng.strongtown.dashboard.user.UserValidationException;

/** The signed-in user's account: who they are and changing their own password. */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button change = new Button();

    public AccountView(UserService users, CurrentUser currentUser) {
        add(new H2(getTranslation("account.title")));
        currentUser.get().ifPresent(u -> add(new Paragraph(getTranslation("account.who", u.getUsername(),
                u.displayName(), getTranslation(u.role().translationKey())))));
        add(new H3(getTranslation("account.changePassword")));
        current.setLabel(getTranslation("account.current"));
        next.setLabel(getTranslation("account.new"));
        next.setHelperText(getTranslation("users.password.rules", UserService.MIN_PASSWORD_LENGTH));
        repeat.setLabel(getTranslation("account.repeat"));
        current.setId("password-current");
        next.setId("password-new");
        repeat.setId("password-repeat");
        change.setText(getTranslation("account.change"));
        change.setId("password-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                error(getTranslation("account.mismatch"));
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), next.getValue());
            } catch (UserValidationException ex) {
                error(getTranslation(ex.messageKey(), ex.parameters()));
                return;
            }
            current.clear();
            next.clear();
            repeat.clear();
            Notification.show(getTranslation("account.changed"), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        FormLayout form = new FormLayout(current, next, repeat);
        form.setMaxWidth("40em");
        add(form, change);
    }

    private void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · " + getTranslation("app.title");
    }
}
