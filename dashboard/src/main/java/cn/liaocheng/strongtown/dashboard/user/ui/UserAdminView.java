package cn.liaocheng.strongtown.dashboard.user.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.liaocheng.strongtown.dashboard.security.Role;
import cn.liaocheng.strongtown.dashboard.frame.MainLayout;
import cn.liaocheng.strongtown.dashboard.user.UserAccount;
import cn.liaocheng.strongtown.dashboard.user.UserChange;
import cn.liaocheng.strongtown.dashboard.user.UserService;
import cn.liaocheng.strongtown.dashboard.user.UserValidationException;
import cn.liaocheng.strongtown.town.County;

/** Administration of users: create, change role and county, enable, reset password, unlock. */
@Route(value = "admin/users", layout = MainLayout.class)
@RolesAllowed(Role.Names.ADMIN)
public class UserAdminView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final UserService users;
    private final Map<String, County> counties;
    final Grid<UserAccount> grid = new Grid<>();

    public UserAdminView(UserService users) {
        this.users = users;
        this.counties = users.counties().stream().collect(Collectors.toMap(County::code, Function.identity()));
        setSizeFull();
        Button create = new Button(getTranslation("users.new"), e -> editor(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("user-new");
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("users.title")), create);
        header.setAlignItems(Alignment.BASELINE);
        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(UserAccount::username).setHeader(getTranslation("users.col.username")).setAutoWidth(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("users.col.displayName")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.role().translationKey())).setHeader(getTranslation("users.col.role"))
                .setAutoWidth(true);
        grid.addColumn(u -> u.countyCode() == null ? "" : countyName(u.countyCode()))
                .setHeader(getTranslation("users.col.county")).setAutoWidth(true);
        grid.addColumn(this::status).setHeader(getTranslation("users.col.status")).setAutoWidth(true);
        grid.addColumn(u -> TIME.format(u.createdAt())).setHeader(getTranslation("users.col.created")).setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("users.col.actions"))
                .setAutoWidth(true);
        add(header, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private String countyName(String code) {
        County county = counties.get(code);
        return county == null ? code : county.name();
    }

    String status(UserAccount u) {
        if (!u.enabled()) {
            return getTranslation("users.status.disabled");
        }
        if (u.lockedAt(Instant.now())) {
            return getTranslation("users.status.locked", TIME.format(u.lockedUntil()));
        }
        return getTranslation("users.status.active");
    }

    private HorizontalLayout actions(UserAccount u) {
        Button edit = new Button(getTranslation("users.edit"), e -> editor(u));
        Button reset = new Button(getTranslation("users.resetPassword"), e -> resetPassword(u));
        Button unlock = new Button(getTranslation("users.unlock"), e -> run(() -> users.unlock(u.username()),
                getTranslation("users.unlocked", u.username())));
        unlock.setEnabled(u.lockedAt(Instant.now()) || u.failedLogins() > 0);
        for (Button b : List.of(edit, reset, unlock)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        edit.setId("user-edit-" + u.username());
        reset.setId("user-reset-" + u.username());
        unlock.setId("user-unlock-" + u.username());
        return new HorizontalLayout(edit, reset, unlock);
    }

    void refresh() {
        grid.setItems(users.users());
    }

    /** The create (user null) or edit dialog. */
    Dialog editor(UserAccount user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation(user == null ? "users.new" : "users.edit"));
        TextField username = new TextField(getTranslation("users.col.username"));
        username.setId("user-username");
        username.setHelperText(getTranslation("users.username.help"));
        username.setMaxLength(32);
        TextField displayName = new TextField(getTranslation("users.col.displayName"));
        displayName.setId("user-display-name");
        displayName.setMaxLength(UserService.MAX_DISPLAY_NAME_LENGTH);
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("users.col.role"));
        role.setItems(Arrays.asList(Role.values()));
        role.setItemLabelGenerator(r -> getTranslation(r.translationKey()));
        ComboBox<County> county = new ComboBox<>(getTranslation("users.col.county"));
        county.setItems(counties.values().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList());
        county.setItemLabelGenerator(County::name);
        county.setHelperText(getTranslation("users.county.help"));
        Checkbox enabled = new Checkbox(getTranslation("users.enabled"));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setId("user-password");
        password.setHelperText(getTranslation("users.password.rules", UserService.MIN_PASSWORD_LENGTH));
        role.addValueChangeListener(e -> county.setEnabled(e.getValue() != null && e.getValue().countyBound()));
        FormLayout form = new FormLayout(username, displayName, role, county, enabled);
        if (user == null) {
            form.add(password);
            role.setValue(Role.ANALYST);
            enabled.setValue(true);
        } else {
            username.setValue(user.username());
            username.setReadOnly(true);
            displayName.setValue(user.displayName());
            role.setValue(user.role());
            county.setValue(user.countyCode() == null ? null : counties.get(user.countyCode()));
            enabled.setValue(user.enabled());
        }
        county.setEnabled(role.getValue() != null && role.getValue().countyBound());
        Button save = new Button(getTranslation("users.save"), e -> {
            UserChange change = new UserChange(displayName.getValue(), role.getValue(),
                    county.getValue() == null ? null : county.getValue().code(), enabled.getValue());
            boolean ok = user == null
                    ? run(() -> users.create(username.getValue().strip(), change, password.getValue()),
                            getTranslation("users.created", username.getValue().strip()))
                    : run(() -> users.update(user.username(), change), getTranslation("users.updated", user.username()));
            if (ok) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("user-save");
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    private void resetPassword(UserAccount user) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("users.resetPassword.title", user.username()));
        PasswordField password = new PasswordField(getTranslation("users.password"));
        password.setHelperText(getTranslation("users.password.rules", UserService.MIN_PASSWORD_LENGTH));
        Button save = new Button(getTranslation("users.save"), e -> {
            if (run(() -> users.resetPassword(user.username(), password.getValue()),
                    getTranslation("users.passwordReset", user.username()))) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(password);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    /** Runs a change, reports success or the translated reason it was refused; true on success. */
    private boolean run(Runnable change, String success) {
        try {
            change.run();
        } catch (UserValidationException e) {
            Notification.show(getTranslation(e.messageKey(), e.parameters()), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
        Notification.show(success, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
        return true;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.title") + " · " + getTranslation("app.title");
    }
}
